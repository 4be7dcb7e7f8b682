package dev.jobcode.documents;

import dev.jobcode.documents.ExtractionException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Path;
import java.util.Locale;
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
import org.apache.tika.parser.pdf.PDFParser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.ContentHandler;

/**
 * One file to text, on the calling thread: detect what the content is, refuse what jobcode does not
 * read, parse the rest with the one Tika parser for its kind, and turn every failure into an
 * {@link ExtractionException} with its reason. Thread-safe: Tika's detector and parsers keep no
 * state between calls.
 *
 * <p>Only the parsers of the supported kinds are ever called, never Tika's auto-detecting parser,
 * and embedded documents (attachments, pictures, OLE objects) are not parsed: less code runs on a
 * stranger's file, and a CV's own text is what matters. PDFs get no OCR.
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

  private final ExtractionLimits limits;
  private final MimeTypes types = MimeTypes.getDefaultMimeTypes();
  private final Detector detector = new DefaultDetector(types);
  private final Parser pdf = new PDFParser();
  private final Parser docx = new OOXMLParser();
  private final Parser doc = new OfficeParser();
  private final Parser odt = new OpenDocumentParser();
  private final Parser rtf = new RTFParser();
  private final Parser html = new JSoupParser();

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
        default -> parse(parserFor(kind), in, metadata, deadlineNanos, kind == DocumentKind.HTML);
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

  private Parser parserFor(DocumentKind kind) {
    return switch (kind) {
      case PDF -> pdf;
      case DOCX -> docx;
      case DOC -> doc;
      case ODT -> odt;
      case RTF -> rtf;
      case HTML -> html;
      case TEXT, MARKDOWN -> throw new IllegalArgumentException(kind + " is decoded, not parsed");
    };
  }

  private String parse(Parser parser, TikaInputStream in, Metadata metadata, long deadlineNanos, boolean html)
      throws Exception {
    TextSink sink = new TextSink(limits.maxChars(), html);
    ParseContext context = new ParseContext();
    context.set(EmbeddedDocumentExtractor.class, NO_EMBEDDED);
    context.set(PDFParserConfig.class, pdfConfig());
    context.set(OfficeParserConfig.class, officeConfig());
    parser.parse(in, new Watchdog(new BodyContentHandler(sink), deadlineNanos), metadata, context);
    return sink.text();
  }

  private String plainText(TikaInputStream in, Source source) throws IOException {
    byte[] bytes = source.bytes() != null ? source.bytes() : in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, limits.maxFileBytes() + 1));
    if (bytes.length > limits.maxFileBytes()) {
      throw TextExtractor.tooLarge(source.name(), bytes.length, limits);
    }
    return PlainText.decode(bytes, source.name());
  }

  private static PDFParserConfig pdfConfig() {
    PDFParserConfig config = new PDFParserConfig();
    config.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
    config.setExtractInlineImages(false);
    config.setExtractBookmarksText(false);
    config.setExtractActions(false);
    return config;
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
