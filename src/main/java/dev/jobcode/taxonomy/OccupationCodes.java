package dev.jobcode.taxonomy;

import dev.jobcode.taxonomy.OccupationCodeException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads an occupation code as a user writes it and says which occupations of the served taxonomy
 * it means: an O*NET-SOC code ({@code 29-1141.00}), a SOC 2018 code ({@code 29-1141}: every
 * O*NET-SOC occupation under it), or, through the {@link SocCrosswalk}, a SOC 2010 code
 * ({@code 15-1132}) or an O*NET-SOC 2010 one ({@code 15-1132.00}).
 *
 * <p>A code the served taxonomy has wins over a 2010 reading of the same digits (most codes are
 * unchanged); only a code whose SOC part the taxonomy lacks is read as 2010.
 */
public final class OccupationCodes {
  private static final Pattern CODE = Pattern.compile("\\d{2}-\\d{4}(\\.\\d{2})?");

  /**
   * What a written code means: the served O*NET-SOC codes (sorted, at least one), and the SOC 2010
   * code it was read as, or null when it was read in the served taxonomy's own version.
   */
  public record Resolution(String written, List<String> codes, Mapping mappedFrom) {
    public Resolution {
      codes = List.copyOf(codes);
    }

    public boolean mapped() {
      return mappedFrom != null;
    }
  }

  /** The code of an older version a written code was read as: {@code SOC 2010 15-1132} and its title. */
  public record Mapping(String version, String code, String title, List<String> soc2018) {
    public Mapping {
      soc2018 = List.copyOf(soc2018);
    }
  }

  private final String taxonomy;
  private final NavigableSet<String> served;
  private final Optional<SocCrosswalk> crosswalk;

  /**
   * @param taxonomy the served taxonomy as messages name it, e.g. {@code O*NET-SOC 30.0}
   * @param served its O*NET-SOC codes
   * @param crosswalk SOC 2010 → 2018; empty when the index was built without it (2010 codes are then refused)
   */
  public OccupationCodes(String taxonomy, java.util.Collection<String> served, Optional<SocCrosswalk> crosswalk) {
    this.taxonomy = Objects.requireNonNull(taxonomy, "taxonomy");
    this.served = new TreeSet<>(served);
    this.crosswalk = Objects.requireNonNull(crosswalk, "crosswalk");
  }

  /** True for the shape of a code this class reads: {@code 15-1252} or {@code 15-1252.00}. */
  public static boolean wellFormed(String code) {
    return code != null && CODE.matcher(code).matches();
  }

  public Optional<SocCrosswalk> crosswalk() {
    return crosswalk;
  }

  /**
   * The occupations {@code written} means; throws {@link OccupationCodeException} when it is not a
   * code, a code of no version, or a code whose occupations the served taxonomy lacks.
   */
  public Resolution resolve(String written) {
    String code = written == null ? "" : written.strip();
    if (!wellFormed(code)) {
      throw new OccupationCodeException(Reason.MALFORMED, "'" + code + "' is not an O*NET-SOC code like 15-1252.00 "
          + "or a SOC code like 15-1252", List.of());
    }
    if (served.contains(code)) {
      return new Resolution(code, List.of(code), null);
    }
    String soc6 = OnetCodes.soc6(code);
    List<String> under = under(soc6);
    if (!under.isEmpty()) {
      if (code.length() == soc6.length()) {
        return new Resolution(code, under, null);
      }
      throw new OccupationCodeException(Reason.NOT_SERVED, "no occupation " + code + " in " + taxonomy
          + "; SOC " + soc6 + " has " + String.join(", ", under), under);
    }
    if (crosswalk.isPresent() && crosswalk.get().is2018(soc6)) {   // a 2018 code wins over its 2010 reading
      throw new OccupationCodeException(Reason.NOT_SERVED, "no occupation " + code + " in " + taxonomy, List.of());
    }
    if (crosswalk.isEmpty()) {
      throw new OccupationCodeException(Reason.UNKNOWN, code + " is not a " + SocCrosswalk.TO + " code of " + taxonomy
          + ", and SOC 2010 codes cannot be read: the index was built without the SOC 2010 crosswalk "
          + "(rebuild it with jobcode index --soc DIR)", List.of());
    }
    SocCrosswalk cw = crosswalk.get();
    if (!cw.is2010(soc6)) {
      throw new OccupationCodeException(Reason.UNKNOWN, code + " is not a " + SocCrosswalk.TO + " or "
          + SocCrosswalk.FROM + " code", List.of());
    }
    List<String> soc2018 = cw.map2010(soc6);
    List<String> codes = new ArrayList<>();
    soc2018.forEach(c -> codes.addAll(under(c)));
    if (codes.isEmpty()) {
      throw new OccupationCodeException(Reason.NOT_SERVED, SocCrosswalk.FROM + " " + soc6 + " maps to "
          + SocCrosswalk.TO + " " + String.join(", ", soc2018) + ", of which " + taxonomy + " has no occupation",
          List.of());
    }
    return new Resolution(code, codes.stream().sorted().toList(),
        new Mapping(SocCrosswalk.FROM, soc6, cw.title2010(soc6).orElse(null), soc2018));
  }

  /**
   * The one occupation {@code written} means, for a label that names one (a CV's own occupation): a
   * code of one SOC 2018 occupation means its O*NET-SOC {@code .00} occupation (O*NET's occupation
   * of that SOC code, beside its narrower {@code .01}…); a code that still means several (a split
   * SOC 2010 code) is refused with the list to choose from.
   */
  public Resolution single(String written) {
    Resolution r = resolve(written);
    List<String> socs = r.codes().stream().map(OnetCodes::soc6).distinct().toList();
    if (r.codes().size() > 1 && socs.size() == 1 && served.contains(socs.get(0) + ".00")) {
      return new Resolution(r.written(), List.of(socs.get(0) + ".00"), r.mappedFrom());
    }
    if (r.codes().size() > 1) {
      String read = r.mapped() ? " (" + r.mappedFrom().version() + " " + r.mappedFrom().code() + ", mapped to "
          + SocCrosswalk.TO + " " + String.join(", ", r.mappedFrom().soc2018()) + ")" : "";
      throw new OccupationCodeException(Reason.AMBIGUOUS, r.written() + read + " means " + r.codes().size()
          + " occupations of " + taxonomy + "; name one of " + String.join(", ", r.codes()), r.codes());
    }
    return r;
  }

  /**
   * A CV's own occupation as its owner wrote it: a SOC code (2018, or 2010) must mean exactly one
   * occupation ({@link #single}); an O*NET-SOC code whose SOC part is a SOC 2010 code the served
   * taxonomy lacks is read as 2010 the same way; any other O*NET-SOC code is kept as written, as
   * before (the owner's label, even of an occupation the served release lacks).
   */
  public Resolution forLabel(String written) {
    String code = written == null ? "" : written.strip();
    if (OnetCodes.isValid(code) && (served.contains(code) || !under(OnetCodes.soc6(code)).isEmpty()
        || crosswalk.isEmpty() || crosswalk.get().is2018(OnetCodes.soc6(code))
        || !crosswalk.get().is2010(OnetCodes.soc6(code)))) {
      return new Resolution(code, List.of(code), null);
    }
    return single(code);
  }

  /**
   * A labelled set's acceptable code as codes to score against: a SOC 2010 code (or an O*NET-SOC
   * 2010 one, whose detail no crosswalk gives) becomes its SOC 2018 codes, any of which counts; any
   * other code stays as written, as before (one the taxonomy lacks simply never matches).
   */
  public List<String> acceptable(String code) {
    String soc6 = OnetCodes.soc6(code);
    if (served.contains(code) || !under(soc6).isEmpty() || !wellFormed(code) || crosswalk.isEmpty()
        || crosswalk.get().is2018(soc6) || !crosswalk.get().is2010(soc6)) {
      return List.of(code);
    }
    return crosswalk.get().map2010(soc6);
  }

  /** The served O*NET-SOC codes under a SOC 6-digit code, sorted. */
  private List<String> under(String soc6) {
    return List.copyOf(served.subSet(soc6 + ".", true, soc6 + "/", false));
  }
}
