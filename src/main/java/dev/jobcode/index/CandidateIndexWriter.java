package dev.jobcode.index;

import dev.jobcode.corpus.Cv;
import dev.jobcode.corpus.CvFile;
import dev.jobcode.encoder.Encoder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.FSDirectory;

/**
 * Writes the candidate index: one document per CV with its vector (the whole text, encoded in
 * token windows that are averaged: nothing is truncated), its labels as filterable fields, and the
 * CV itself as stored JSON.
 */
final class CandidateIndexWriter {
  private static final int CHUNK = 256;

  private CandidateIndexWriter() {}

  static void write(List<Cv> cvs, Encoder encoder, HnswParams hnsw, Path dir, ProgressListener progress)
      throws IOException {
    IndexWriterConfig config = new IndexWriterConfig()
        .setCodec(IndexBuilder.codec(hnsw))
        .setRAMBufferSizeMB(1024)
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    try (FSDirectory directory = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(directory, config)) {
      for (int from = 0; from < cvs.size(); from += CHUNK) {
        List<Cv> chunk = cvs.subList(from, Math.min(from + CHUNK, cvs.size()));
        List<float[]> vectors = encoder.encode(chunk.stream().map(Cv::text).toList());
        List<Document> docs = new ArrayList<>(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
          docs.add(document(chunk.get(i), vectors.get(i)));
        }
        writer.addDocuments(docs);
        progress.progress(from + chunk.size(), cvs.size());
      }
      writer.forceMerge(1);
      writer.commit();
    }
  }

  private static Document document(Cv cv, float[] vector) {
    Document doc = new Document();
    doc.add(new StringField(Fields.CV_ID, cv.id(), Field.Store.NO));
    doc.add(new StoredField(Fields.CV_JSON, CvFile.toJson(cv)));
    doc.add(new KnnFloatVectorField(Fields.CV_VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
    if (cv.onetCode() != null) {
      doc.add(new StringField(Fields.CV_ONET_CODE, cv.onetCode(), Field.Store.NO));
      doc.add(new StringField(Fields.CV_LABELLED, "true", Field.Store.NO));
    }
    if (cv.majorGroup() != null) {
      doc.add(new StringField(Fields.CV_MAJOR_GROUP, cv.majorGroup(), Field.Store.NO));
    }
    if (cv.level() != null) {
      doc.add(new StringField(Fields.CV_LEVEL, cv.level(), Field.Store.NO));
    }
    if (cv.years() != null) {
      doc.add(new IntPoint(Fields.CV_YEARS, cv.years()));
    }
    if (cv.it() != null) {
      doc.add(new StringField(Fields.CV_IT, cv.it().toString(), Field.Store.NO));
    }
    return doc;
  }
}
