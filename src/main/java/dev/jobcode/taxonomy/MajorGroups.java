package dev.jobcode.taxonomy;

import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** The 23 SOC 2018 major groups (a fixed part of the standard, used to label answers). */
public final class MajorGroups {
  private static final Map<String, String> TITLES = Map.ofEntries(
      Map.entry("11", "Management Occupations"),
      Map.entry("13", "Business and Financial Operations Occupations"),
      Map.entry("15", "Computer and Mathematical Occupations"),
      Map.entry("17", "Architecture and Engineering Occupations"),
      Map.entry("19", "Life, Physical, and Social Science Occupations"),
      Map.entry("21", "Community and Social Service Occupations"),
      Map.entry("23", "Legal Occupations"),
      Map.entry("25", "Educational Instruction and Library Occupations"),
      Map.entry("27", "Arts, Design, Entertainment, Sports, and Media Occupations"),
      Map.entry("29", "Healthcare Practitioners and Technical Occupations"),
      Map.entry("31", "Healthcare Support Occupations"),
      Map.entry("33", "Protective Service Occupations"),
      Map.entry("35", "Food Preparation and Serving Related Occupations"),
      Map.entry("37", "Building and Grounds Cleaning and Maintenance Occupations"),
      Map.entry("39", "Personal Care and Service Occupations"),
      Map.entry("41", "Sales and Related Occupations"),
      Map.entry("43", "Office and Administrative Support Occupations"),
      Map.entry("45", "Farming, Fishing, and Forestry Occupations"),
      Map.entry("47", "Construction and Extraction Occupations"),
      Map.entry("49", "Installation, Maintenance, and Repair Occupations"),
      Map.entry("51", "Production Occupations"),
      Map.entry("53", "Transportation and Material Moving Occupations"),
      Map.entry("55", "Military Specific Occupations"));

  private MajorGroups() {}

  /** Every major group's code and title, by code. */
  public static SortedMap<String, String> all() {
    return new TreeMap<>(TITLES);
  }

  /** The title of a two-digit major group, if it is one. */
  public static Optional<String> title(String majorGroup) {
    return Optional.ofNullable(TITLES.get(majorGroup));
  }
}
