package dev.jobcode.server;

import dev.jobcode.index.Label;
import dev.jobcode.index.OnetIndex;
import dev.jobcode.index.VectorIndex;
import dev.jobcode.taxonomy.Occupation;
import dev.jobcode.taxonomy.OnetCodes;
import dev.jobcode.taxonomy.TextKind;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code GET /v1/occupations/{code}}: what the taxonomy says of one occupation. */
final class OccupationController {
  static final int SAMPLE_TITLES = 10;

  private final Supplier<OnetIndex> index;
  private volatile Map<String, List<String>> sampleTitles;

  OccupationController(Supplier<OnetIndex> index) {
    this.index = index;
  }

  void get(Context ctx) {
    String code = ctx.pathParam("code").strip();
    if (!OnetCodes.isValid(code)) {
      throw ApiException.badRequest("'" + code + "' is not an O*NET-SOC code; expected e.g. 15-1252.00");
    }
    OnetIndex idx = index.get();
    Occupation o = idx.occupation(code).orElseThrow(() -> ApiException.notFound(
        "no occupation " + code + " in " + idx.meta().taxonomy().name() + " " + idx.meta().taxonomy().version()));
    ctx.json(new Api.OccupationResponse(Api.TaxonomyRef.of(idx.meta()), o.code(), o.title(), o.description(),
        OnetCodes.soc6(o.code()), Api.MajorGroup.of(o.majorGroup()),
        o.jobZoneIfKnown().isPresent() ? o.jobZone() : null,
        samples(idx).getOrDefault(code, List.of())));
  }

  /** Alternate and reported titles per occupation, in index order, built on first use. */
  private Map<String, List<String>> samples(OnetIndex idx) {
    Map<String, List<String>> result = sampleTitles;
    if (result == null) {
      result = new HashMap<>();
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
      sampleTitles = result;
    }
    return result;
  }
}
