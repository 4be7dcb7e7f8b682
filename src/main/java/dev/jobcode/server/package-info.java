/**
 * The HTTP API (Javalin, JSON, under {@code /v1}): an app factory that takes its dependencies,
 * controllers that only do I/O, response records, one error shape for every failure, the OpenAPI
 * document built from the handlers, the routes of the page people open, and the server's own
 * Prometheus meters ({@code GET /metrics}: requests, admission, encoder, candidate searches, the
 * index served, the JVM).
 */
package dev.jobcode.server;
