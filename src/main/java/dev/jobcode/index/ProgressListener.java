package dev.jobcode.index;

/** Told how far a long job has got. */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = (done, total) -> {};

  void progress(long done, long total);

  /** A new stage of work starts ("encoding CVs"); counts and rates start again from zero. */
  default void stage(String name) {}
}
