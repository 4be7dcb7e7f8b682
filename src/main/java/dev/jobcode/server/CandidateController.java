package dev.jobcode.server;

import dev.jobcode.candidates.CandidateQuery;
import dev.jobcode.candidates.CandidateSearch;
import dev.jobcode.server.CandidateMeters.Kind;
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
      + "a filter of the wrong type or value, an onet_code or a skill the served taxonomy lacks.";

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
      CandidateSearch.Results found = meters.time(Kind.SEARCH, () -> g.candidates().search(known(query, g)));
      return Api.CandidateSearchResponse.of(found);
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
    ctx.json(served.with(g -> Api.CandidateVoteResponse.of(
        meters.time(Kind.VOTE, () -> g.candidates().vote(known(query, g))))));
  }

  /**
   * A filter on an occupation or a skill the served taxonomy does not have is a mistake, not an
   * empty answer; skills are turned into their O*NET names.
   */
  private static CandidateQuery known(CandidateQuery query, ServedIndex.Generation g) {
    String code = query.filter().onetCode();
    var taxonomy = g.index().meta().taxonomy();
    if (code != null && g.index().occupation(code).isEmpty()) {
      throw ApiException.badRequest("filters.onet_code " + code + " is not an occupation of " + taxonomy.name() + " "
          + taxonomy.version());
    }
    if (query.filter().skills().isEmpty()) {
      return query;
    }
    List<String> names = new java.util.ArrayList<>();
    for (String term : query.filter().skills()) {
      names.add(g.index().skills().resolve(term).orElseThrow(() -> ApiException.badRequest("filters.skills: '" + term
          + "' is not a technology skill or tool of " + taxonomy.name() + " " + taxonomy.version())).name());
    }
    return new CandidateQuery(query.text(), query.id(), query.k(), query.filter().withSkills(names));
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
