package dev.jobcode.server;

import dev.jobcode.candidates.CandidateSearch;
import dev.jobcode.candidates.CandidateIntake;
import dev.jobcode.classify.Classification;
import dev.jobcode.classify.Evidence;
import dev.jobcode.classify.JobAttributes;
import dev.jobcode.classify.Mode;
import dev.jobcode.classify.OccupationMatch;
import dev.jobcode.corpus.Cv;
import dev.jobcode.encoder.ModelInfo;
import dev.jobcode.index.Candidate;
import dev.jobcode.index.CandidateStore;
import dev.jobcode.index.IndexMeta;
import dev.jobcode.index.PoolMeta;
import dev.jobcode.index.PooledCv;
import dev.jobcode.skills.SkillMatch;
import dev.jobcode.index.OnetIndex;
import dev.jobcode.taxonomy.JobLevel;
import dev.jobcode.taxonomy.MajorGroups;
import dev.jobcode.taxonomy.Occupation;
import dev.jobcode.taxonomy.OccupationCodes;
import dev.jobcode.taxonomy.OnetCodes;
import dev.jobcode.taxonomy.TaxonomyDiff;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The JSON shapes of the API, as records (snake_case on the wire, by {@link dev.jobcode.json.Json}). The CLI
 * prints the same ones, so {@code jobcode classify --json} and {@code POST /v1/classify} agree.
 */
public final class Api {
  private Api() {}

  public record TaxonomyRef(String name, String version) {
    public static TaxonomyRef of(IndexMeta meta) {
      return new TaxonomyRef(meta.taxonomy().name(), meta.taxonomy().version());
    }
  }

  public record ModelRef(String id) {
    public static ModelRef of(IndexMeta meta) {
      return new ModelRef(meta.model().id());
    }
  }

  public record MajorGroup(String code, String title) {
    static MajorGroup of(String code) {
      return new MajorGroup(code, MajorGroups.title(code).orElse(null));
    }
  }

  public record EvidenceView(String kind, String text, double score) {
    static EvidenceView of(Evidence e) {
      return new EvidenceView(e.kind().id(), e.text(), round(e.score()));
    }
  }

  public record ResultView(String code, String title, double score, String socCode, String majorGroup,
                           List<EvidenceView> evidence) {
    static ResultView of(OccupationMatch m) {
      Occupation o = m.occupation();
      return new ResultView(o.code(), o.title(), round(m.score()), OnetCodes.soc6(o.code()), o.majorGroup(),
          m.evidence().stream().map(EvidenceView::of).toList());
    }
  }

  /** The query as understood: a title with its description, or a text alone ({@code text}). */
  public record QueryView(String title, String description, String text, int k, String mode) {}

  /** IT or not: {@code label} is "it" when {@code probability} (the mass on IT occupations) reaches {@link JobAttributes#IT_THRESHOLD}. */
  public record ItView(String label, double probability) {}

  /** The level the title states; {@code score} 1 when a word said so ({@code cue}), 0.5 for the default. */
  public record LevelView(String label, double score, String cue) {}

  /**
   * The job area: SOC major group of the best occupation and the job family, from the occupation or,
   * for a chief officer, from the function the title names ({@code cue}, else null).
   */
  public record AreaView(String majorGroup, String title, String family, String familyTitle, String cue) {}

  /**
   * {@code review}: true when a person should check the answer (top score < 0.3 or lead < 0.1);
   * {@code review_reason} then says which, in a sentence (absent otherwise). {@code skills}: with a
   * description or a text, the technology skills and tools it names, each with every place found as
   * character offsets into {@code query.description} (or {@code query.text}).
   */
  public record ClassifyResponse(TaxonomyRef taxonomy, ModelRef model, QueryView query, List<ResultView> results,
                                 boolean review, ItView it, LevelView level, AreaView area, String reviewReason,
                                 List<SkillMatch> skills) {
    public static ClassifyResponse of(Classification c, IndexMeta meta) {
      var q = c.query();
      JobAttributes a = c.attributes();
      return new ClassifyResponse(TaxonomyRef.of(meta), ModelRef.of(meta),
          q.textOnly() ? new QueryView(null, null, q.description(), q.k(), q.mode().id())
              : new QueryView(q.title(), q.descriptionIfAny().orElse(null), null, q.k(), q.mode().id()),
          c.results().stream().map(ResultView::of).toList(), c.review(),
          a == null ? null : new ItView(a.it() ? "it" : "non-it", round(a.itProbability())),
          a == null ? null : new LevelView(a.level().level().id(), a.level().stated() ? 1.0 : 0.5,
              a.level().stated() ? a.level().cue() : null),
          a == null ? null : new AreaView(a.majorGroup(), a.majorGroupTitle(), a.family().id(), a.family().title(),
              a.familyCue().isEmpty() ? null : a.familyCue()), c.reviewReason(),
          c.query().descriptionIfAny().isPresent() ? c.skills() : null);
    }
  }

  /**
   * A candidate found; {@code score} is the cosine similarity of its CV to the query. Why it is near:
   * {@code shared_skills}, the skills it names that the query names too (O*NET names), and
   * {@code same_occupation}, whether its occupation is the query's (absent when either is unknown).
   */
  public record CandidateView(String id, String name, String headline, double score, String onetCode,
                              String majorGroup, String level, Integer years, Boolean it, String snippet,
                              List<String> sharedSkills, Boolean sameOccupation) {
    public static CandidateView of(CandidateSearch.Found f) {
      Candidate c = f.candidate();
      return new CandidateView(c.id(), c.name(), c.headline(), round(f.score()), c.onetCode(), c.majorGroup(),
          c.level(), c.years(), c.it(), f.snippet().isEmpty() ? null : f.snippet(), f.sharedSkills(),
          f.sameOccupation());
    }
  }

  /**
   * What a candidate search understood of its query: the occupation (of a text: by the classifier over
   * it; of a CV: its own) and the skills it names.
   */
  public record SearchQueryView(String onetCode, String onetTitle, List<String> skills) {}

  /**
   * {@code onet_code_filter}: how {@code filters.onet_code} was read (absent without one): a SOC
   * code or a SOC 2010 one may mean several occupations, and a CV of any of them matches.
   */
  public record CandidateSearchResponse(SearchQueryView query, CodeReading onetCodeFilter,
                                        List<CandidateView> results) {
    public static CandidateSearchResponse of(CandidateSearch.Results r, CodeReading onetCodeFilter) {
      return new CandidateSearchResponse(new SearchQueryView(r.query().onetCode(), r.query().onetTitle(),
          r.query().skills()), onetCodeFilter, r.found().stream().map(CandidateView::of).toList());
    }
  }

  /**
   * An occupation code as written ({@code written}), the occupations of the served taxonomy it was
   * read as ({@code onet_codes}), and the older version it was mapped from ({@code mapped_from};
   * absent when it was read in the served version).
   */
  public record CodeReading(String written, List<String> onetCodes, MappedFrom mappedFrom) {
    public static CodeReading of(OccupationCodes.Resolution r) {
      return r == null ? null : new CodeReading(r.written(), r.codes(), MappedFrom.of(r.mappedFrom()));
    }
  }

  /** The version and code a written code was mapped from, e.g. SOC 2010 15-1132, its title and its SOC 2018 codes. */
  public record MappedFrom(String version, String code, String title, List<String> soc2018) {
    static MappedFrom of(OccupationCodes.Mapping m) {
      return m == null ? null : new MappedFrom(m.version(), m.code(), m.title(), m.soc2018());
    }
  }

  /**
   * A CV as the pool keeps it: the CV file schema's fields, plus which labels jobcode inferred
   * ({@code inferred}: they filter but never vote), when it was added, the file it came from, and
   * the technology skills and tools its text names ({@code skills_found}: O*NET's name, commodity,
   * hot-technology flag, and every place found as character offsets into {@code text}).
   */
  @com.fasterxml.jackson.annotation.JsonPropertyOrder({"id", "name", "headline", "onet_code", "onet_title",
      "major_group", "level", "years", "it", "inferred", "added_at", "source", "summary", "skills", "experience",
      "skills_found", "text"})
  public record CandidateRecord(String id, String name, String headline, String onetCode, String onetTitle,
                                String majorGroup, String level, Integer years, Boolean it, List<String> inferred,
                                String addedAt, String source, String summary, List<String> skills,
                                List<Cv.Role> experience, List<SkillMatch> skillsFound, String text) {
    public static CandidateRecord of(PooledCv e) {
      Cv cv = e.cv();
      return new CandidateRecord(cv.id(), cv.name(), cv.headline(), cv.onetCode(), cv.onetTitle(), cv.majorGroup(),
          cv.level(), cv.years(), cv.it(), e.inferred(), e.addedAt(), e.source(), cv.summary(), cv.skills(),
          cv.experience(), e.skillsFound(), cv.text());
    }
  }

  /** What an add or replace stored: {@code outcome} "added" or "replaced", and the CV as stored. */
  /**
   * What an add or replace stored: {@code outcome} "added" or "replaced", and the CV as stored;
   * {@code onet_code_read}: how a CV's onet_code written as SOC 2010 was mapped (absent otherwise).
   */
  public record CandidateWriteResponse(String id, String outcome, List<String> inferred, CodeReading onetCodeRead,
                                       CandidateRecord candidate) {
    public static CandidateWriteResponse of(CandidateIntake.Result r, CodeReading onetCodeRead, PooledCv stored) {
      return new CandidateWriteResponse(r.id(), r.outcome().name().toLowerCase(java.util.Locale.ROOT), r.inferred(),
          onetCodeRead, CandidateRecord.of(stored));
    }
  }

  /** What a delete removed: the CV's id, name, headline, when it was added and how long its text was. */
  public record RemovedCv(String name, String headline, String addedAt, int textChars) {}

  /**
   * The receipt of an erasure: the CV is gone from search, GET and the vote since {@code deleted_at},
   * and its text from the pool's files by {@code erased_from_files_by} (sooner on a clean stop; absent
   * when the store cannot promise a time: OpenSearch keeps deleted documents for its replicas a while).
   */
  public record DeleteReceipt(String id, String deletedAt, String erasedFromFilesBy, RemovedCv removed) {
    static DeleteReceipt of(CandidateStore.Receipt r) {
      return new DeleteReceipt(r.id(), r.deletedAt(), r.erasedFromFilesBy(),
          new RemovedCv(r.name(), r.headline(), r.addedAt(), r.textChars()));
    }
  }

  /** One CV of a listing: who, its labels, which of them were inferred, when it came in. */
  public record CandidateSummary(String id, String name, String headline, String onetCode, String majorGroup,
                                 String level, Integer years, Boolean it, List<String> inferred, String addedAt,
                                 String source) {
    public static CandidateSummary of(PooledCv e) {
      Cv cv = e.cv();
      return new CandidateSummary(cv.id(), cv.name(), cv.headline(), cv.onetCode(), cv.majorGroup(), cv.level(),
          cv.years(), cv.it(), e.inferred(), e.addedAt(), e.source());
    }
  }

  /** A page of the pool's CVs, by id: {@code total} in all, from {@code offset}. */
  public record CandidateList(int total, int offset, List<CandidateSummary> items) {}

  public record OccupationShare(String code, String title, double share, String majorGroup) {}

  public record MajorGroupShare(String majorGroup, String title, double share) {}

  public record LevelShare(String level, double share) {}

  /**
   * A kNN-vote classification: occupations, major groups and levels by share of the
   * similarity-weighted vote, IT by the IT share of the vote, and the neighbours that voted.
   */
  public record CandidateVoteResponse(List<OccupationShare> results, List<MajorGroupShare> majorGroups,
                                      List<LevelShare> levels, ItView it, CodeReading onetCodeFilter,
                                      List<CandidateView> neighbours) {
    public static CandidateVoteResponse of(CandidateSearch.Vote v, CodeReading onetCodeFilter) {
      return new CandidateVoteResponse(
          v.occupations().stream().map(s -> new OccupationShare(s.value(), v.titles().get(s.value()), round(s.share()),
              OnetCodes.majorGroup(s.value()))).toList(),
          v.majorGroups().stream().map(s -> new MajorGroupShare(s.value(), MajorGroups.title(s.value()).orElse(null),
              round(s.share()))).toList(),
          v.levels().stream().map(s -> new LevelShare(s.value(), round(s.share()))).toList(),
          v.itShare() == null ? null : new ItView(JobAttributes.isIt(v.itShare()) ? "it" : "non-it", round(v.itShare())),
          onetCodeFilter, v.neighbours().stream().map(CandidateView::of).toList());
    }
  }

  /**
   * A classified table file: the output's header (the file's columns, then the answer columns of
   * {@code jobcode classify --output}), its rows, and the lines left unclassified.
   */
  public record FileResponse(TaxonomyRef taxonomy, ModelRef model, String name, List<String> header,
                             List<List<String>> rows, List<Long> skipped) {}

  public record BatchResponse(TaxonomyRef taxonomy, ModelRef model, List<ClassifyResponse> results) {}

  /** An occupation named beside another: its code and title. */
  public record OccupationRef(String code, String title) {}

  /**
   * One occupation: {@code sample_titles} are the first ten of its alternate and reported titles;
   * {@code alternate_titles}, {@code reported_titles} and {@code tasks} are all of them, in index
   * order; {@code related} is O*NET's list, most related first (empty when the release has none).
   */
  public record OccupationResponse(TaxonomyRef taxonomy, String code, String title, String description,
                                   String socCode, MajorGroup majorGroup, Integer jobZone,
                                   List<String> sampleTitles, List<String> alternateTitles,
                                   List<String> reportedTitles, List<String> tasks, List<OccupationRef> related,
                                   MappedFrom mappedFrom) {}

  /**
   * The answer (300) to a code that means several occupations: a SOC code with several O*NET-SOC
   * occupations under it, or a SOC 2010 code split in SOC 2018. {@code choices}: each, by code.
   */
  public record OccupationChoices(TaxonomyRef taxonomy, String written, MappedFrom mappedFrom,
                                  List<OccupationRef> choices) {}

  /** {@code candidates}: the CVs of the candidate pool served beside the index (absent without a pool). */
  public record IndexRef(String path, int occupations, int documents, Integer candidates, String builtAt) {
    static IndexRef of(OnetIndex index, Optional<CandidateStore> pool) {
      IndexMeta meta = index.meta();
      int documents = meta.documents().values().stream().mapToInt(Integer::intValue).sum();
      return new IndexRef(index.dir().toString(), meta.occupations(), documents,
          pool.map(CandidateStore::size).orElse(null), meta.builtAt());
    }
  }

  /** The candidate pool: its folder, its CVs (labelled: with the caller's occupation), its last change. */
  public record PoolRef(String path, int candidates, int labelled, String changedAt, boolean writable,
                        PoolFill.Status build) {
    static PoolRef of(CandidateStore pool, boolean writable, PoolFill fill) {
      PoolMeta meta = pool.meta();
      return new PoolRef(pool.location(), meta.count(), meta.labelled(), meta.changedAt(), writable,
          fill.ready() ? null : fill.status());
    }
  }

  /** The answer to an index swap: what is served now, what was before, and what changed between their taxonomies. */
  public record SwapResponse(TaxonomyRef taxonomy, IndexRef index, TaxonomyRef previous, String previousPath,
                             TaxonomyDiff changes) {}

  /** {@code pool}: absent when the server runs without candidates. */
  public record HealthResponse(String status, TaxonomyRef taxonomy, ModelInfo model, IndexRef index, PoolRef pool) {}

  /** The words the API's fields take: major groups with their titles, levels, classify modes. */
  public record VocabularyResponse(List<MajorGroup> majorGroups, List<String> levels, List<String> modes) {
    static final VocabularyResponse INSTANCE = new VocabularyResponse(
        MajorGroups.all().entrySet().stream().map(e -> new MajorGroup(e.getKey(), e.getValue())).toList(),
        Arrays.stream(JobLevel.values()).map(JobLevel::id).toList(),
        Arrays.stream(Mode.values()).map(Mode::id).toList());
  }

  public record ErrorBody(String code, String message) {}

  public record ErrorResponse(ErrorBody error) {}

  /** Four decimals: enough to rank by, stable to read. */
  static double round(double score) {
    return Math.round(score * 10_000) / 10_000.0;
  }
}
