package dev.bulkhead.runtime.model.sequence;

import dev.bulkhead.runtime.model.SequenceDetector;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A trained system call sequence model that scores both live streams ({@link SequenceDetector}) and
 * whole recorded traces ({@link TraceScorer}), with a calibrated threshold for each, and that can
 * be saved with {@link ModelFile}.
 */
public interface SequenceModel extends SequenceDetector, TraceScorer {

  /** The calibrated threshold for {@link #scoreTrace} scores. */
  double traceThreshold();

  /** Returns this model with new thresholds for stream and trace scores. */
  SequenceModel withThresholds(double streamThreshold, double traceThreshold);

  /** Writes the model's parameters and tables (not its kind or thresholds). */
  void writeBody(DataOutputStream out) throws IOException;
}
