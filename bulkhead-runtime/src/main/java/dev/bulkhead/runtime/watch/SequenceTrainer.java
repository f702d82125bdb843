package dev.bulkhead.runtime.watch;

import dev.bulkhead.runtime.model.SequenceDetector;
import java.util.List;

/**
 * Trains a {@link SequenceDetector} on the system-call streams a workload produced while the watch
 * was learning: one {@code int[]} of x86_64 system call numbers per process, in order.
 *
 * <p>The watch calls it once per workload when learning ends, on the event thread; it should finish
 * in seconds. Implementations come from the sequence-model package; the watch works without one
 * (profile only).
 */
@FunctionalInterface
public interface SequenceTrainer {
  /**
   * Trains on {@code traces}.
   *
   * @return the detector, or {@code null} when there is too little data to train
   */
  SequenceDetector train(List<int[]> traces);
}
