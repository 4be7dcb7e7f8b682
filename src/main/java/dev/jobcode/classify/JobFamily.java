package dev.jobcode.classify;

import dev.jobcode.taxonomy.ItOccupations;
import dev.jobcode.taxonomy.OnetCodes;
import java.util.Locale;

/**
 * A small set of job families (job areas), each a set of SOC codes: the major group decides, except
 * for management occupations (11), which go to the family of what they manage, and the IT
 * occupations ({@link ItOccupations}), which are Technical/IT wherever they sit.
 */
public enum JobFamily {
  TECHNICAL_IT("Technical/IT"),
  ENGINEERING("Engineering"),
  SCIENCE("Science & Research"),
  HEALTHCARE("Healthcare"),
  BUSINESS_FINANCE("Business & Finance"),
  SALES_MARKETING("Sales & Marketing"),
  MANAGEMENT("Management"),
  EDUCATION("Education"),
  LEGAL_SOCIAL("Legal & Social Services"),
  ARTS_MEDIA("Arts, Design & Media"),
  ADMINISTRATION("Office & Administration"),
  HOSPITALITY_SERVICE("Hospitality & Personal Service"),
  OPERATIONS("Operations, Production & Logistics"),
  TRADES("Construction, Installation & Repair"),
  PROTECTIVE_MILITARY("Protective Service & Military");

  private final String title;

  JobFamily(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The family of an O*NET-SOC or SOC code. */
  public static JobFamily of(String code) {
    if (ItOccupations.isIt(code)) {
      return TECHNICAL_IT;
    }
    String soc = OnetCodes.soc6(code);
    return switch (OnetCodes.majorGroup(code)) {
      case "11" -> management(soc);
      case "13" -> BUSINESS_FINANCE;
      case "15" -> TECHNICAL_IT;            // mathematicians, statisticians, data scientists
      case "17" -> ENGINEERING;
      case "19" -> SCIENCE;
      case "21", "23" -> LEGAL_SOCIAL;
      case "25" -> EDUCATION;
      case "27" -> ARTS_MEDIA;
      case "29", "31" -> HEALTHCARE;
      case "33", "55" -> PROTECTIVE_MILITARY;
      case "35", "37", "39" -> HOSPITALITY_SERVICE;
      case "41" -> SALES_MARKETING;
      case "43" -> ADMINISTRATION;
      case "47", "49" -> TRADES;
      default -> OPERATIONS;                // 45 farming, 51 production, 53 transport
    };
  }

  /** Managers belong to what they manage (SOC 2018 11-xxxx). */
  private static JobFamily management(String soc) {
    if (soc.startsWith("11-2")) {
      return SALES_MARKETING;               // advertising, marketing, PR, sales managers
    }
    return switch (soc) {
      case "11-3031", "11-3051", "11-3061", "11-3111", "11-3121", "11-3131" -> BUSINESS_FINANCE;
      case "11-9041" -> ENGINEERING;
      case "11-9121" -> SCIENCE;
      case "11-9111" -> HEALTHCARE;
      case "11-9031", "11-9032", "11-9033", "11-9039" -> EDUCATION;
      case "11-9021" -> TRADES;
      case "11-3071", "11-9013" -> OPERATIONS;
      default -> MANAGEMENT;                // chief executives, general and operations managers, …
    };
  }
}
