/**
 * The HTTP API (Javalin, JSON, under {@code /v1}): an app factory that takes its dependencies,
 * controllers that only do I/O, response records, and one error shape for every failure.
 */
package dev.jobcode.server;
