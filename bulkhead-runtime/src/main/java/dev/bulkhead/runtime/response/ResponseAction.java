package dev.bulkhead.runtime.response;

import java.util.Locale;

/** What protect mode does to a container. */
public enum ResponseAction {
  /** Freezes every process of the container (cgroup freezer); {@code unpause} resumes it. */
  PAUSE,
  /** Stops the container (SIGTERM, then SIGKILL after the engine's grace period). */
  STOP;

  /** The lower-case name used in alerts, audit entries and options. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
