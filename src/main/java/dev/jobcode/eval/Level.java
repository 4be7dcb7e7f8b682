package dev.jobcode.eval;

import dev.jobcode.taxonomy.OnetCodes;
import java.util.Locale;
import java.util.regex.Pattern;

/** A level of the code hierarchy at which a prediction is compared with a label. */
public enum Level {
  /** O*NET-SOC 8-digit: {@code 29-1141.03}. */
  ONET,
  /** SOC 2018 detailed occupation, 6 digits: {@code 29-1141}. */
  SOC,
  /** SOC major group: {@code 29}. */
  MAJOR;

  private static final Pattern SOC6 = Pattern.compile("\\d{2}-\\d{4}");

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The code at this level, for an O*NET code or (for SOC and MAJOR) a SOC 6-digit code. */
  public String of(String code) {
    return switch (this) {
      case ONET -> code;
      case SOC -> OnetCodes.soc6(code);
      case MAJOR -> OnetCodes.majorGroup(code);
    };
  }

  /** The finest level a label can be scored at: ONET for an O*NET code, SOC for a SOC code. */
  static Level finestFor(String code) {
    if (OnetCodes.isValid(code)) {
      return ONET;
    }
    if (SOC6.matcher(code).matches()) {
      return SOC;
    }
    throw new IllegalArgumentException("not an O*NET-SOC or SOC 6-digit code: '" + code + "'");
  }
}
