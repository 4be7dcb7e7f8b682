package dev.jobcode.index;

import dev.jobcode.taxonomy.TextKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.AcceptDocs;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.VectorUtil;

/**
 * An open Lucene index of texts with vectors. The small stored fields (labels, text) are read once
 * into memory, so a search costs only the vector work. Thread-safe.
 */
public final class VectorIndex implements AutoCloseable {
  private final FSDirectory directory;
  private final DirectoryReader reader;
  private final List<List<Label>> labels;
  private final String[] texts;

  private VectorIndex(FSDirectory directory, DirectoryReader reader) throws IOException {
    this.directory = directory;
    this.reader = reader;
    int maxDoc = reader.maxDoc();
    labels = new ArrayList<>(maxDoc);
    texts = new String[maxDoc];
    StoredDocuments.forEach(reader, (doc, d) -> {
      String[] codes = d.getValues(Fields.CODE);
      String[] kinds = d.getValues(Fields.KIND);
      if (codes.length == 0 || codes.length != kinds.length) {
        throw new IndexException("document " + doc + " in " + directory.getDirectory()
            + " has " + codes.length + " codes and " + kinds.length + " kinds; rebuild the index");
      }
      List<Label> docLabels = new ArrayList<>(codes.length);
      for (int i = 0; i < codes.length; i++) {
        String kind = kinds[i];
        docLabels.add(new Label(codes[i], TextKind.fromId(kind).orElseThrow(() -> new IndexException(
            "unknown text kind '" + kind + "' in " + directory.getDirectory()
                + "; the index was built by another jobcode version"))));
      }
      labels.add(List.copyOf(docLabels));
      texts[doc] = d.get(Fields.TEXT);
    });
  }

  /** Opens the Lucene index in {@code dir}. */
  public static VectorIndex open(Path dir) {
    return LuceneFolders.open(dir, "Lucene index", "'jobcode index'", VectorIndex::new);
  }

  /** Number of documents (distinct texts). */
  public int size() {
    return texts.length;
  }

  /** The occupations that have this document's text, in code order. */
  public List<Label> labels(int doc) {
    return labels.get(doc);
  }

  public String text(int doc) {
    return texts[doc];
  }

  /**
   * The {@code n} approximate nearest neighbours of unit vector {@code query} in {@code field}. Asks
   * each segment's HNSW graph directly (an index is one segment): the same search as a
   * {@code KnnFloatVectorQuery} without its query rewriting and per-search objects.
   */
  public List<Hit> search(String field, float[] query, int n) {
    try {
      List<Hit> hits = new ArrayList<>(n);
      for (LeafReaderContext leaf : reader.leaves()) {
        int maxDoc = leaf.reader().maxDoc();
        TopDocs top = leaf.reader().searchNearestVectors(field, query, n,
            AcceptDocs.fromLiveDocs(leaf.reader().getLiveDocs(), maxDoc), Integer.MAX_VALUE);
        for (ScoreDoc sd : top.scoreDocs) {
          hits.add(new Hit(leaf.docBase + sd.doc, cosine(sd.score)));
        }
      }
      hits.sort(BY_SCORE);
      return hits.size() <= n ? hits : new ArrayList<>(hits.subList(0, n));
    } catch (IOException e) {
      throw new IndexException("vector search failed: " + e.getMessage(), e);
    }
  }

  /** The exact {@code n} nearest neighbours, by scanning every vector: for measuring recall. */
  public List<Hit> exactSearch(String field, float[] query, int n) {
    PriorityQueue<Hit> best = new PriorityQueue<>(BY_SCORE.reversed());
    forEachVector(field, (doc, vector) -> {
      best.add(new Hit(doc, VectorUtil.dotProduct(query, vector)));
      if (best.size() > n) {
        best.poll();
      }
    });
    List<Hit> hits = new ArrayList<>(best);
    hits.sort(BY_SCORE);
    return hits;
  }

  /** The vector of {@code doc} in {@code field} (a copy), empty when it has none there. */
  public Optional<float[]> vector(String field, int doc) {
    try {
      for (LeafReaderContext leaf : reader.leaves()) {
        if (doc < leaf.docBase || doc >= leaf.docBase + leaf.reader().maxDoc()) {
          continue;
        }
        FloatVectorValues values = leaf.reader().getFloatVectorValues(field);
        if (values == null) {
          return Optional.empty();
        }
        KnnVectorValues.DocIndexIterator it = values.iterator();
        int local = doc - leaf.docBase;
        if (it.advance(local) != local) {
          return Optional.empty();
        }
        return Optional.of(values.vectorValue(it.index()).clone());
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new IndexException("reading a vector failed: " + e.getMessage(), e);
    }
  }

  /** Receives a document and its vector; the array is only valid during the call. */
  @FunctionalInterface
  public interface VectorConsumer {
    void accept(int doc, float[] vector);
  }

  /** Calls {@code consumer} for every document that has a vector in {@code field}. */
  public void forEachVector(String field, VectorConsumer consumer) {
    try {
      for (LeafReaderContext leaf : reader.leaves()) {
        FloatVectorValues values = leaf.reader().getFloatVectorValues(field);
        if (values == null) {
          continue;
        }
        for (int ord = 0; ord < values.size(); ord++) {
          consumer.accept(leaf.docBase + values.ordToDoc(ord), values.vectorValue(ord));
        }
      }
    } catch (IOException e) {
      throw new IndexException("reading vectors failed: " + e.getMessage(), e);
    }
  }

  /** Best first; equal scores by document id, so results never depend on timing. */
  static final Comparator<Hit> BY_SCORE =
      Comparator.comparingDouble((Hit h) -> -h.score()).thenComparingInt(Hit::doc);

  /** Lucene scores DOT_PRODUCT on unit vectors as (1 + cos) / 2; this is the cosine back. */
  public static float cosine(float luceneScore) {
    return 2 * luceneScore - 1;
  }

  @Override
  public void close() {
    LuceneFolders.close("index", reader, directory);
  }

  @Override
  public String toString() {
    return "VectorIndex[" + directory.getDirectory() + ", " + texts.length + " documents]";
  }
}
