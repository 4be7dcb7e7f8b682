package dev.jobcode.index;

import dev.jobcode.corpus.CvFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;

/**
 * The CVs that an occupation index built with {@code jobcode index --cvs} before the pool had a
 * folder of its own kept in its {@code candidates/} subfolder: read once, with their vectors, to
 * move them into a pool without encoding them again.
 */
public final class LegacyCandidates {
  private LegacyCandidates() {}

  /** True when the index in {@code indexDir} carries CVs of its own. */
  public static boolean present(Path indexDir) {
    return Files.isDirectory(indexDir.resolve(IndexBuilder.CANDIDATES_DIR))
        && Files.isRegularFile(indexDir.resolve(IndexMeta.FILE)) && IndexMeta.read(indexDir).hasCandidates();
  }

  /** The CVs of the index in {@code indexDir}, ready to put into a pool encoded by the same model. */
  public static List<CandidateStore.Put> read(Path indexDir) {
    IndexMeta meta = IndexMeta.read(indexDir);
    String source = meta.hasCandidates() ? meta.candidates().source() : null;
    return LuceneFolders.open(indexDir.resolve(IndexBuilder.CANDIDATES_DIR), "candidate index",
        "'jobcode index --cvs FILE'", (directory, reader) -> {
          try (reader; directory) {
            List<CandidateStore.Put> puts = new ArrayList<>(reader.numDocs());
            for (LeafReaderContext leaf : reader.leaves()) {
              StoredFields stored = leaf.reader().storedFields();
              Bits live = leaf.reader().getLiveDocs();
              FloatVectorValues vectors = leaf.reader().getFloatVectorValues(Fields.CV_VECTOR);
              KnnVectorValues.DocIndexIterator it = vectors.iterator();
              for (int doc = it.nextDoc(); doc != KnnVectorValues.DocIndexIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if (live != null && !live.get(doc)) {
                  continue;
                }
                var cv = CvFile.fromJson(stored.document(doc).get(Fields.CV_JSON));
                puts.add(new CandidateStore.Put(new PooledCv(cv, List.of(), meta.builtAt(), source),
                    vectors.vectorValue(it.index()).clone(), false));
              }
            }
            return puts;
          } catch (IOException e) {
            throw new IndexException("reading the CVs of " + indexDir + " failed: " + e.getMessage(), e);
          }
        });
  }
}
