package dev.jobcode.documents;

import dev.jobcode.documents.ExtractionException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.html.JSoupParser;
import org.apache.tika.parser.microsoft.OfficeParser;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.parser.microsoft.rtf.RTFParser;
import org.apache.tika.parser.odf.OpenDocumentParser;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.ContentHandler;

/**
 * One file to text, on the calling thread: detect what the content is, refuse what jobcode does not
 * read, parse the rest with the one parser for its kind, and turn every failure into an
 * {@link ExtractionException} with its reason. Thread-safe: the detector and parsers keep no state
 * between calls.
 *
 * <p>Only the parsers of the supported kinds are ever called, never Tika's auto-detecting parser,
 * and embedded documents (attachments, pictures, OLE objects) are not parsed: less code runs on a
 * stranger's file, and a CV's own text is what matters. Each kind meets the guards its parser lacks:
 *
 * <ul>
 *   <li>PDF: read with PDFBox directly by {@link PdfText}, which limits pages and inflated page
 *       content and can be stopped within a page; no OCR.
 *   <li>DOCX, ODT: {@link ZipBombCheck} before the parser; DOCX, DOC, ODT, RTF, HTML: the
 *       {@link Watchdog} (deadline, a million parts, nesting) and the {@link TextSink}'s write limit
 *       during the parse.
 *   <li>HTML: at most {@value #MAX_HTML_TAGS} tags, counted before jsoup, which cannot be stopped
 *       while it builds its tree (about a second per 100,000 nested tags).
 *   <li>Text and Markdown: decoded by {@link PlainText}, which guesses no encoding.
 * </ul>
 */
final class DocumentReader {
  private static final EmbeddedDocumentExtractor NO_EMBEDDED = new EmbeddedDocumentExtractor() {
    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
      return false;
    }

    @Override
    public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml) {
      // never called: shouldParseEmbedded says no
    }
  };

  /** POI's own defaults: a zip entry may inflate at most 100 times, a package hold 1,000 parts. */
  private static final double POI_MIN_INFLATE_RATIO = 0.01;
  private static final long POI_MAX_FILE_COUNT = 1_000;
  /** More tags than this is no CV; jsoup cannot be stopped while it parses, so HTML is counted first. */
  static final int MAX_HTML_TAGS = 200_000;

  private static final Parser DOCX_PARSER;
  private static final Parser DOC_PARSER = new OfficeParser();
  private static final Parser ODT_PARSER = new OpenDocumentParser();
  private static final Parser RTF_PARSER = new RTFParser();
  private static final Parser HTML_PARSER = new JSoupParser();

  static {
    // Tika's OOXMLParser turns POI's zip-bomb check off for the whole JVM when its class loads (it
    // relies on the guards of its auto-detecting parser, which jobcode does not use); that would
    // also leave jobcode's own Excel reading unguarded. Put POI's defaults back.
    DOCX_PARSER = new OOXMLParser();
    ZipSecureFile.setMinInflateRatio(POI_MIN_INFLATE_RATIO);
    ZipSecureFile.setMaxFileCount(POI_MAX_FILE_COUNT);
  }

  private final ExtractionLimits limits;
  private final MimeTypes types = MimeTypes.getDefaultMimeTypes();
  private final Detector detector = new DefaultDetector(types);

  DocumentReader(ExtractionLimits limits) {
    this.limits = limits;
  }

  /** A file, or an upload's bytes; {@code name} is what messages call it and a hint to its type. */
  record Source(Path file, byte[] bytes, String name, long size) {
    TikaInputStream open() throws IOException {
      return file != null ? TikaInputStream.get(file) : TikaInputStream.get(bytes);
    }
  }

  ExtractedText read(Source source, long deadlineNanos) {
    DocumentKind kind = null;
    try (TikaInputStream in = source.open()) {
      Metadata metadata = new Metadata();
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, source.name());
      MediaType detected = detector.detect(in, metadata);
      kind = kindOf(detected, source);
      String text = switch (kind) {
        case TEXT, MARKDOWN -> plainText(in, source);
        case PDF -> pdf(source, metadata, deadlineNanos);
        case HTML -> {
          checkTags(source);
          yield parse(HTML_PARSER, in, metadata, deadlineNanos, true);
        }
        case DOCX -> {
          ZipBombCheck.check(source, deadlineNanos);
          yield parse(DOCX_PARSER, in, metadata, deadlineNanos, false);
        }
        case ODT -> {
          ZipBombCheck.check(source, deadlineNanos);
          yield parse(ODT_PARSER, in, metadata, deadlineNanos, false);
        }
        case DOC -> parse(DOC_PARSER, in, metadata, deadlineNanos, false);
        case RTF -> parse(RTF_PARSER, in, metadata, deadlineNanos, false);
      };
      text = TextCleaner.clean(text);
      if (text.isEmpty()) {
        throw noText(kind, source);
      }
      if (text.length() > limits.maxChars()) {
        throw tooLong(source);
      }
      return new ExtractedText(text, kind.mediaType(), TextCleaner.title(metadata.get(TikaCoreProperties.TITLE)));
    } catch (ExtractionException e) {
      throw e;
    } catch (Exception | OutOfMemoryError | StackOverflowError e) {
      throw failure(e, source, kind);
    }
  }

  private DocumentKind kindOf(MediaType detected, Source source) {
    if (detected.getBaseType().equals(MediaType.application("x-tika-ooxml-protected"))) {
      throw encrypted(source, null);
    }
    DocumentKind kind = DocumentKind.of(detected, source.name(), types.getMediaTypeRegistry());
    if (kind == null) {
      throw new ExtractionException(Reason.UNSUPPORTED_TYPE, source.name() + " is " + describe(detected)
          + ", which jobcode does not read; it reads " + DocumentKind.SUPPORTED);
    }
    return kind;
  }

  private String parse(Parser parser, TikaInputStream in, Metadata metadata, long deadlineNanos, boolean html)
      throws Exception {
    TextSink sink = new TextSink(limits.maxChars(), html);
    ParseContext context = new ParseContext();
    context.set(EmbeddedDocumentExtractor.class, NO_EMBEDDED);
    context.set(OfficeParserConfig.class, officeConfig());
    parser.parse(in, new Watchdog(new BodyContentHandler(sink), deadlineNanos), metadata, context);
    return sink.text();
  }

  private String pdf(Source source, Metadata metadata, long deadlineNanos) throws IOException {
    TextSink sink = new TextSink(limits.maxChars(), false);
    String title = PdfText.read(source, sink, deadlineNanos);
    if (title != null) {
      metadata.set(TikaCoreProperties.TITLE, title);
    }
    return sink.text();
  }

  /** Refuses HTML of more than {@link #MAX_HTML_TAGS} tags, counting the '<' in its bytes. */
  private static void checkTags(Source source) throws IOException {
    long tags = 0;
    try (InputStream in = source.file() != null ? Files.newInputStream(source.file())
        : new ByteArrayInputStream(source.bytes())) {
      byte[] buffer = new byte[1 << 16];
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '<' && ++tags > MAX_HTML_TAGS) {
            throw new ExtractionException(Reason.TOO_LARGE, String.format(Locale.ROOT,
                "%s holds more than %,d HTML tags; a CV page has a few thousand: send the CV alone",
                source.name(), MAX_HTML_TAGS));
          }
        }
      }
    }
  }

  private String plainText(TikaInputStream in, Source source) throws IOException {
    byte[] bytes = source.bytes() != null ? source.bytes() : in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, limits.maxFileBytes() + 1));
    if (bytes.length > limits.maxFileBytes()) {
      throw TextExtractor.tooLarge(source.name(), bytes.length, limits);
    }
    return PlainText.decode(bytes, source.name());
  }

  private static OfficeParserConfig officeConfig() {
    OfficeParserConfig config = new OfficeParserConfig();
    config.setUseSAXDocxExtractor(true);  // streams word/document.xml: a huge one never sits in memory
    config.setExtractMacros(false);
    config.setIncludeDeletedContent(false);
    config.setIncludeMoveFromContent(false);
    return config;
  }

  /** "a PNG image (image/png)": the registry's name for a type, for messages. */
  private String describe(MediaType type) {
    String base = type.getBaseType().toString();
    try {
      MimeType mime = types.forName(base);
      String description = mime.getDescription();
      if (description != null && !description.isBlank()) {
        return "a file of type " + description + " (" + base + ")";
      }
    } catch (MimeTypeException e) {
      // fall through to the bare type
    }
    return "a file of type " + base;
  }

  private static ExtractionException noText(DocumentKind kind, Source source) {
    if (kind == DocumentKind.PDF) {
      return new ExtractionException(Reason.NO_TEXT, source.name() + " holds no text, only images: probably a scanned"
          + " page, and jobcode does no OCR; send the original document, or a PDF whose text can be selected");
    }
    return new ExtractionException(Reason.NO_TEXT, source.name() + " is " + kind.description() + " with no text in it");
  }

  private ExtractionException tooLong(Source source) {
    return new ExtractionException(Reason.TEXT_TOO_LONG, String.format(Locale.ROOT,
        "%s holds more than %,d characters of text, far more than a CV; send the CV alone", source.name(), limits.maxChars()));
  }

  private static ExtractionException encrypted(Source source, Throwable cause) {
    return new ExtractionException(Reason.ENCRYPTED, source.name() + " is password-protected: jobcode cannot read"
        + " encrypted files; save an unprotected copy", cause);
  }

  /** The reason a parse failed, from the exception and its causes. */
  private ExtractionException failure(Throwable e, Source source, DocumentKind kind) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof Watchdog.Abandoned || t instanceof InterruptedException || t instanceof InterruptedIOException
          || t instanceof ClosedByInterruptException) {
        return TextExtractor.timeout(source.name(), limits, e);
      }
      if (t instanceof Watchdog.TooManyParts) {
        return new ExtractionException(Reason.TOO_LARGE, String.format(Locale.ROOT, "%s holds more than %,d"
            + " paragraphs, cells and other parts; a CV has a few thousand: send the CV alone", source.name(),
            Watchdog.MAX_PARTS), e);
      }
      if (t instanceof Watchdog.TooDeep) {
        return new ExtractionException(Reason.CORRUPT, String.format(Locale.ROOT, "%s nests its parts more than"
            + " %,d deep; it is damaged or made to break readers", source.name(), Watchdog.MAX_DEPTH), e);
      }
      if (t instanceof EncryptedDocumentException || t instanceof org.apache.poi.EncryptedDocumentException
          || t instanceof org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException) {
        return encrypted(source, e);
      }
      if (t.getMessage() != null && t.getMessage().startsWith("Zip bomb detected")) {
        return new ExtractionException(Reason.TOO_LARGE, source.name() + " expands to far more than its "
            + ExtractionLimits.sizeText(source.size()) + " when unpacked (a \"zip bomb\"); jobcode does not read it", e);
      }
      if (t instanceof OutOfMemoryError) {
        return new ExtractionException(Reason.TOO_LARGE, source.name() + " needs more memory to read than jobcode"
            + " gives one file; send a smaller or simpler file", e);
      }
      if (t instanceof StackOverflowError) {
        return new ExtractionException(Reason.CORRUPT, source.name() + " is nested too deeply to read;"
            + " it is damaged or made to break readers", e);
      }
    }
    if (WriteLimitReachedException.isWriteLimitReached(e)) {
      return tooLong(source);
    }
    String as = kind == null ? "" : " as " + kind.description();
    return new ExtractionException(Reason.CORRUPT, source.name() + " cannot be read" + as + ": it seems damaged or"
        + " truncated; open it and save it again", e);
  }
}
