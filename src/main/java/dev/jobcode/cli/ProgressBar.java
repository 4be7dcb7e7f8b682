package dev.jobcode.cli;

import dev.jobcode.index.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A progress bar on the command's error writer: redrawn in place on a terminal, one line per 10%
 * otherwise (logs and CI).
 */
final class ProgressBar implements ProgressListener {
  private static final int WIDTH = 30;

  private final PrintWriter out;
  private String label;
  private final boolean terminal;
  private long start = System.nanoTime();
  private long lastDraw;
  private long lastDecile = -1;

  ProgressBar(PrintWriter out, String label) {
    this(out, label, System.console() != null);
  }

  ProgressBar(PrintWriter out, String label, boolean terminal) {
    this.out = out;
    this.label = label;
    this.terminal = terminal;
  }

  @Override
  public synchronized void stage(String name) {
    label = name;
    start = System.nanoTime();
    lastDraw = 0;
    lastDecile = -1;
  }

  @Override
  public synchronized void progress(long done, long total) {
    long now = System.nanoTime();
    boolean finished = done >= total;
    double seconds = (now - start) / 1e9;
    double rate = seconds > 0 ? done / seconds : 0;
    String eta = rate > 0 ? formatSeconds((total - done) / rate) : "?";
    if (terminal) {
      if (!finished && now - lastDraw < 200_000_000L) {
        return;
      }
      lastDraw = now;
      int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
      out.printf(Locale.ROOT, "\r%s [%s%s] %3d%% %,d/%,d %,.0f/s ETA %s   ", label, "=".repeat(filled),
          " ".repeat(WIDTH - filled), percent(done, total), done, total, rate, eta);
      if (finished) {
        out.println();
      }
    } else {
      long decile = total == 0 ? 10 : 10 * done / total;
      if (decile != lastDecile) {
        lastDecile = decile;
        out.printf(Locale.ROOT, "%s %3d%% %,d/%,d %,.0f/s ETA %s%n", label, percent(done, total), done, total, rate, eta);
      }
    }
    out.flush();
  }

  private static int percent(long done, long total) {
    return total == 0 ? 100 : (int) (100 * done / total);
  }

  static String formatSeconds(double seconds) {
    long s = Math.round(seconds);
    return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
