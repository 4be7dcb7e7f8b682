package dev.jobcode.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
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
    return Requests.object(ctx.bodyAsBytes());
  }
}
