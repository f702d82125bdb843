package dev.bulkhead.config.cel;

/**
 * Bounds on evaluating one expression against one object, so a policy written by someone else can
 * neither loop nor allocate without end. Exceeding one makes that evaluation fail with a warning.
 *
 * @param maxSteps evaluated expression nodes, counting each iteration of a macro; the equivalent of
 *     the Kubernetes per-expression cost limit
 * @param maxIterations comprehension iterations (all, exists, map, filter...) in total
 * @param maxStringLength longest string or bytes value an expression may build (code units)
 * @param maxCollectionSize largest list or map an expression may build
 * @param maxMillis wall-clock time for one evaluation
 */
public record CelLimits(
    int maxSteps, int maxIterations, int maxStringLength, int maxCollectionSize, long maxMillis) {

  /** Limits that fit any sensible admission policy with room to spare. */
  public static final CelLimits DEFAULT = new CelLimits(200_000, 20_000, 1 << 20, 100_000, 2_000);

  public CelLimits {
    if (maxSteps <= 0
        || maxIterations <= 0
        || maxStringLength <= 0
        || maxCollectionSize <= 0
        || maxMillis <= 0) {
      throw new IllegalArgumentException("CEL limits must be positive");
    }
  }
}
