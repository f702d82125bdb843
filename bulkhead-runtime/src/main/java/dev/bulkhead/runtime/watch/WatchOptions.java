package dev.bulkhead.runtime.watch;

import dev.bulkhead.runtime.response.ResponseAction;
import java.time.Duration;
import java.util.Objects;

/**
 * How a watch learns and judges.
 *
 * @param learnFor learn phase length (from the first watch of a workload without a baseline)
 * @param learnEvents end the learn phase early after this many events (0: by time only)
 * @param mode monitor or protect
 * @param action what protect mode does
 * @param profileThreshold profile score at which an event alarms (0 to 1)
 * @param realertAfter quiet period before the same deviation of a workload alerts again
 * @param syscalls whether the sensor streams every system call (needed by sequence models)
 * @param trainer sequence model trainer, or {@code null} for the profile alone
 */
public record WatchOptions(
    Duration learnFor,
    long learnEvents,
    WatchMode mode,
    ResponseAction action,
    double profileThreshold,
    Duration realertAfter,
    boolean syscalls,
    SequenceTrainer trainer) {

  /**
   * The default profile threshold: unseen programs, paths, ports alarm; seen behaviour does not.
   */
  public static final double DEFAULT_PROFILE_THRESHOLD = 0.8;

  public WatchOptions {
    Objects.requireNonNull(learnFor, "learnFor");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(realertAfter, "realertAfter");
    if (!(profileThreshold > 0 && profileThreshold <= 1)) {
      throw new IllegalArgumentException(
          "profile threshold must be in (0, 1]: " + profileThreshold);
    }
    if (learnEvents < 0) {
      throw new IllegalArgumentException("learnEvents must not be negative");
    }
  }
}
