package dev.jobcode.documents;

import java.util.Objects;

/**
 * The text of one CV file, ready to classify or index.
 *
 * @param text the document's text, cleaned: Unicode NFC, {@code \n} line ends, at most one blank
 *     line in a row, no trailing spaces, mojibake repaired (see {@link Mojibake}); never blank
 * @param mediaType what the content turned out to be, e.g. {@code application/pdf}, {@code text/markdown}
 * @param title the title in the document's own metadata (PDF info, Word properties, HTML
 *     {@code <title>}), or null when it has none
 */
public record ExtractedText(String text, String mediaType, String title) {
  public ExtractedText {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(mediaType, "mediaType");
  }
}
