package dev.bulkhead.runtime.watch;

/** What the watch does with an alert. */
public enum WatchMode {
  /** Reports alerts only. */
  MONITOR,
  /** Reports alerts and acts on the container (dry-run unless enforcing). */
  PROTECT
}
