package dev.jobcode.documents;

import java.util.Locale;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;

/** The kinds of file a CV is read from, with the media type reported for each. */
enum DocumentKind {
  PDF("application/pdf", "a PDF", ".pdf"),
  DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "a Word document", ".docx"),
  DOC("application/msword", "a Word 97-2003 document", ".doc"),
  ODT("application/vnd.oasis.opendocument.text", "an OpenDocument text", ".odt"),
  RTF("application/rtf", "an RTF document", ".rtf"),
  HTML("text/html", "an HTML page", ".html", ".htm", ".xhtml"),
  MARKDOWN("text/markdown", "a Markdown file", ".md", ".markdown"),
  TEXT("text/plain", "a text file", ".txt", ".text");

  /** For messages: what jobcode reads. */
  static final String SUPPORTED = "PDF, Word (.docx, .doc), OpenDocument text (.odt), RTF, HTML, Markdown (.md)"
      + " and plain text (.txt)";

  private static final MediaType ZIP = MediaType.application("zip");
  private static final MediaType OOXML = MediaType.application("x-tika-ooxml");
  private static final MediaType OLE2 = MediaType.application("x-tika-msoffice");
  private static final MediaType OCTET_STREAM = MediaType.OCTET_STREAM;

  private final MediaType mediaType;
  private final String description;
  private final String[] extensions;

  DocumentKind(String mediaType, String description, String... extensions) {
    this.mediaType = MediaType.parse(mediaType);
    this.description = description;
    this.extensions = extensions;
  }

  String mediaType() {
    return mediaType.toString();
  }

  /** "a PDF", "a Word document": for messages. */
  String description() {
    return description;
  }

  /**
   * The kind for a detected type, or null when it is none we read. The name is a hint only where
   * the content alone cannot tell: a damaged Word file is detected as a bare ZIP or OLE2 container,
   * or as unknown bytes, and is then read (and refused as damaged) as what its name says; a
   * text file whose first words look like some text format (an e-mail header) is still text when
   * its name says so.
   */
  static DocumentKind of(MediaType detected, String name, MediaTypeRegistry registry) {
    MediaType type = registry.normalize(detected.getBaseType());
    for (DocumentKind kind : values()) {
      if (type.equals(kind.mediaType)) {
        return kind;
      }
    }
    if (type.equals(MediaType.application("xhtml+xml"))) {
      return HTML;
    }
    if (type.equals(MediaType.text("x-web-markdown"))) {
      return MARKDOWN;
    }
    DocumentKind named = byName(name);
    if (named == null) {
      return null;
    }
    boolean container = type.equals(ZIP) || type.equals(OOXML) || type.equals(OLE2) || type.equals(OCTET_STREAM);
    if (container && (named == DOCX || named == ODT || named == DOC || named == PDF)) {
      return named;
    }
    if ((named == TEXT || named == MARKDOWN) && registry.isSpecializationOf(type, MediaType.TEXT_PLAIN)) {
      return named;
    }
    return null;
  }

  private static DocumentKind byName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (DocumentKind kind : values()) {
      for (String extension : kind.extensions) {
        if (lower.endsWith(extension)) {
          return kind;
        }
      }
    }
    return null;
  }
}
