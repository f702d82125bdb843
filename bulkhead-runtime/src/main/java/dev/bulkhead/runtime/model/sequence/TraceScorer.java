package dev.bulkhead.runtime.model.sequence;

/** Scores a whole recorded trace at once; higher is more anomalous. */
public interface TraceScorer {

  /** Returns the anomaly score of the trace with system call numbers {@code calls}. */
  double scoreTrace(int[] calls);
}
