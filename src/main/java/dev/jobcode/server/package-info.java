/**
 * The HTTP API (Javalin, JSON, under {@code /v1}): an app factory that takes its dependencies,
 * controllers that only do I/O, response records, one error shape for every failure, the OpenAPI
 * document built from the handlers, and the routes of the page people open.
 */
package dev.jobcode.server;
