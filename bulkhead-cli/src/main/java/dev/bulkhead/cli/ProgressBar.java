package dev.bulkhead.cli;

import dev.bulkhead.core.spi.Progress;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * Draws a one-line progress bar on standard error while layers download and unpack, redrawn at most
 * every 100 ms; draws nothing when standard error is not a terminal.
 */
final class ProgressBar implements Progress {
  private static final int BAR = 24;
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintStream out;
  private final LongFunction<String> format;
  private String task = "";
  private long total;
  private long done;
  private long lastDraw;

  private ProgressBar(PrintStream out, LongFunction<String> format) {
    this.out = out;
    this.format = format;
  }

  /**
   * Returns a bar of bytes on standard error, or {@link Progress#NONE} when it is not a terminal.
   */
  static Progress forStandardError() {
    return terminal() ? new ProgressBar(System.err, ProgressBar::human) : Progress.NONE;
  }

  /**
   * Returns a bar counting {@code unit}s (e.g. {@code calls}) on standard error, or {@link
   * Progress#NONE} when it is not a terminal.
   */
  static Progress countingOnStandardError(String unit) {
    return terminal() ? new ProgressBar(System.err, n -> count(n) + " " + unit) : Progress.NONE;
  }

  private static boolean terminal() {
    return System.console() != null && System.getenv("TERM") != null;
  }

  @Override
  public void start(String task, long total) {
    this.task = task;
    this.total = total;
    this.done = 0;
    this.lastDraw = 0;
    draw(true);
  }

  @Override
  public void advance(long amount) {
    done += amount;
    draw(false);
  }

  @Override
  public void finish() {
    draw(true);
    out.print("\r\033[K");
    out.flush();
  }

  private void draw(boolean force) {
    long now = System.nanoTime();
    if (!force && now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    String line;
    if (total > 0) {
      int filled = (int) Math.min(BAR, done * BAR / total);
      line =
          String.format(
              Locale.ROOT,
              "%-34.34s [%s%s] %s/%s",
              task,
              "#".repeat(filled),
              " ".repeat(BAR - filled),
              format.apply(done),
              format.apply(total));
    } else {
      line = String.format(Locale.ROOT, "%-34.34s %s", task, format.apply(done));
    }
    out.print("\r\033[K" + line);
    out.flush();
  }

  static String count(long n) {
    if (n < 10_000) {
      return Long.toString(n);
    }
    if (n < 10_000_000) {
      return String.format(Locale.ROOT, "%.1f k", n / 1e3);
    }
    return String.format(Locale.ROOT, "%.1f M", n / 1e6);
  }

  static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024L * 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
    if (bytes < 1024L * 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
    return String.format(Locale.ROOT, "%.2f GiB", bytes / (1024.0 * 1024 * 1024));
  }
}
