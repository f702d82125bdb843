package dev.bulkhead.runtime.profile;

import java.util.List;

/**
 * How one event compares with the learned profile.
 *
 * @param score the highest deviation score, 0 to 1
 * @param deviations what was unseen or rare, most surprising first
 */
public record ProfileVerdict(double score, List<Deviation> deviations) {
  /** The verdict for an event that matches the profile. */
  public static final ProfileVerdict NORMAL = new ProfileVerdict(0, List.of());

  public ProfileVerdict {
    deviations = List.copyOf(deviations);
  }
}
