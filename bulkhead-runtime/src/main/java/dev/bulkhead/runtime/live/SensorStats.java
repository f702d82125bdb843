package dev.bulkhead.runtime.live;

/**
 * Counters of one sensor run.
 *
 * @param received event lines read from bpftrace
 * @param emitted records the kernel side reports having emitted (per-CPU count sampled once a
 *     second)
 * @param unaccounted records emitted by the kernel side at one sample but still not read when the
 *     next sample (a second later) arrived: lost between kernel and reader
 * @param lost records bpftrace itself reported lost in the perf buffer
 * @param malformed lines that carried no valid record (including forgery attempts)
 * @param queueDropped events dropped because the pipeline behind the sensor was full
 * @param restarts times bpftrace was restarted after dying
 */
public record SensorStats(
    long received,
    long emitted,
    long unaccounted,
    long lost,
    long malformed,
    long queueDropped,
    int restarts) {

  /** Events that never reached the pipeline, as far as the counters tell. */
  public long dropped() {
    return Math.max(unaccounted, lost) + queueDropped;
  }
}
