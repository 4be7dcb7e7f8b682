package dev.jobcode.oldlucene;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Version;

/**
 * Writes the documents of a jobcode occupation index, given as a dump (see {@code OldLucene} in
 * jobcode's tests), into a Lucene folder with whatever Lucene is on the classpath: the fields
 * jobcode's {@code IndexBuilder} writes, in the same order, as one segment. Lucene 8 has no vector
 * fields: under it the vectors are read and dropped (such a folder exists only to be refused).
 *
 * <p>Dump: {@code int count, int dimension}, then per document {@code int labels}, that many
 * {@code UTF code, UTF kind}, {@code UTF text}, {@code UTF vectorField} and, when that is not empty,
 * {@code dimension} floats.
 *
 * <p>Usage: {@code OldIndexWriter DUMP OUT_DIR HNSW_M HNSW_BEAM_WIDTH}; prints the Lucene version used.
 */
public final class OldIndexWriter {
  private OldIndexWriter() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      System.err.println("usage: OldIndexWriter DUMP OUT_DIR HNSW_M HNSW_BEAM_WIDTH");
      System.exit(2);
    }
    Path dump = Path.of(args[0]);
    Path out = Path.of(args[1]);
    int m = Integer.parseInt(args[2]);
    int beamWidth = Integer.parseInt(args[3]);
    boolean vectors = Version.LATEST.major >= 9;
    IndexWriterConfig config = new IndexWriterConfig()
        .setRAMBufferSizeMB(1024) // one segment, as jobcode writes it
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    if (vectors) {
      Vectors.useHnsw(config, m, beamWidth);
    }
    int count;
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(dump), 1 << 16));
         FSDirectory directory = FSDirectory.open(out);
         IndexWriter writer = new IndexWriter(directory, config)) {
      count = in.readInt();
      int dimension = in.readInt();
      for (int i = 0; i < count; i++) {
        Document doc = new Document();
        int labels = in.readInt();
        for (int l = 0; l < labels; l++) {
          doc.add(new StringField("code", in.readUTF(), Field.Store.YES));
          doc.add(new StoredField("kind", in.readUTF()));
        }
        doc.add(new StoredField("text", in.readUTF()));
        String field = in.readUTF();
        if (!field.isEmpty()) {
          float[] vector = new float[dimension];
          for (int d = 0; d < dimension; d++) {
            vector[d] = in.readFloat();
          }
          if (vectors) {
            Vectors.add(doc, field, vector);
          }
        }
        writer.addDocument(doc);
      }
      writer.forceMerge(1);
      writer.commit();
    }
    System.out.println("wrote " + count + " documents with Lucene " + Version.LATEST + " into " + out);
  }
}
