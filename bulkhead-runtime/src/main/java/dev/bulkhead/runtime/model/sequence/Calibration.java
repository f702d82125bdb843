package dev.bulkhead.runtime.model.sequence;

import dev.bulkhead.runtime.model.SequenceDetector;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Sets a model's thresholds from clean validation traces so that about {@code targetFar} of clean
 * traces (or processes) raise an alarm.
 *
 * <p>The trace threshold is the empirical {@code 1 - targetFar} quantile of the validation trace
 * scores; the stream threshold is the same quantile of each validation trace's highest stream
 * score, since a live process alarms when any window crosses it.
 */
public final class Calibration {
  private Calibration() {}

  /** Returns {@code model} with thresholds calibrated on {@code clean} to {@code targetFar}. */
  public static SequenceModel calibrate(SequenceModel model, List<int[]> clean, double targetFar) {
    if (!(targetFar > 0 && targetFar < 1)) {
      throw new IllegalArgumentException("target false-alarm rate must be in (0, 1)");
    }
    if (clean.isEmpty()) {
      throw new IllegalArgumentException("no clean traces to calibrate on");
    }
    // Traces are independent: score them on all cores (the models are read-only once learned).
    double[] traceScores = new double[clean.size()];
    double[] streamMax = new double[clean.size()];
    IntStream.range(0, clean.size())
        .parallel()
        .forEach(
            i -> {
              int[] t = clean.get(i);
              traceScores[i] = model.scoreTrace(t);
              SequenceDetector.Stream s = model.newStream();
              double max = 0;
              for (int call : t) {
                max = Math.max(max, s.accept(call));
              }
              streamMax[i] = max;
            });
    return model.withThresholds(
        thresholdAt(streamMax, targetFar), thresholdAt(traceScores, targetFar));
  }

  /**
   * Returns the smallest score that at most {@code far} of {@code clean} exceed: the alarm fires
   * for scores strictly above it.
   */
  public static double thresholdAt(double[] clean, double far) {
    double[] s = clean.clone();
    Arrays.sort(s);
    int allowed = (int) Math.floor(far * s.length);
    return s[s.length - 1 - Math.min(allowed, s.length - 1)];
  }
}
