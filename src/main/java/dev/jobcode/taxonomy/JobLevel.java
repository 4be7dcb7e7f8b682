package dev.jobcode.taxonomy;

import java.util.Locale;

/** How senior a job is, lowest first. {@link #SPECIALIST} is what a title that says nothing gets. */
public enum JobLevel {
  INTERN,
  JUNIOR,
  SPECIALIST,
  SENIOR,
  LEAD,
  MANAGER,
  DIRECTOR,
  VP,
  C_LEVEL,
  OWNER;

  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
