package dev.jobcode.encoder;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a tokenised text into windows that fit the model: at most {@code maxTokens - 2} word
 * pieces each (room for [CLS] and [SEP]), cut only where a word starts, so that no word is split
 * across two windows (unless one word alone is longer than a window).
 */
public final class TokenWindows {
  private TokenWindows() {}

  /**
   * @param ids the text's token ids, without special tokens
   * @param continuation {@code continuation[i]} is true when token i continues the word before it
   *     (the tokenizer's word ids say so; in WordPiece, a "##" piece)
   * @param cls id of the leading special token
   * @param sep id of the trailing special token
   * @return windows of ids, each starting with {@code cls} and ending with {@code sep}; an empty
   *     text gives one window holding only the two
   */
  public static List<long[]> split(long[] ids, boolean[] continuation, int maxTokens, long cls, long sep) {
    if (ids.length != continuation.length) {
      throw new IllegalArgumentException("ids and continuation differ in length");
    }
    int room = maxTokens - 2;
    if (room < 1) {
      throw new IllegalArgumentException("maxTokens must be at least 3: " + maxTokens);
    }
    List<long[]> windows = new ArrayList<>();
    int start = 0;
    do {
      int end = Math.min(start + room, ids.length);
      if (end < ids.length) {
        // 1. Step back to the start of the word that would be cut, if the window holds more than it.
        int cut = end;
        while (cut > start && continuation[cut]) {
          cut--;
        }
        if (cut > start) {
          end = cut;
        }
      }
      long[] window = new long[end - start + 2];
      window[0] = cls;
      System.arraycopy(ids, start, window, 1, end - start);
      window[window.length - 1] = sep;
      windows.add(window);
      start = end;
    } while (start < ids.length);
    return windows;
  }

}
