package dev.jobcode.table;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The encodings a text table is read in, told apart by the byte-order mark at its start. Without a
 * mark a file must be UTF-8. Writing back in the same encoding (with the same mark) keeps a file
 * the way the program that made it will open it again: Excel reads a "CSV UTF-8" file's accents
 * right only with the mark, and writes "Unicode Text" as UTF-16LE with one.
 */
public enum TextEncoding {
  UTF_8("UTF-8", StandardCharsets.UTF_8, new byte[0]),
  UTF_8_BOM("UTF-8 with a byte-order mark", StandardCharsets.UTF_8, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}),
  UTF_16LE_BOM("UTF-16LE (Excel's Unicode Text)", StandardCharsets.UTF_16LE, new byte[] {(byte) 0xFF, (byte) 0xFE}),
  UTF_16BE_BOM("UTF-16BE", StandardCharsets.UTF_16BE, new byte[] {(byte) 0xFE, (byte) 0xFF});

  private final String description;
  private final Charset charset;
  private final byte[] bom;

  TextEncoding(String description, Charset charset, byte[] bom) {
    this.description = description;
    this.charset = charset;
    this.bom = bom;
  }

  public Charset charset() {
    return charset;
  }

  /** The byte-order mark written first, empty for plain UTF-8. */
  public byte[] bom() {
    return bom.clone();
  }

  public String description() {
    return description;
  }

  /** The encoding whose mark starts {@code bytes}; plain UTF-8 when none does. */
  public static TextEncoding detect(byte[] bytes) {
    for (TextEncoding e : new TextEncoding[] {UTF_8_BOM, UTF_16LE_BOM, UTF_16BE_BOM}) {
      if (startsWith(bytes, e.bom)) {
        return e;
      }
    }
    return UTF_8;
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
