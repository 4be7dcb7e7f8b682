package dev.jobcode.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Locale;

/** The JSON body of a request, after checking its content type. */
final class JsonBodies {
  private JsonBodies() {}

  static JsonNode object(Context ctx) {
    String type = ctx.contentType();
    if (type == null || !type.toLowerCase(Locale.ROOT).strip().startsWith("application/json")) {
      throw new ApiException(415, "unsupported_media_type",
          "send the body as JSON with 'Content-Type: application/json'" + (type == null ? "" : ", not '" + type + "'"));
    }
    return Requests.object(bytes(ctx));
  }

  /**
   * The body's bytes. A client that sends fewer than its Content-Length and stalls or hangs up
   * (Jetty's idle time-out, or an early end of stream) is answered 408, a client error: not a 500.
   */
  static byte[] bytes(Context ctx) {
    try {
      return ctx.bodyAsBytes();
    } catch (Exception e) {   // Javalin is Kotlin: the IOException is thrown undeclared
      if (e instanceof IOException || e.getCause() instanceof IOException) {
        throw new ApiException(408, "request_timeout", "the request body ended or stalled before its Content-Length ("
            + ctx.contentLength() + " bytes) arrived");
      }
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
  }
}
