package dev.jobcode.measure;

/** How the reports write a figure: three decimals, enough to compare by and stable to read. */
final class Figures {
  private Figures() {}

  static double round(double x) {
    return Math.round(x * 1000) / 1000.0;
  }

  /** {@code a / b}, as a figure. */
  static double ratio(double a, double b) {
    return round(a / b);
  }
}
