package dev.bulkhead.runtime.source;

/**
 * Bounds what a {@link TraceSource} accepts, so a hostile or runaway recording cannot exhaust
 * memory.
 *
 * @param maxFileBytes largest file read
 * @param maxLineChars longest line of a text format
 * @param maxTraces most traces (files or processes) in one source
 * @param maxEventsPerTrace most events kept for one trace
 * @param maxTotalEvents most events over all traces of one source
 */
public record SourceLimits(
    long maxFileBytes,
    int maxLineChars,
    int maxTraces,
    int maxEventsPerTrace,
    long maxTotalEvents) {

  /** Defaults that hold the public datasets (ADFA-LD, LID-DS) with room to spare. */
  public static final SourceLimits DEFAULT =
      new SourceLimits(1L << 30, 1 << 20, 200_000, 5_000_000, 100_000_000L);
}
