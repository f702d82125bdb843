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
 * @param sequenceModel the system-call sequence model file stored beside the baseline, or {@code
 *     null} when none was learned (learned without system calls, too few calls, or a version-1
 *     file)
 */
public record Baseline(
    int schemaVersion,
    WorkloadId workload,
    String createdAt,
    long learnedEvents,
    double learnedSeconds,
    String sensor,
    ProfileSnapshot profile,
    SequenceModelRef sequenceModel) {

  /** The format version this build writes. */
  public static final int SCHEMA_VERSION = 2;

  /** The oldest format version this build still reads (version 1 has no sequence model). */
  public static final int OLDEST_READABLE_VERSION = 1;

  public Baseline {
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(profile, "profile");
  }

  /** This baseline with {@code ref} as its sequence model (null: none). */
  public Baseline withSequenceModel(SequenceModelRef ref) {
    return new Baseline(
        schemaVersion, workload, createdAt, learnedEvents, learnedSeconds, sensor, profile, ref);
  }

  /** This baseline marked as written in format {@code version}. */
  public Baseline withSchemaVersion(int version) {
    return new Baseline(
        version,
        workload,
        createdAt,
        learnedEvents,
        learnedSeconds,
        sensor,
        profile,
        sequenceModel);
  }

  /**
   * The sequence model of a baseline: a {@code ModelFile} in the baseline's directory.
   *
   * @param file the model file's name (no directory part), e.g. {@code
   *     web-0123456789abcdef-3f2a9c0d81b7.seq.bhseq}, the workload's stem and the start of its
   *     sha256)
   * @param sha256 digest of the model file ({@code sha256:<hex>}), checked when the baseline loads
   * @param kind the model kind, e.g. {@code ngram-markov}
   */
  public record SequenceModelRef(String file, String sha256, String kind) {
    public SequenceModelRef {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(sha256, "sha256");
      Objects.requireNonNull(kind, "kind");
    }
  }
}
