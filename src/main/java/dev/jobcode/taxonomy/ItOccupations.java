package dev.jobcode.taxonomy;

import java.util.Set;

/**
 * What jobcode calls IT: SOC 2018's computer occupations (minor group 15-1: 15-1211 … 15-1299,
 * analysts, developers, administrators, support, security), computer and information systems
 * managers (11-3021), computer hardware engineers (17-2061) and data scientists (15-2051).
 */
public final class ItOccupations {
  private static final Set<String> OUTSIDE_15_1 = Set.of("11-3021", "17-2061", "15-2051");

  private ItOccupations() {}

  public static boolean isIt(String code) {
    String soc = OnetCodes.soc6(code);
    return soc.startsWith("15-1") || OUTSIDE_15_1.contains(soc);
  }
}
