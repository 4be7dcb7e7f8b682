package dev.jobcode.index;

/**
 * HNSW graph settings: {@code m} links per node and the {@code beamWidth} of the build-time search.
 */
public record HnswParams(int m, int beamWidth) {
  public static final HnswParams DEFAULT = new HnswParams(16, 100);

  public HnswParams {
    if (m < 2 || m > 512) {
      throw new IllegalArgumentException("HNSW m must be 2..512: " + m);
    }
    if (beamWidth < 1 || beamWidth > 3200) {
      throw new IllegalArgumentException("HNSW beam width must be 1..3200: " + beamWidth);
    }
  }
}
