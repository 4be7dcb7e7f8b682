package dev.jobcode.server;

import dev.jobcode.classify.CandidateQuery;
import dev.jobcode.classify.CandidateSearch;
import dev.jobcode.server.CandidateMeters.Kind;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code POST /v1/candidates/search}, {@code POST /v1/candidates/classify} and
 * {@code GET /v1/candidates/{id}}. An index built without CVs answers 404 {@code no_candidates}.
 */
final class CandidateController {
  private final ServedIndex served;
  private final CandidateMeters meters;

  CandidateController(ServedIndex served, CandidateMeters meters) {
    this.served = served;
    this.meters = meters;
  }

  void search(Context ctx) {
    CandidateQuery query = CandidateRequests.query(JsonBodies.object(ctx), CandidateQuery.DEFAULT_K);
    ctx.json(served.with(g -> {
      List<CandidateSearch.Found> found = meters.time(Kind.SEARCH, () -> g.candidates().search(known(query, g)));
      return new Api.CandidateSearchResponse(found.stream().map(Api.CandidateView::of).toList());
    }));
  }

  void classify(Context ctx) {
    CandidateQuery query = CandidateRequests.query(JsonBodies.object(ctx), CandidateSearch.DEFAULT_VOTERS);
    ctx.json(served.with(g -> Api.CandidateVoteResponse.of(
        meters.time(Kind.VOTE, () -> g.candidates().vote(known(query, g))))));
  }

  /** A filter on an occupation the served taxonomy does not have is a mistake, not an empty answer. */
  private static CandidateQuery known(CandidateQuery query, ServedIndex.Generation g) {
    String code = query.filter().onetCode();
    if (code != null && g.index().occupation(code).isEmpty()) {
      var taxonomy = g.index().meta().taxonomy();
      throw ApiException.badRequest("filters.onet_code " + code + " is not an occupation of " + taxonomy.name() + " "
          + taxonomy.version());
    }
    return query;
  }

  void get(Context ctx) {
    String id = ctx.pathParam("id");
    ctx.json(served.with(g -> g.candidates().cv(id))
        .orElseThrow(() -> ApiException.notFound("no candidate with id '" + id + "'")));
  }
}
