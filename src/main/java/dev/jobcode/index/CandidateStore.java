package dev.jobcode.index;

import dev.jobcode.encoder.ModelInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the candidate pool's CVs live with their vectors: the embedded Lucene store
 * ({@link CandidatePool}, one folder on this machine) or a distributed one (OpenSearch). Both answer
 * alike: the same outcomes, the same order (best first, ties by id), every filter applied inside the
 * vector search. Thread-safe.
 */
public interface CandidateStore extends AutoCloseable {

  /** A CV found, with the cosine similarity of its vector to the query. */
  record Match(PooledCv entry, float score) {
    public Candidate candidate() {
      return Candidate.of(entry);
    }
  }

  /** The order of every answer: best first, ties by id. */
  java.util.Comparator<Match> BEST_FIRST = java.util.Comparator.comparingDouble((Match m) -> -m.score())
      .thenComparing(m -> m.entry().id());

  /** One CV to store with its unit vector; {@code replace}: the id must exist (else it must not). */
  record Put(PooledCv entry, float[] vector, boolean replace) {
    public Put {
      Objects.requireNonNull(entry, "entry");
      Objects.requireNonNull(vector, "vector");
    }
  }

  /** What became of a {@link Put}. */
  enum Outcome { ADDED, REPLACED, DUPLICATE, ID_TAKEN, NOT_FOUND }

  /** @param duplicateOf for {@link Outcome#DUPLICATE}, the id of the CV with the same text */
  record PutResult(String id, Outcome outcome, String duplicateOf) {
    public boolean stored() {
      return outcome == Outcome.ADDED || outcome == Outcome.REPLACED;
    }
  }

  /**
   * What a delete removed, and when.
   *
   * @param erasedFromFilesBy when the text is gone from the store's files too (null: the store cannot say)
   */
  record Receipt(String id, String deletedAt, String erasedFromFilesBy, String name, String headline,
                 String addedAt, int textChars) {}

  /** Where the store is, for people: a folder, or a cluster's URL and index. */
  String location();

  /** The model that encoded the vectors, the HNSW settings, the counts and the last change. */
  PoolMeta meta();

  /** False when opened to read only. */
  boolean writable();

  /** CVs in the store now. */
  int size();

  Optional<PooledCv> get(String id);

  /** Every CV, by id. */
  List<PooledCv> list();

  /** The stored vector of a CV, if the store has it. */
  Optional<float[]> vector(String id);

  /**
   * The {@code k} CVs nearest to unit vector {@code query} among those {@code filter} admits, less
   * {@code excludedIds}; best first, ties by id.
   */
  List<Match> search(float[] query, int k, CandidateFilter filter, Collection<String> excludedIds);

  /**
   * Stores CVs: adds new ones, replaces existing ones where the put says so, and refuses a CV whose
   * text another CV already has. A CV is reported stored only once the store has made it durable.
   */
  List<PutResult> put(List<Put> puts);

  /** Erases CVs; an id the store does not have gets no receipt. Durable before returning. */
  List<Receipt> delete(Collection<String> ids);

  /** What to run to re-encode this store with another model (for the refusal of a foreign model). */
  String reencodeCommand();

  /** Refuses a store whose vectors another model made: they cannot be compared with this model's. */
  default void requireModel(ModelInfo model) {
    ModelInfo stored = meta().model();
    if (!stored.sameModelAs(model)) {
      throw new IndexException("the candidate pool at " + location() + " was encoded with model " + stored.id()
          + " (sha256 " + stored.sha256().substring(0, 12) + "…), but the loaded model is " + model.id()
          + " (sha256 " + model.sha256().substring(0, 12) + "…); re-encode it with '" + reencodeCommand()
          + " --index INDEX' (INDEX: an occupation index built with " + model.id() + ")");
    }
  }

  @Override
  void close();

  /** {@code store}, checked against {@code model} (see {@link #requireModel}); closed when refused. */
  static <S extends CandidateStore> S checked(S store, ModelInfo model) {
    try {
      store.requireModel(model);
      return store;
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /**
   * What makes two CVs "the same text": the text with its white space folded, hashed. The same CV
   * uploaded twice, as a PDF and as a DOCX, usually extracts to the same words in the same order.
   */
  static String textHash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(text.strip().replaceAll("\\s+", " ").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
