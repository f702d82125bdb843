package dev.bulkhead.runtime.watch;

import dev.bulkhead.runtime.model.SequenceDetector;
import dev.bulkhead.runtime.model.sequence.Calibration;
import dev.bulkhead.runtime.model.sequence.NgramModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains the learned system-call model of {@code runtime learn} (a smoothed n-gram model) on a
 * workload's learn-phase streams and calibrates its live threshold on streams held out from
 * training, so the sequence score joins the behaviour profile in live alerts.
 *
 * <p>Every fifth process stream is held out for calibration when there are at least five; with
 * fewer, the threshold is calibrated on the training streams themselves (optimistic: fewer alarms
 * are suppressed than the target rate says). Too little data (fewer than {@value #MIN_CALLS} calls)
 * trains nothing and the watch runs on the profile alone.
 */
public final class NgramSequenceTrainer implements SequenceTrainer {
  /** Fewer learn-phase calls than this train no model. */
  public static final int MIN_CALLS = 2_000;

  private final double targetFar;

  /**
   * @param targetFar the false-alarm rate per held-out stream the live threshold aims at
   */
  public NgramSequenceTrainer(double targetFar) {
    if (!(targetFar > 0 && targetFar < 1)) {
      throw new IllegalArgumentException("target false-alarm rate must be in (0, 1)");
    }
    this.targetFar = targetFar;
  }

  @Override
  public SequenceDetector train(List<int[]> traces) {
    long calls = 0;
    for (int[] t : traces) {
      calls += t.length;
    }
    if (calls < MIN_CALLS) {
      return null;
    }
    List<int[]> train = new ArrayList<>();
    List<int[]> holdout = new ArrayList<>();
    for (int i = 0; i < traces.size(); i++) {
      (traces.size() >= 5 && i % 5 == 4 ? holdout : train).add(traces.get(i));
    }
    if (holdout.isEmpty()) {
      holdout = train;
    }
    NgramModel model = NgramModel.train(train, NgramModel.Params.DEFAULT);
    return Calibration.calibrate(model, holdout, targetFar);
  }
}
