package dev.jobcode.classify;

import dev.jobcode.taxonomy.MajorGroups;
import dev.jobcode.taxonomy.OnetCodes;

/**
 * What else a classification says about a job.
 *
 * @param itProbability the share of the occupation distribution on IT occupations
 * @param level the level the title states ({@link LevelReader})
 * @param majorGroup the SOC major group of the best occupation
 * @param family the job family of the best occupation
 */
public record JobAttributes(double itProbability, LevelReader.Reading level, String majorGroup, JobFamily family) {

  public boolean it() {
    return itProbability >= 0.5;
  }

  public String majorGroupTitle() {
    return MajorGroups.title(majorGroup).orElse("");
  }

  static JobAttributes of(String title, String bestCode, double itProbability) {
    return new JobAttributes(itProbability, LevelReader.read(title), OnetCodes.majorGroup(bestCode), JobFamily.of(bestCode));
  }
}
