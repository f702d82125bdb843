package dev.bulkhead.runtime.live;

/**
 * Counters of one sensor run. Every count is in <b>events</b>: a system call packed in a batch
 * record counts as one event, so a batch lost or dropped counts all its calls (the kernel side sums
 * the calls it emits, not the records).
 *
 * @param received events read from bpftrace (each call of a batch counts)
 * @param emitted events the kernel side reports having emitted (per-CPU sum sampled once a second)
 * @param unaccounted events emitted by the kernel side at one sample but still not read when the
 *     next sample (a second later) arrived: lost between kernel and reader; exact in calls, batches
 *     included
 * @param lost perf-buffer records bpftrace itself reported lost; bpftrace counts records, not
 *     events, so a lost batch shows here as 1 and in {@code unaccounted} as all its calls
 * @param malformed lines that carried no valid record (including forgery attempts)
 * @param queueDropped events dropped because the pipeline behind the sensor was full (a dropped
 *     batch counts all its calls)
 * @param restarts times bpftrace was restarted after dying
 * @param batches batch records read (each carries up to {@link BpftraceProgram#BATCH} calls)
 */
public record SensorStats(
    long received,
    long emitted,
    long unaccounted,
    long lost,
    long malformed,
    long queueDropped,
    int restarts,
    long batches) {

  /** Counters of a run without batch records. */
  public SensorStats(
      long received,
      long emitted,
      long unaccounted,
      long lost,
      long malformed,
      long queueDropped,
      int restarts) {
    this(received, emitted, unaccounted, lost, malformed, queueDropped, restarts, 0);
  }

  /**
   * Events that never reached the pipeline, as far as the counters tell: the larger of the
   * kernel-side gap (in events) and bpftrace's lost records (each at least one event), plus what
   * the pipeline dropped.
   */
  public long dropped() {
    return Math.max(unaccounted, lost) + queueDropped;
  }
}
