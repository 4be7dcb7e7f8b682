package dev.jobcode.candidates;

import dev.jobcode.classify.Classifier;
import dev.jobcode.corpus.Cv;
import dev.jobcode.documents.Mojibake;
import dev.jobcode.encoder.Encoder;
import dev.jobcode.index.CandidateStore;
import dev.jobcode.index.PooledCv;
import dev.jobcode.index.ProgressListener;
import dev.jobcode.skills.SkillMatcher;
import dev.jobcode.taxonomy.OnetCodes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How CVs enter the pool: its text's mojibake is repaired, it gets an id when it has none (from its
 * text, so the same text gets the same id), the labels it lacks ({@link LabelInference}), the skills
 * it names and its vector, and the pool stores it,
 * refusing a second copy of a text it holds. CVs are encoded in chunks, outside the pool's write
 * lock, and each chunk is one commit.
 */
public final class CandidateIntake {
  /** CVs encoded and committed together. */
  public static final int CHUNK = 64;

  /**
   * One CV to store: valid (see {@code CvFile.check}), its id possibly null; {@code source} names the
   * file it came from (or null); {@code replace}: it replaces the CV of the same id, which must exist.
   */
  public record Submission(Cv cv, String source, boolean replace) {
    public Submission {
      Objects.requireNonNull(cv, "cv");
    }
  }

  /** What became of a submission: its id, the pool's outcome, and the labels jobcode inferred. */
  public record Result(String id, CandidateStore.Outcome outcome, String duplicateOf, String source,
                       List<String> inferred) {
    public boolean stored() {
      return outcome == CandidateStore.Outcome.ADDED || outcome == CandidateStore.Outcome.REPLACED;
    }
  }

  private final CandidateStore pool;
  private final Encoder encoder;
  private final LabelInference labels;
  private final SkillMatcher skills;

  /**
   * Into {@code pool}, with {@code classifier}'s encoder (the pool's model), its labels and its
   * index's skills.
   */
  public CandidateIntake(CandidateStore pool, Classifier classifier) {
    this.pool = Objects.requireNonNull(pool, "pool");
    this.encoder = classifier.encoder();
    this.labels = new LabelInference(classifier, pool);
    this.skills = classifier.index().skills();
    pool.requireModel(encoder.model());
  }

  /** An id made from the text: the same text always gets the same one. */
  public static String idFor(String text) {
    return "cv-" + CandidateStore.textHash(text).substring(0, 16);
  }

  public List<Result> submit(List<Submission> submissions) {
    return submit(submissions, ProgressListener.NONE);
  }

  /** Stores the submissions in order, reporting progress after each chunk. */
  public List<Result> submit(List<Submission> submissions, ProgressListener progress) {
    for (Submission s : submissions) {   // SOC codes are read into O*NET-SOC ones before (CvFile with the index's codes)
      if (s.cv().onetCode() != null && !OnetCodes.isValid(s.cv().onetCode())) {
        throw new IllegalArgumentException("the CV's onet_code " + s.cv().onetCode() + " was not read as an O*NET-SOC "
            + "code; read the CV with the index's codes");
      }
    }
    List<Result> results = new ArrayList<>(submissions.size());
    for (int from = 0; from < submissions.size(); from += CHUNK) {
      List<Submission> chunk = submissions.subList(from, Math.min(from + CHUNK, submissions.size()));
      results.addAll(chunk(chunk));
      progress.progress(from + chunk.size(), submissions.size());
    }
    return results;
  }

  /**
   * The CV with mojibake in its text put right (UTF-8 read as Windows-1252 somewhere on its way:
   * {@code â€¢} for a bullet); a text without any is returned as it is.
   */
  public static Cv repaired(Cv cv) {
    String text = Mojibake.repair(cv.text());
    return text.equals(cv.text()) ? cv : new Cv(cv.id(), cv.name(), cv.headline(), cv.onetCode(), cv.onetTitle(),
        cv.majorGroup(), cv.level(), cv.years(), cv.it(), cv.summary(), cv.skills(), cv.experience(), text);
  }

  private List<Result> chunk(List<Submission> chunk) {
    List<Cv> cvs = chunk.stream().map(s -> repaired(s.cv())).map(cv -> cv.id() != null ? cv : withId(cv)).toList();
    List<float[]> vectors = encoder.encode(cvs.stream().map(Cv::text).toList());
    List<LabelInference.Labelled> labelled = labels.infer(cvs, vectors, java.util.Set.of());
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    List<CandidateStore.Put> puts = new ArrayList<>(chunk.size());
    for (int i = 0; i < chunk.size(); i++) {
      Submission s = chunk.get(i);
      LabelInference.Labelled l = labelled.get(i);
      String addedAt = now;
      if (s.replace()) {   // a replaced CV keeps the date it first came in
        addedAt = pool.get(l.cv().id()).map(PooledCv::addedAt).orElse(now);
      }
      puts.add(new CandidateStore.Put(new PooledCv(l.cv(), l.inferred(), addedAt, s.source(),
          skills.find(l.cv().text())), vectors.get(i), s.replace()));
    }
    List<CandidateStore.PutResult> stored = pool.put(puts);
    List<Result> results = new ArrayList<>(chunk.size());
    for (int i = 0; i < chunk.size(); i++) {
      CandidateStore.PutResult r = stored.get(i);
      results.add(new Result(r.id(), r.outcome(), r.duplicateOf(), chunk.get(i).source(),
          r.stored() ? labelled.get(i).inferred() : List.of()));
    }
    return results;
  }

  private static Cv withId(Cv cv) {
    return new Cv(idFor(cv.text()), cv.name(), cv.headline(), cv.onetCode(), cv.onetTitle(), cv.majorGroup(),
        cv.level(), cv.years(), cv.it(), cv.summary(), cv.skills(), cv.experience(), cv.text());
  }
}
