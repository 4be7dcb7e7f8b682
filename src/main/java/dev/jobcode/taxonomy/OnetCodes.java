package dev.jobcode.taxonomy;

import java.util.regex.Pattern;

/** O*NET-SOC codes ({@code 29-1141.03}) and the SOC levels they belong to. */
public final class OnetCodes {
  /** An O*NET-SOC code, as a regular expression (the API's contract states it too). */
  public static final String REGEX = "\\d{2}-\\d{4}\\.\\d{2}";
  private static final Pattern ONET = Pattern.compile(REGEX);

  private OnetCodes() {}

  /** True for a well-formed 8-digit O*NET-SOC code such as {@code 15-1252.00}. */
  public static boolean isValid(String code) {
    return code != null && ONET.matcher(code).matches();
  }

  /** The SOC 6-digit (detailed occupation) code: {@code 29-1141.03} → {@code 29-1141}. */
  public static String soc6(String code) {
    return code.length() > 7 ? code.substring(0, 7) : code;
  }

  /** The SOC major group: {@code 29-1141.03} → {@code 29}. */
  public static String majorGroup(String code) {
    return code.substring(0, 2);
  }
}
