package dev.jobcode.server;

import dev.jobcode.index.Label;
import dev.jobcode.index.OnetIndex;
import dev.jobcode.index.VectorIndex;
import dev.jobcode.taxonomy.Occupation;
import dev.jobcode.taxonomy.OccupationCodeException;
import dev.jobcode.taxonomy.OccupationCodes;
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
          description = "an O*NET-SOC code (29-1141.00), a SOC 2018 code (29-1141), or a SOC 2010 code (15-1132, "
              + "or O*NET-SOC 2010 15-1132.00) read through the BLS crosswalk when the 2018 reading finds nothing"),
      responses = {
          @OpenApiResponse(status = "200", content = @OpenApiContent(from = Api.OccupationResponse.class),
              description = "the one occupation the code means; mapped_from says which SOC 2010 code it was read as"),
          @OpenApiResponse(status = "300", content = @OpenApiContent(from = Api.OccupationChoices.class),
              description = "the code means several occupations (a SOC code with several O*NET-SOC occupations "
                  + "under it, or a SOC 2010 code split in SOC 2018): choices lists them, by code"),
          @OpenApiResponse(status = "400", content = @OpenApiContent(from = Api.ErrorResponse.class),
              description = "invalid_request: not a code (like 15-1252.00 or 15-1252), or a code of neither "
                  + "SOC 2018 nor SOC 2010 (or of SOC 2018 only, when the index was built without the crosswalk)."),
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
    Object answer = served.with(g -> {
      OccupationCodes.Resolution read = read(g.index(), code);
      if (read.codes().size() > 1) {
        return new Api.OccupationChoices(Api.TaxonomyRef.of(g.index().meta()), read.written(),
            Api.MappedFrom.of(read.mappedFrom()), read.codes().stream().map(c -> new Api.OccupationRef(c,
                g.index().occupation(c).map(Occupation::title).orElse(null))).toList());
      }
      return response(g.index(), read.codes().get(0), read.mappedFrom());
    });
    if (answer instanceof Api.OccupationChoices) {
      ctx.status(300);
    }
    ctx.json(answer);
  }

  /** The occupations a code means; a code of no version is a 400, a code the taxonomy lacks a 404. */
  private static OccupationCodes.Resolution read(OnetIndex idx, String code) {
    try {
      return idx.codes().resolve(code);
    } catch (OccupationCodeException e) {
      throw e.reason() == OccupationCodeException.Reason.NOT_SERVED ? ApiException.notFound(e.getMessage())
          : ApiException.badRequest(e.getMessage());
    }
  }

  private Api.OccupationResponse response(OnetIndex idx, String code, OccupationCodes.Mapping mappedFrom) {
    Occupation o = idx.occupation(code).orElseThrow(() -> ApiException.notFound(
        "no occupation " + code + " in " + idx.meta().taxonomy().name() + " " + idx.meta().taxonomy().version()));
    Texts t = texts(idx);
    List<Api.OccupationRef> related = o.related().stream()
        .flatMap(r -> idx.occupation(r).stream()).map(r -> new Api.OccupationRef(r.code(), r.title())).toList();
    return new Api.OccupationResponse(Api.TaxonomyRef.of(idx.meta()), o.code(), o.title(), o.description(),
        OnetCodes.soc6(o.code()), Api.MajorGroup.of(o.majorGroup()),
        o.jobZoneIfKnown().isPresent() ? o.jobZone() : null, t.samples().getOrDefault(code, List.of()),
        t.of(code, TextKind.ALTERNATE_TITLE), t.of(code, TextKind.REPORTED_TITLE), t.of(code, TextKind.TASK), related,
        Api.MappedFrom.of(mappedFrom));
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
