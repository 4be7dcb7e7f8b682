package dev.jobcode.server;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A bearer token that guards routes: {@code Authorization: Bearer TOKEN}, compared in constant time
 * so that the answer's timing says nothing about the token.
 */
final class BearerToken {
  private final byte[] token;
  private final String what;

  /** @param what names the token in the 401 ("admin", "write") */
  BearerToken(String token, String what) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
    this.what = what;
  }

  /** Throws a 401 with {@code WWW-Authenticate: Bearer} unless the request carries the token. */
  void require(Context ctx) {
    String header = ctx.header("Authorization");
    String prefix = "Bearer ";
    boolean ok = header != null && header.regionMatches(true, 0, prefix, 0, prefix.length())
        && MessageDigest.isEqual(token, header.substring(prefix.length()).strip().getBytes(StandardCharsets.UTF_8));
    if (!ok) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new ApiException(401, "unauthorized", "send the " + what + " token as 'Authorization: Bearer TOKEN'");
    }
  }
}
