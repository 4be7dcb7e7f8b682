package dev.jobcode.server;

import dev.jobcode.candidates.CandidateQuery;
import dev.jobcode.candidates.CandidateSearch;
import dev.jobcode.index.CandidateFilter;
import dev.jobcode.server.CandidateMeters.Kind;
import dev.jobcode.taxonomy.OccupationCodeException;
import dev.jobcode.taxonomy.OccupationCodes;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiExampleProperty;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import java.util.List;

/**
 * {@code POST /v1/candidates/search}, {@code POST /v1/candidates/classify} and
 * {@code GET /v1/candidates/{id}}. An index built without CVs answers 404 {@code no_candidates}.
 */
final class CandidateController {
  private static final String NO_CANDIDATES = "no_candidates: the server runs without a candidate pool.";
  private static final String CANDIDATE_NOT_FOUND = "not_found: no CV has the id given. " + NO_CANDIDATES;
  private static final String CANDIDATE_QUERY_ERRORS = "neither or both of text and id, text over "
      + CandidateQuery.MAX_TEXT_CHARS + " characters, k not in 1.." + CandidateQuery.MAX_K + ", an unknown field, "
      + "a filter of the wrong type or value, an onet_code or a skill the served taxonomy lacks (an onet_code may be "
      + "an O*NET-SOC code, a SOC 2018 code or a SOC 2010 code; one valid in no version is refused naming both).";

  private final ServedIndex served;
  private final CandidateMeters meters;

  CandidateController(ServedIndex served, CandidateMeters meters) {
    this.served = served;
    this.meters = meters;
  }

  @OpenApi(path = "/v1/candidates/search", methods = HttpMethod.POST, tags = "candidates",
      operationId = "searchCandidates",
      summary = "Candidates like a CV or a job opening (text), or like an indexed CV (id), nearest first",
      requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(
          from = RequestShapes.CandidateRequest.class,
          exampleObjects = {@OpenApiExampleProperty(name = "text", value = "ICU nurse for a cardiac ward"),
              @OpenApiExampleProperty(name = "k", raw = "5"),
              @OpenApiExampleProperty(name = "filters", raw = "{\"major_group\": \"29\", \"min_years\": 2}")})),
      responses = {
          @OpenApiResponse(status = "200", content = @OpenApiContent(from = Api.CandidateSearchResponse.class)),
          @OpenApiResponse(status = "400", content = @OpenApiContent(from = Api.ErrorResponse.class), description =
              "invalid_request: " + CANDIDATE_QUERY_ERRORS),
          @OpenApiResponse(status = "404", content = @OpenApiContent(from = Api.ErrorResponse.class),
              description = CANDIDATE_NOT_FOUND)})
  void search(Context ctx) {
    CandidateQuery query = CandidateRequests.query(JsonBodies.object(ctx), CandidateQuery.DEFAULT_K);
    ctx.json(served.with(g -> {
      Known known = known(query, g);
      CandidateSearch.Results found = meters.time(Kind.SEARCH, () -> g.candidates().search(known.query()));
      return Api.CandidateSearchResponse.of(found, known.onetCode());
    }));
  }

  @OpenApi(path = "/v1/candidates/classify", methods = HttpMethod.POST, tags = "candidates",
      operationId = "classifyCandidate",
      summary = "A CV's occupation, major group, level and IT flag by the vote of its nearest labelled CVs",
      requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(
          from = RequestShapes.CandidateRequest.class,
          exampleObjects = {
              @OpenApiExampleProperty(name = "text", value = "Java developer, Spring Boot microservices, 6 years"),
              @OpenApiExampleProperty(name = "k", raw = "15")})),
      responses = {
          @OpenApiResponse(status = "200", content = @OpenApiContent(from = Api.CandidateVoteResponse.class)),
          @OpenApiResponse(status = "400", content = @OpenApiContent(from = Api.ErrorResponse.class), description =
              "invalid_request: " + CANDIDATE_QUERY_ERRORS),
          @OpenApiResponse(status = "404", content = @OpenApiContent(from = Api.ErrorResponse.class),
              description = CANDIDATE_NOT_FOUND)})
  void classify(Context ctx) {
    CandidateQuery query = CandidateRequests.query(JsonBodies.object(ctx), CandidateSearch.DEFAULT_VOTERS);
    ctx.json(served.with(g -> {
      Known known = known(query, g);
      return Api.CandidateVoteResponse.of(meters.time(Kind.VOTE, () -> g.candidates().vote(known.query())),
          known.onetCode());
    }));
  }

  /** A query in the served taxonomy's terms, and how its filter's code was read (null without one). */
  private record Known(CandidateQuery query, Api.CodeReading onetCode) {}

  /**
   * A filter on an occupation or a skill the served taxonomy does not have is a mistake, not an
   * empty answer. The code is read as written: a SOC code, or a SOC 2010 one, admits a CV of any of
   * the occupations it means; skills are turned into their O*NET names.
   */
  private static Known known(CandidateQuery query, ServedIndex.Generation g) {
    var taxonomy = g.index().meta().taxonomy();
    CandidateFilter filter = query.filter();
    OccupationCodes.Resolution read = null;
    if (!filter.onetCodes().isEmpty()) {
      try {
        read = g.index().codes().resolve(filter.onetCodes().get(0));
      } catch (OccupationCodeException e) {
        throw ApiException.badRequest("filters.onet_code: " + e.getMessage());
      }
      filter = filter.withOnetCodes(read.codes());
    }
    if (!filter.skills().isEmpty()) {
      List<String> names = new java.util.ArrayList<>();
      for (String term : filter.skills()) {
        names.add(g.index().skills().resolve(term).orElseThrow(() -> ApiException.badRequest("filters.skills: '"
            + term + "' is not a technology skill or tool of " + taxonomy.name() + " " + taxonomy.version())).name());
      }
      filter = filter.withSkills(names);
    }
    return new Known(new CandidateQuery(query.text(), query.id(), query.k(), filter), Api.CodeReading.of(read));
  }

  @OpenApi(path = "/v1/candidates/{id}", tags = "candidates", operationId = "candidate",
      summary = "A CV as the pool keeps it, with the labels jobcode inferred named",
      pathParams = @OpenApiParam(name = "id", required = true, example = "cv-00042", description = "the CV's id"),
      responses = {
          @OpenApiResponse(status = "200", content = @OpenApiContent(from = Api.CandidateRecord.class)),
          @OpenApiResponse(status = "404", content = @OpenApiContent(from = Api.ErrorResponse.class),
              description = "not_found: no CV has this id. " + NO_CANDIDATES)})
  void get(Context ctx) {
    String id = ctx.pathParam("id");
    ctx.json(served.with(g -> g.candidates().cv(id)).map(Api.CandidateRecord::of)
        .orElseThrow(() -> ApiException.notFound("no candidate with id '" + id + "'")));
  }

  /** The most a page of {@code GET /v1/candidates} lists. */
  static final int MAX_PAGE = 1000;

  @OpenApi(path = "/v1/candidates", tags = "candidates", operationId = "listCandidates",
      summary = "The pool's CVs by id, a page at a time: who, labels (and which were inferred), when added",
      queryParams = {
          @OpenApiParam(name = "offset", type = Integer.class, example = "0", description = "the first to list; default 0"),
          @OpenApiParam(name = "limit", type = Integer.class, example = "100",
              description = "how many, 1.." + MAX_PAGE + "; default 100")},
      responses = {
          @OpenApiResponse(status = "200", content = @OpenApiContent(from = Api.CandidateList.class)),
          @OpenApiResponse(status = "400", content = @OpenApiContent(from = Api.ErrorResponse.class),
              description = "invalid_request: offset or limit not a whole number in range."),
          @OpenApiResponse(status = "404", content = @OpenApiContent(from = Api.ErrorResponse.class),
              description = NO_CANDIDATES)})
  void list(Context ctx) {
    int offset = Requests.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    int limit = Requests.intParam(ctx, "limit", 100, 1, MAX_PAGE);
    var all = served.pool().orElseThrow(CandidateSearch.NoCandidatesException::new).list();
    int from = Math.min(offset, all.size());
    var page = all.subList(from, from + Math.min(limit, all.size() - from));
    ctx.json(new Api.CandidateList(all.size(), offset, page.stream().map(Api.CandidateSummary::of).toList()));
  }
}
