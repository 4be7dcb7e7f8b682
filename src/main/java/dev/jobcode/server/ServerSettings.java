package dev.jobcode.server;

/**
 * Limits of the HTTP API.
 *
 * @param maxBodyBytes largest request body accepted (413 above it)
 * @param maxBatchItems largest {@code /v1/classify/batch} accepted (413 above it)
 */
public record ServerSettings(long maxBodyBytes, int maxBatchItems) {
  public static final ServerSettings DEFAULT = new ServerSettings(1_048_576, 256);

  public ServerSettings {
    if (maxBodyBytes < 1024 || maxBatchItems < 1) {
      throw new IllegalArgumentException("invalid server settings: " + this);
    }
  }
}
