package dev.jobcode.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobcode.index.IndexException;
import dev.jobcode.index.OnetIndex;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Set;

/**
 * {@code POST /admin/index}: serve another index without a restart. Only registered when a token
 * is configured; every call must carry it as {@code Authorization: Bearer TOKEN}.
 */
final class AdminController {
  private static final Set<String> SWAP_FIELDS = Set.of("path");

  private final ServedIndex served;
  private final byte[] token;

  AdminController(ServedIndex served, String token) {
    this.served = served;
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  void swap(Context ctx) {
    authorize(ctx);
    Path dir = swapPath(JsonBodies.object(ctx));
    OnetIndex before = served.current().index();
    try {
      OnetIndex now = served.swap(dir).index();
      ctx.json(new Api.SwapResponse(Api.TaxonomyRef.of(now.meta()), Api.IndexRef.of(now),
          Api.TaxonomyRef.of(before.meta()), before.dir().toString()));
    } catch (IndexException e) {
      throw new ApiException(422, "index_refused", e.getMessage() + "; still serving "
          + before.meta().taxonomy().version() + " from " + before.dir());
    }
  }

  /** {@code {"path": DIR}}: the folder of the index to serve, absolute. */
  static Path swapPath(JsonNode body) {
    Requests.knownFields(body, SWAP_FIELDS, "");
    String given = Requests.optionalText(body, "path", "");
    if (given == null || given.isBlank()) {
      throw ApiException.badRequest("path is required: the folder of the index to serve");
    }
    try {
      return Path.of(given.strip()).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw ApiException.badRequest("path is not a valid path: " + e.getMessage());
    }
  }

  /** Compares in constant time, so the answer's timing says nothing about the token. */
  private void authorize(Context ctx) {
    String header = ctx.header("Authorization");
    String prefix = "Bearer ";
    boolean ok = header != null && header.regionMatches(true, 0, prefix, 0, prefix.length())
        && MessageDigest.isEqual(token, header.substring(prefix.length()).strip().getBytes(StandardCharsets.UTF_8));
    if (!ok) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new ApiException(401, "unauthorized", "send the admin token as 'Authorization: Bearer TOKEN'");
    }
  }
}
