package dev.bulkhead.runtime.model;

import java.util.List;

/**
 * A trained system-call sequence model, scored one call at a time.
 *
 * <p>The live pipeline keeps one {@link Stream} per process (thread group) and feeds it the system
 * call numbers in order; a score above {@link #threshold()} is anomalous. Offline evaluation scores
 * a whole trace as the maximum (or the model's own aggregate) of its stream scores.
 */
public interface SequenceDetector {

  /** A short name for reports, e.g. {@code stide} or {@code ngram-markov}. */
  String name();

  /** Starts the state for one process. */
  Stream newStream();

  /** The calibrated alarm threshold for {@link Stream#accept} scores. */
  double threshold();

  /** The per-process scoring state. Not thread-safe. */
  interface Stream {
    /** Consumes the next system call number and returns the current window score. */
    double accept(int syscallNr);

    /** Human-readable evidence for the latest score: the unseen or rare sequences in the window. */
    List<String> explain();
  }
}
