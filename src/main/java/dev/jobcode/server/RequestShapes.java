package dev.jobcode.server;

import dev.jobcode.candidates.CandidateQuery;
import dev.jobcode.candidates.CandidateSearch;
import dev.jobcode.classify.Query;
import dev.jobcode.taxonomy.OnetCodes;
import io.javalin.openapi.Custom;
import io.javalin.openapi.OpenApiArrayValidation;
import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiNumberValidation;
import io.javalin.openapi.OpenApiRequired;
import io.javalin.openapi.OpenApiStringValidation;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The request bodies, as records: the OpenAPI document's request schemas, and the fields the
 * decoders ({@link Requests}, {@link CandidateRequests}) accept, so that the two cannot drift.
 * The bodies are read as JSON trees, never bound to these records: the decoders' errors name the field.
 */
final class RequestShapes {
  private RequestShapes() {}

  /** A title (with an optional description), or a text alone. */
  record ClassifyRequest(
      @OpenApiStringValidation(maxLength = "" + Query.MAX_TITLE_CHARS)
      @OpenApiDescription("the job title; whitespace counts as spaces; required unless text is given") String title,
      @OpenApiStringValidation(maxLength = "" + Query.MAX_DESCRIPTION_CHARS)
      @OpenApiDescription("the job's description or a whole posting") String description,
      @OpenApiStringValidation(maxLength = "" + Query.MAX_DESCRIPTION_CHARS)
      @OpenApiDescription("a text without a title (a CV or a posting), ranked by O*NET's descriptions and tasks; "
          + "instead of title and description") String text,
      @OpenApiNumberValidation(minimum = "1", maximum = "" + Query.MAX_K)
      @OpenApiDescription("how many occupations; default " + Query.DEFAULT_K) Integer k,
      @Custom(name = OpenApiDocument.ENUM, value = "mode") @OpenApiDescription("default vote") String mode) {}

  record BatchItem(
      @OpenApiRequired @OpenApiStringValidation(maxLength = "" + Query.MAX_TITLE_CHARS) String title,
      @OpenApiStringValidation(maxLength = "" + Query.MAX_DESCRIPTION_CHARS) String description) {}

  record BatchRequest(
      @OpenApiRequired @OpenApiArrayValidation(minItems = "1")
      @OpenApiDescription("the titles to classify, answered in the same order; more than maxItems is a 413")
      List<BatchItem> items,
      @OpenApiNumberValidation(minimum = "1", maximum = "" + Query.MAX_K)
      @OpenApiDescription("how many occupations per item; default " + Query.DEFAULT_K) Integer k,
      @Custom(name = OpenApiDocument.ENUM, value = "mode") @OpenApiDescription("default vote") String mode) {}

  /** Exactly one of {@code text} and {@code id}. */
  record CandidateRequest(
      @OpenApiStringValidation(maxLength = "" + CandidateQuery.MAX_TEXT_CHARS)
      @OpenApiDescription("a CV or a job opening; give this or id") String text,
      @OpenApiDescription("an indexed CV: candidates like it (never itself); give this or text") String id,
      @OpenApiNumberValidation(minimum = "1", maximum = "" + CandidateQuery.MAX_K)
      @OpenApiDescription("how many candidates (search, default " + CandidateQuery.DEFAULT_K
          + ") or voters (classify, default " + CandidateSearch.DEFAULT_VOTERS + ")") Integer k,
      CandidateFilters filters) {}

  /** Any subset; a candidate must match all that are given. */
  record CandidateFilters(
      @OpenApiStringValidation(pattern = "^" + OnetCodes.REGEX + "$")
      @OpenApiDescription("an occupation of the served taxonomy, e.g. 29-1141.00") String onetCode,
      @OpenApiStringValidation(pattern = "^\\d\\d$")
      @OpenApiDescription("an SOC major group, e.g. 29") String majorGroup,
      @Custom(name = OpenApiDocument.ENUM, value = "level") String level,
      @OpenApiNumberValidation(minimum = "0", maximum = "70") Integer minYears,
      @OpenApiDescription("true: IT occupations only; false: none of them") Boolean it,
      @OpenApiArrayValidation(maxItems = "" + CandidateRequests.MAX_SKILLS)
      @OpenApiDescription("technology skills or tools the CV must all name, as people write them (\"Python\", "
          + "\"Excel\", \"NodeJS\"); each is one of the served O*NET release's") List<String> skills) {}

  /** A CV file upload ({@code multipart/form-data}): the file, and labels the caller knows. */
  record CvUpload(
      @OpenApiRequired @OpenApiDescription("the CV: PDF, DOCX, DOC, ODT, RTF, HTML, Markdown or plain text")
      byte[] file,
      @OpenApiDescription("the CV's id; absent: one made from its text") String id,
      String name,
      String headline,
      @OpenApiStringValidation(pattern = "^" + OnetCodes.REGEX + "$") String onetCode,
      @OpenApiStringValidation(pattern = "^\\d\\d$") String majorGroup,
      @Custom(name = OpenApiDocument.ENUM, value = "level") String level,
      @OpenApiNumberValidation(minimum = "0", maximum = "70") Integer years,
      Boolean it) {}

  record SwapRequest(
      @OpenApiRequired @OpenApiDescription("the folder of the index to serve; relative to the server's working folder")
      String path) {}

  /** The fields of {@code shape} as they are named on the wire. */
  static Set<String> fields(Class<? extends Record> shape) {
    return Arrays.stream(shape.getRecordComponents()).map(RecordComponent::getName).map(WireNames::of)
        .collect(Collectors.toUnmodifiableSet());
  }
}
