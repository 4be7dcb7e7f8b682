package dev.jobcode.skills;

/**
 * Where a skill was found: char offsets into the text, {@code end} exclusive, so the words found are
 * {@code text.substring(start, end)}.
 */
public record Span(int start, int end) {
  public Span {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
  }
}
