package dev.jobcode.encoder;

/** The model cannot be loaded or run; the message says what to do. */
public class EncoderException extends RuntimeException {
  public EncoderException(String message) {
    super(message);
  }

  public EncoderException(String message, Throwable cause) {
    super(message, cause);
  }
}
