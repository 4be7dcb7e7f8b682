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
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /v1/occupations/{code}}: what the taxonomy says of one occupation. */
final class OccupationController {
  static final int SAMPLE_TITLES = 10;

  /**
   * Each occupation's texts by kind, and its sample titles (the first alternate or reported titles),
   * in index order; built once per served index.
   */
  private record Texts(OnetIndex index, Map<String, Map<TextKind, List<String>>> byCode,
                       Map<String, List<String>> samples) {
    List<String> of(String code, TextKind kind) {
      return byCode.getOrDefault(code, Map.of()).getOrDefault(kind, List.of());
    }
  }

  private final ServedIndex served;
  private volatile Texts texts;

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
  @OpenApi(path = "/v1/vocabulary", tags = "occupations", operationId = "vocabulary",
      summary = "The words the API's fields take: major groups with their titles, job levels, classify modes",
      responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = Api.VocabularyResponse.class)))
  static void vocabulary(Context ctx) {
    ctx.json(Api.VocabularyResponse.INSTANCE);
  }

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
    Texts t = texts(idx);
    List<Api.OccupationRef> related = o.related().stream()
        .flatMap(r -> idx.occupation(r).stream()).map(r -> new Api.OccupationRef(r.code(), r.title())).toList();
    return new Api.OccupationResponse(Api.TaxonomyRef.of(idx.meta()), o.code(), o.title(), o.description(),
        OnetCodes.soc6(o.code()), Api.MajorGroup.of(o.majorGroup()),
        o.jobZoneIfKnown().isPresent() ? o.jobZone() : null, t.samples().getOrDefault(code, List.of()),
        t.of(code, TextKind.ALTERNATE_TITLE), t.of(code, TextKind.REPORTED_TITLE), t.of(code, TextKind.TASK), related);
  }

  /** Every occupation's titles and tasks, read off the index's documents on first use of an index. */
  private Texts texts(OnetIndex idx) {
    Texts known = texts;
    if (known != null && known.index() == idx) {
      return known;
    }
    Map<String, Map<TextKind, List<String>>> result = new HashMap<>();
    Map<String, List<String>> samples = new HashMap<>();
    VectorIndex v = idx.vectors();
    for (int doc = 0; doc < v.size(); doc++) {
      for (Label label : v.labels(doc)) {
        if (label.kind() == TextKind.TITLE || label.kind() == TextKind.DESCRIPTION) {
          continue;
        }
        result.computeIfAbsent(label.code(), c -> new EnumMap<>(TextKind.class))
            .computeIfAbsent(label.kind(), k -> new ArrayList<>()).add(v.text(doc));
        if (label.kind() != TextKind.TASK) {
          List<String> some = samples.computeIfAbsent(label.code(), c -> new ArrayList<>());
          if (some.size() < SAMPLE_TITLES) {
            some.add(v.text(doc));
          }
        }
      }
    }
    texts = new Texts(idx, result, samples);
    return texts;
  }
}
