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

  // The candidate index (one document per CV).
  public static final String CV_ID = "id";
  public static final String CV_JSON = "cv";
  public static final String CV_VECTOR = "cv_vector";
  /** SHA-256 of the CV's text with white space folded: the same CV added twice is found by it. */
  public static final String CV_TEXT_HASH = "text_hash";
  public static final String CV_ONET_CODE = "onet_code";
  public static final String CV_MAJOR_GROUP = "major_group";
  public static final String CV_LEVEL = "level";
  public static final String CV_YEARS = "years";
  public static final String CV_IT = "it";
  /** The lower-cased O*NET names of the skills a CV names, one value each: the {@code skills} filter. */
  public static final String CV_SKILL = "skill";
  /** "true" on CVs with an O*NET code: the voters of kNN classification. */
  public static final String CV_LABELLED = "labelled";

  private Fields() {}
}
