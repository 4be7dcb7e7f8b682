package dev.jobcode.server;

import dev.jobcode.index.Label;
import dev.jobcode.index.OnetIndex;
import dev.jobcode.index.VectorIndex;
import dev.jobcode.taxonomy.Occupation;
import dev.jobcode.taxonomy.OnetCodes;
import dev.jobcode.taxonomy.TextKind;
import io.javalin.http.Context;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /v1/occupations/{code}}: what the taxonomy says of one occupation. */
final class OccupationController {
  static final int SAMPLE_TITLES = 10;

  /** Sample titles are built once per served index. */
  private record Samples(OnetIndex index, Map<String, List<String>> byCode) {}

  private final ServedIndex served;
  private volatile Samples samples;

  OccupationController(ServedIndex served) {
    this.served = served;
  }

  @OpenApi(path = "/v1/occupations/{code}", tags = "occupations", operationId = "occupation",
      summary = "One occupation: title, description, major group, job zone (when known), sample titles",
      pathParams = @OpenApiParam(name = "code", required = true, example = "29-1141.00",
          description = "an O*NET-SOC code"),
      responses = {
          @OpenApiResponse(status = "200", content = @OpenApiContent(from = Api.OccupationResponse.class)),
          @OpenApiResponse(status = "400", content = @OpenApiContent(from = Api.ErrorResponse.class),
              description = "invalid_request: the code is not an O*NET-SOC code (like 15-1252.00)."),
          @OpenApiResponse(status = "404", content = @OpenApiContent(from = Api.ErrorResponse.class),
              description = "not_found: the served taxonomy has no such occupation.")})
  void get(Context ctx) {
    String code = ctx.pathParam("code").strip();
    if (!OnetCodes.isValid(code)) {
      throw ApiException.badRequest("'" + code + "' is not an O*NET-SOC code; expected e.g. 15-1252.00");
    }
    ctx.json(served.with(g -> response(g.index(), code)));
  }

  private Api.OccupationResponse response(OnetIndex idx, String code) {
    Occupation o = idx.occupation(code).orElseThrow(() -> ApiException.notFound(
        "no occupation " + code + " in " + idx.meta().taxonomy().name() + " " + idx.meta().taxonomy().version()));
    return new Api.OccupationResponse(Api.TaxonomyRef.of(idx.meta()), o.code(), o.title(), o.description(),
        OnetCodes.soc6(o.code()), Api.MajorGroup.of(o.majorGroup()),
        o.jobZoneIfKnown().isPresent() ? o.jobZone() : null,
        samples(idx).getOrDefault(code, List.of()));
  }

  /** Alternate and reported titles per occupation, in index order, built on first use of an index. */
  private Map<String, List<String>> samples(OnetIndex idx) {
    Samples known = samples;
    if (known != null && known.index() == idx) {
      return known.byCode();
    }
    Map<String, List<String>> result = new HashMap<>();
    VectorIndex v = idx.vectors();
    for (int doc = 0; doc < v.size(); doc++) {
      for (Label label : v.labels(doc)) {
        if (label.kind() == TextKind.ALTERNATE_TITLE || label.kind() == TextKind.REPORTED_TITLE) {
          List<String> list = result.computeIfAbsent(label.code(), c -> new ArrayList<>());
          if (list.size() < SAMPLE_TITLES) {
            list.add(v.text(doc));
          }
        }
      }
    }
    samples = new Samples(idx, result);
    return result;
  }
}
