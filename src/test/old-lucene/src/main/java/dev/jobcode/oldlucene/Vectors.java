package dev.jobcode.oldlucene;

import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * The Lucene 9 parts, in a class of their own so that the writer also runs on Lucene 8 (a class is
 * only linked when it is first used).
 */
final class Vectors {
  private Vectors() {}

  /** Lucene 9.12's default codec with jobcode's HNSW settings on every vector field. */
  static void useHnsw(IndexWriterConfig config, int m, int beamWidth) {
    KnnVectorsFormat format = new Lucene99HnswVectorsFormat(m, beamWidth);
    config.setCodec(new Lucene912Codec() {
      @Override
      public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
        return format;
      }
    });
  }

  static void add(Document doc, String field, float[] vector) {
    doc.add(new KnnFloatVectorField(field, vector, VectorSimilarityFunction.DOT_PRODUCT));
  }
}
