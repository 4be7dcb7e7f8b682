package dev.jobcode.corpus;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One CV. Only {@code id} and {@code text} (what is embedded and searched) are required; the
 * labels are optional and make the CV filterable and a voter in kNN classification.
 *
 * @param level one of intern, junior, specialist, senior, lead, manager, director, vp, c-level, owner
 * @param years years of experience
 * @param it whether the CV's occupation is an IT occupation
 * @param experience earlier and current roles, most recent first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "name", "headline", "onet_code", "onet_title", "major_group", "level", "years", "it",
    "summary", "skills", "experience", "text"})
public record Cv(String id, String name, String headline, String onetCode, String onetTitle, String majorGroup,
                 String level, Integer years, Boolean it, String summary, List<String> skills,
                 List<Role> experience, String text) {

  /** A role held: its title, occupation, employer and how long. */
  @JsonPropertyOrder({"title", "onet_code", "employer", "years"})
  public record Role(String title, String onetCode, String employer, int years) {}

  /** A CV with only the required fields. */
  public static Cv of(String id, String text) {
    return new Cv(id, null, null, null, null, null, null, null, null, null, null, null, text);
  }
}
