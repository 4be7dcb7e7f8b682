package dev.jobcode.server;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Limits and switches of the HTTP API. The defaults are the safe ones: no CORS, no admin endpoint.
 *
 * @param maxBodyBytes largest request body accepted (413 above it)
 * @param maxBatchItems largest {@code /v1/classify/batch} accepted (413 above it)
 * @param maxInFlight requests worked on at once; more wait for a slot
 * @param queueTimeout how long a request waits for a slot before a 503 with {@code Retry-After}
 * @param idleTimeout how long a connection may send or read nothing before it is closed
 * @param drainTimeout how long a shutdown waits for the requests in flight to finish
 * @param corsOrigins origins allowed to call from a browser; empty means no CORS headers at all
 * @param adminToken bearer token of the admin endpoints; null means they do not exist
 * @param metrics whether {@code GET /metrics} answers (Prometheus text, on the API's own address)
 * @param writeToken bearer token of the calls that change the candidate pool (add, replace, delete);
 *     null means they do not exist
 * @param maxUploadBytes largest CV file accepted by {@code POST /v1/candidates} (413 above it)
 */
public record ServerSettings(long maxBodyBytes, int maxBatchItems, int maxInFlight, Duration queueTimeout,
                             Duration idleTimeout, Duration drainTimeout, List<String> corsOrigins,
                             String adminToken, boolean metrics, String writeToken, long maxUploadBytes) {
  /** Shortest admin token accepted: a guessable token is no protection. */
  public static final int MIN_TOKEN_CHARS = 16;

  /** Requests worked on at once unless told otherwise ({@code serve --max-in-flight}). */
  public static final int DEFAULT_MAX_IN_FLIGHT = 64;

  /** The largest CV file an upload may carry unless told otherwise: 10 MiB. */
  public static final long DEFAULT_MAX_UPLOAD_BYTES = 10L * 1024 * 1024;

  public static final ServerSettings DEFAULT = new ServerSettings(1_048_576, 256, DEFAULT_MAX_IN_FLIGHT,
      Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofSeconds(30), List.of(), null, true, null,
      DEFAULT_MAX_UPLOAD_BYTES);

  public ServerSettings {
    if (maxBodyBytes < 1024 || maxBatchItems < 1 || maxInFlight < 1) {
      throw new IllegalArgumentException("invalid server limits: body " + maxBodyBytes + ", batch " + maxBatchItems
          + ", in flight " + maxInFlight);
    }
    Objects.requireNonNull(queueTimeout, "queueTimeout");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(drainTimeout, "drainTimeout");
    corsOrigins = List.copyOf(corsOrigins);
    adminToken = token(adminToken, "admin");
    writeToken = token(writeToken, "write");
    if (adminToken != null && adminToken.equals(writeToken)) {
      throw new IllegalArgumentException("the write token must differ from the admin token");
    }
    if (maxUploadBytes < 1024) {
      throw new IllegalArgumentException("invalid upload limit: " + maxUploadBytes);
    }
  }

  private static String token(String token, String what) {
    if (token != null && token.strip().length() < MIN_TOKEN_CHARS) {
      throw new IllegalArgumentException("the " + what + " token must have at least " + MIN_TOKEN_CHARS + " characters");
    }
    return token == null ? null : token.strip();
  }

  public ServerSettings withAdmission(int maxInFlight, Duration queueTimeout) {
    return new ServerSettings(maxBodyBytes, maxBatchItems, maxInFlight, queueTimeout, idleTimeout, drainTimeout,
        corsOrigins, adminToken, metrics, writeToken, maxUploadBytes);
  }

  public ServerSettings withCorsOrigins(List<String> origins) {
    return new ServerSettings(maxBodyBytes, maxBatchItems, maxInFlight, queueTimeout, idleTimeout, drainTimeout,
        origins, adminToken, metrics, writeToken, maxUploadBytes);
  }

  public ServerSettings withAdminToken(String token) {
    return new ServerSettings(maxBodyBytes, maxBatchItems, maxInFlight, queueTimeout, idleTimeout, drainTimeout,
        corsOrigins, token, metrics, writeToken, maxUploadBytes);
  }

  public ServerSettings withMetrics(boolean on) {
    return new ServerSettings(maxBodyBytes, maxBatchItems, maxInFlight, queueTimeout, idleTimeout, drainTimeout,
        corsOrigins, adminToken, on, writeToken, maxUploadBytes);
  }

  public ServerSettings withWriteToken(String token) {
    return new ServerSettings(maxBodyBytes, maxBatchItems, maxInFlight, queueTimeout, idleTimeout, drainTimeout,
        corsOrigins, adminToken, metrics, token, maxUploadBytes);
  }

  public ServerSettings withMaxUploadBytes(long bytes) {
    return new ServerSettings(maxBodyBytes, maxBatchItems, maxInFlight, queueTimeout, idleTimeout, drainTimeout,
        corsOrigins, adminToken, metrics, writeToken, bytes);
  }

  /** Whether the calls that change the candidate pool exist. */
  public boolean writeEnabled() {
    return writeToken != null;
  }

  public boolean adminEnabled() {
    return adminToken != null;
  }

  /** Never prints a token. */
  @Override
  public String toString() {
    return "ServerSettings[maxBodyBytes=" + maxBodyBytes + ", maxBatchItems=" + maxBatchItems + ", maxInFlight="
        + maxInFlight + ", queueTimeout=" + queueTimeout + ", idleTimeout=" + idleTimeout + ", drainTimeout="
        + drainTimeout + ", corsOrigins=" + corsOrigins + ", admin=" + (adminEnabled() ? "on" : "off") + ", metrics="
        + (metrics ? "on" : "off") + ", writes=" + (writeEnabled() ? "on" : "off") + ", maxUploadBytes="
        + maxUploadBytes + "]";
  }
}
