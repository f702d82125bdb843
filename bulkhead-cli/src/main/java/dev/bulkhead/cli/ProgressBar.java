package dev.bulkhead.cli;

import dev.bulkhead.core.spi.Progress;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Draws a one-line progress bar on standard error while layers download and unpack, redrawn at most
 * every 100 ms; draws nothing when standard error is not a terminal.
 */
final class ProgressBar implements Progress {
  private static final int BAR = 24;
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintStream out;
  private String task = "";
  private long total;
  private long done;
  private long lastDraw;

  private ProgressBar(PrintStream out) {
    this.out = out;
  }

  /** Returns a bar on standard error, or {@link Progress#NONE} when it is not a terminal. */
  static Progress forStandardError() {
    boolean tty = System.console() != null && System.getenv("TERM") != null;
    return tty ? new ProgressBar(System.err) : Progress.NONE;
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
              human(done),
              human(total));
    } else {
      line = String.format(Locale.ROOT, "%-34.34s %s", task, human(done));
    }
    out.print("\r\033[K" + line);
    out.flush();
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
