package dev.jobcode.documents;

import java.util.Objects;

/**
 * A file that gives no text, with the reason and a message meant for the person who sent the file:
 * what is wrong and what to do. The message never holds a parser's internals; the cause, when there
 * is one, is kept for the logs.
 */
public final class ExtractionException extends RuntimeException {
  /** Why a file gave no text. */
  public enum Reason {
    /** The file has no bytes. */
    EMPTY,
    /**
     * Bigger than the file-size limit, or far bigger inside than any CV: a zip bomb, a PDF page that
     * inflates past 32 MB, more than 1,000 PDF pages, a million paragraphs or 200,000 HTML tags.
     */
    TOO_LARGE,
    /** Not one of the kinds read: PDF, Word, OpenDocument text, RTF, HTML, Markdown, plain text. */
    UNSUPPORTED_TYPE,
    /** Password-protected. */
    ENCRYPTED,
    /** Damaged, truncated, or not what its type says it is. */
    CORRUPT,
    /** Read, but holds no text: e.g. a scanned PDF, since jobcode does no OCR. */
    NO_TEXT,
    /** More characters of text than the limit. */
    TEXT_TOO_LONG,
    /** Reading took longer than the limit and was abandoned. */
    TIMEOUT,
    /** A text file in an encoding other than UTF-8, or UTF-16 with a byte-order mark. */
    BAD_ENCODING
  }

  private final Reason reason;

  ExtractionException(Reason reason, String message) {
    this(reason, message, null);
  }

  ExtractionException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}
