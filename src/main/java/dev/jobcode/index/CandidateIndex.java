package dev.jobcode.index;

import dev.jobcode.corpus.CorpusException;
import dev.jobcode.corpus.Cv;
import dev.jobcode.corpus.CvFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/**
 * The candidate index, opened: every CV's labels in memory, its vector in an HNSW graph, the full
 * CV in stored fields. Thread-safe.
 */
public final class CandidateIndex implements AutoCloseable {
  /** A candidate found, with the cosine similarity of its CV to the query. */
  public record Match(Candidate candidate, float score) {}

  private final FSDirectory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final List<Candidate> candidates;
  private final Map<String, Candidate> byId;

  private CandidateIndex(FSDirectory directory, DirectoryReader reader) throws IOException {
    this.directory = directory;
    this.reader = reader;
    this.searcher = new IndexSearcher(reader);
    StoredFields stored = reader.storedFields();
    candidates = new ArrayList<>(reader.maxDoc());
    byId = new HashMap<>();
    for (int doc = 0; doc < reader.maxDoc(); doc++) {
      Candidate c = Candidate.of(doc, CvFile.fromJson(stored.document(doc).get(Fields.CV_JSON)));
      candidates.add(c);
      byId.put(c.id(), c);
    }
  }

  /** Opens the Lucene index of CVs in {@code dir}. */
  static CandidateIndex open(Path dir) {
    return LuceneFolders.open(dir, "candidate index", "'jobcode index --cvs FILE'", CandidateIndex::new);
  }

  public int size() {
    return candidates.size();
  }

  public Optional<Candidate> candidate(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public List<Candidate> candidates() {
    return List.copyOf(candidates);
  }

  /** The full CV of a candidate. */
  public Cv cv(Candidate candidate) {
    try {
      return CvFile.fromJson(reader.storedFields().document(candidate.doc()).get(Fields.CV_JSON));
    } catch (IOException | CorpusException e) {
      throw new IndexException("reading CV " + candidate.id() + " failed: " + e.getMessage(), e);
    }
  }

  /** The stored vector of a candidate's CV. */
  public float[] vector(Candidate candidate) {
    try {
      for (LeafReaderContext leaf : reader.leaves()) {
        int doc = candidate.doc() - leaf.docBase;
        if (doc < 0 || doc >= leaf.reader().maxDoc()) {
          continue;
        }
        FloatVectorValues values = leaf.reader().getFloatVectorValues(Fields.CV_VECTOR);
        KnnVectorValues.DocIndexIterator it = values.iterator();
        if (it.advance(doc) == doc) {
          return values.vectorValue(it.index()).clone();
        }
      }
    } catch (IOException e) {
      throw new IndexException("reading the vector of CV " + candidate.id() + " failed: " + e.getMessage(), e);
    }
    throw new IndexException("CV " + candidate.id() + " has no vector; rebuild the index");
  }

  /**
   * The {@code k} CVs nearest to unit vector {@code query} among those {@code filter} admits, less
   * {@code excludedIds}; best first, ties by document order.
   */
  public List<Match> search(float[] query, int k, CandidateFilter filter, Collection<String> excludedIds) {
    try {
      var luceneFilter = filter.query(excludedIds == null ? Set.of() : excludedIds);
      var knn = luceneFilter.map(f -> new KnnFloatVectorQuery(Fields.CV_VECTOR, query, k, f))
          .orElseGet(() -> new KnnFloatVectorQuery(Fields.CV_VECTOR, query, k));
      TopDocs top = searcher.search(knn, k);
      List<Match> matches = new ArrayList<>(top.scoreDocs.length);
      for (ScoreDoc sd : top.scoreDocs) {
        matches.add(new Match(candidates.get(sd.doc), VectorIndex.cosine(sd.score)));
      }
      matches.sort(java.util.Comparator.comparingDouble((Match m) -> -m.score())
          .thenComparingInt(m -> m.candidate().doc()));
      return matches;
    } catch (IOException e) {
      throw new IndexException("candidate search failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    LuceneFolders.close("candidate index", reader, directory);
  }
}
