package dev.jobcode.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobcode.candidates.CandidateQuery;
import dev.jobcode.classify.InvalidQueryException;
import dev.jobcode.index.CandidateFilter;
import dev.jobcode.taxonomy.JobLevel;
import dev.jobcode.taxonomy.OccupationCodes;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Reads candidate requests strictly, like {@link Requests}: {@code {"text" | "id", "k"?,
 * "filters"?: {"onet_code", "major_group", "level", "min_years", "it"}}}. The filter's code is read
 * as written here; {@code CandidateController} reads it against the served taxonomy.
 */
final class CandidateRequests {
  private static final Set<String> FIELDS = RequestShapes.fields(RequestShapes.CandidateRequest.class);
  private static final Set<String> FILTER_FIELDS = RequestShapes.fields(RequestShapes.CandidateFilters.class);
  private static final List<String> LEVELS = Arrays.stream(JobLevel.values()).map(JobLevel::id).toList();

  /** The most skills one filter may ask for. */
  static final int MAX_SKILLS = 20;

  private CandidateRequests() {}

  static CandidateQuery query(JsonNode body, int defaultK) {
    Requests.knownFields(body, FIELDS, "");
    try {
      return new CandidateQuery(Requests.optionalText(body, "text", ""), Requests.optionalText(body, "id", ""),
          Requests.k(body, defaultK, CandidateQuery.MAX_K), filters(body.get("filters")));
    } catch (InvalidQueryException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  private static CandidateFilter filters(JsonNode filters) {
    if (filters == null || filters.isNull()) {
      return CandidateFilter.NONE;
    }
    if (!filters.isObject()) {
      throw ApiException.badRequest("filters must be an object with any of " + FILTER_FIELDS.stream().sorted().toList());
    }
    Requests.knownFields(filters, FILTER_FIELDS, "filters.");
    String code = Requests.optionalText(filters, "onet_code", "filters.");
    if (code != null && !OccupationCodes.wellFormed(code)) {
      throw ApiException.badRequest("filters.onet_code must be an O*NET-SOC code like 29-1141.00 or a SOC code "
          + "(2018, or 2010) like 29-1141, got '" + code + "'");
    }
    String major = Requests.optionalText(filters, "major_group", "filters.");
    if (major != null && !major.matches("\\d\\d")) {
      throw ApiException.badRequest("filters.major_group must be two digits like \"29\", got '" + major + "'");
    }
    String level = Requests.optionalText(filters, "level", "filters.");
    if (level != null && !LEVELS.contains(level)) {
      throw ApiException.badRequest("filters.level must be one of " + LEVELS + ", got '" + level + "'");
    }
    Integer minYears = null;
    JsonNode years = filters.get("min_years");
    if (years != null && !years.isNull()) {
      if (!years.isIntegralNumber() || !years.canConvertToInt() || years.intValue() < 0 || years.intValue() > 70) {
        throw ApiException.badRequest("filters.min_years must be a whole number 0..70");
      }
      minYears = years.intValue();
    }
    Boolean it = null;
    JsonNode itNode = filters.get("it");
    if (itNode != null && !itNode.isNull()) {
      if (!itNode.isBoolean()) {
        throw ApiException.badRequest("filters.it must be true or false");
      }
      it = itNode.booleanValue();
    }
    return new CandidateFilter(code, major, level, minYears, it).withSkills(skills(filters.get("skills")));
  }

  /** {@code filters.skills}: a list of skill names, as typed (the served index's dictionary resolves them). */
  private static List<String> skills(JsonNode skills) {
    if (skills == null || skills.isNull()) {
      return List.of();
    }
    if (!skills.isArray()) {
      throw ApiException.badRequest("filters.skills must be a list of skill names, like [\"Python\", \"SQL\"]");
    }
    if (skills.size() > MAX_SKILLS) {
      throw ApiException.badRequest("filters.skills holds at most " + MAX_SKILLS + " names, got " + skills.size());
    }
    List<String> names = new java.util.ArrayList<>();
    for (JsonNode s : skills) {
      if (!s.isTextual() || s.textValue().isBlank()) {
        throw ApiException.badRequest("filters.skills must be a list of skill names, like [\"Python\", \"SQL\"]");
      }
      names.add(s.textValue().strip());
    }
    return names;
  }
}
