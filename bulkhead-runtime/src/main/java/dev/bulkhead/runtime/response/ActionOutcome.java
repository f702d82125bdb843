package dev.bulkhead.runtime.response;

/**
 * What became of an {@link ActionRequest}.
 *
 * @param status {@code executed}, {@code dry-run}, {@code rate-limited}, {@code skipped} or {@code
 *     failed}
 * @param message details for people
 */
public record ActionOutcome(String status, String message) {
  /** The action was carried out. */
  public static ActionOutcome executed(String message) {
    return new ActionOutcome("executed", message);
  }

  /** The action failed. */
  public static ActionOutcome failed(String message) {
    return new ActionOutcome("failed", message);
  }
}
