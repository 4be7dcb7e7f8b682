package dev.jobcode.index;

/**
 * Every Lucene field name in one place. Title-like texts and descriptive texts get separate vector
 * fields (two HNSW graphs) so that a title query searches only titles without a filter. {@link
 * #CODE} and {@link #KIND} are parallel multi-valued fields: the i-th code has the i-th kind.
 */
public final class Fields {
  public static final String CODE = "code";
  public static final String KIND = "kind";
  public static final String TEXT = "text";
  public static final String TITLE_VECTOR = "title_vector";
  public static final String TEXT_VECTOR = "text_vector";

  private Fields() {}
}
