package dev.jobcode.server;

import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.http.staticfiles.StaticFileConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The page people open: one HTML shell for every view ({@link #PATHS}), its script and style under
 * {@code /assets/} from the jar. The views live in the URL and talk to the public /v1 API; the
 * Content-Security-Policy lets the page run only its own script and style, so text from a CV can
 * never run as code even if it were inserted wrongly.
 */
final class WebPage {
  /** The views' paths; the page's own router tells them apart. */
  static final List<String> PATHS = List.of("/", "/batch", "/occupations/{code}", "/candidates", "/candidates/{id}");

  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  /** Headers every page and asset carries. */
  static final Map<String, String> HEADERS = Map.of(
      "Content-Security-Policy", CSP,
      "X-Content-Type-Options", "nosniff",
      "Referrer-Policy", "no-referrer",
      "Cache-Control", "no-cache");

  private final byte[] shell;

  WebPage() {
    try (InputStream in = WebPage.class.getResourceAsStream("/web/index.html")) {
      if (in == null) {
        throw new IllegalStateException("web/index.html is not on the classpath: rebuild the jar");
      }
      shell = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The assets, served from the jar's {@code web/} folder at {@code /assets}. */
  static void assets(StaticFileConfig files) {
    files.hostedPath = "/assets";
    files.directory = "/web";
    files.location = Location.CLASSPATH;
    files.headers = HEADERS;
  }

  void serve(Context ctx) {
    HEADERS.forEach(ctx::header);
    ctx.contentType("text/html; charset=utf-8").result(shell);
  }
}
