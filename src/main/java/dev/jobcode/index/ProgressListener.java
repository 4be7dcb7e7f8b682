package dev.jobcode.index;

/** Told how far a long job has got. */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = (done, total) -> {};

  void progress(long done, long total);

  /** Tells {@code first}, then {@code second}, everything. */
  static ProgressListener both(ProgressListener first, ProgressListener second) {
    return new ProgressListener() {
      @Override
      public void progress(long done, long total) {
        first.progress(done, total);
        second.progress(done, total);
      }

      @Override
      public void stage(String name) {
        first.stage(name);
        second.stage(name);
      }
    };
  }

  /** A new stage of work starts ("encoding CVs"); counts and rates start again from zero. */
  default void stage(String name) {}
}
