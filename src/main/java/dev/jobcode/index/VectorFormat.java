package dev.jobcode.index;

import java.util.Objects;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;

/**
 * How a vector field is stored and searched: the codec's per-field vectors format. The field
 * ({@code KnnFloatVectorField}, DOT_PRODUCT on unit vectors) and the HNSW settings are the same in
 * both; only what the graph compares differs.
 */
public enum VectorFormat {
  /** 32-bit floats, what every index and pool of jobcode uses. */
  FLOAT32("float32", "vec") {
    @Override
    public KnnVectorsFormat format(HnswParams hnsw) {
      return new Lucene99HnswVectorsFormat(hnsw.m(), hnsw.beamWidth());
    }
  },
  /**
   * Lucene's scalar quantisation to unsigned 8-bit integers, one per dimension, with corrections:
   * the graph is built and searched on those; the floats are kept on disk beside them (for merges
   * and re-quantising), unread by a search.
   */
  INT8("int8", "veq") {
    @Override
    public KnnVectorsFormat format(HnswParams hnsw) {
      return new Lucene104HnswScalarQuantizedVectorsFormat(hnsw.m(), hnsw.beamWidth());
    }
  };

  /** The extension of the HNSW graph's file, in both formats. */
  public static final String GRAPH_EXTENSION = "vex";

  private final String id;
  private final String vectorExtension;

  VectorFormat(String id, String vectorExtension) {
    this.id = id;
    this.vectorExtension = vectorExtension;
  }

  /** The Lucene format with {@code hnsw}'s settings. */
  public abstract KnnVectorsFormat format(HnswParams hnsw);

  /** How people and reports name it: {@code float32}, {@code int8}. */
  public String id() {
    return id;
  }

  /**
   * The Lucene format's class (not its {@code getName()}, which for the int8 one is
   * {@code Lucene104HnswBinaryQuantizedVectorsFormat} in Lucene 10.6).
   */
  public String luceneName() {
    return format(HnswParams.DEFAULT).getClass().getSimpleName();
  }

  /**
   * The extension of the file of the vectors an HNSW search compares: {@code vec} (floats) or
   * {@code veq} (int8). With the graph's ({@link #GRAPH_EXTENSION}) it is what a search reads, memory-mapped
   * by Lucene: what should stay in the page cache.
   */
  public String vectorExtension() {
    return vectorExtension;
  }

  /** The format called {@code id} ({@link #id()}). */
  public static VectorFormat byId(String id) {
    Objects.requireNonNull(id, "id");
    for (VectorFormat f : values()) {
      if (f.id.equals(id)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown vector format '" + id + "': float32 or int8");
  }
}
