package dev.bulkhead.runtime.baseline;

import dev.bulkhead.runtime.profile.ProfileSnapshot;
import java.util.Objects;

/**
 * A learned baseline of one workload, as stored on disk.
 *
 * @param schemaVersion format version, {@link #SCHEMA_VERSION} when written by this build
 * @param workload whose baseline it is
 * @param createdAt when learning ended (ISO-8601)
 * @param learnedEvents events learned
 * @param learnedSeconds length of the learn phase
 * @param sensor the sensor that produced the events, e.g. {@code bpftrace}
 * @param profile the behaviour profile
 */
public record Baseline(
    int schemaVersion,
    WorkloadId workload,
    String createdAt,
    long learnedEvents,
    double learnedSeconds,
    String sensor,
    ProfileSnapshot profile) {

  /** The format version this build writes and reads. */
  public static final int SCHEMA_VERSION = 1;

  public Baseline {
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(profile, "profile");
  }
}
