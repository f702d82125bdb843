package dev.bulkhead.runtime.eval;

import dev.bulkhead.core.spi.Progress;
import dev.bulkhead.runtime.model.sequence.Calibration;
import dev.bulkhead.runtime.model.sequence.SequenceModel;
import dev.bulkhead.runtime.model.sequence.SequenceModels;
import dev.bulkhead.runtime.source.Trace;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains each sequence model on clean training traces and measures it on clean (normal) and attack
 * traces: per-trace ROC-AUC, detection at 1% and 5% false alarms, and the LID-DS metrics when the
 * recordings carry exploit times. STIDE is always measured beside the learned model.
 */
public final class Evaluation {
  private Evaluation() {}

  /**
   * One model's results.
   *
   * @param model the model kind
   * @param auc per-trace ROC-AUC, attack vs normal
   * @param detectionAt1 fraction of attack traces detected at 1% false alarms on normal traces
   * @param detectionAt5 the same at 5%
   * @param trainMillis time to learn the model
   * @param scoreMillis time to score the normal and attack traces
   * @param lidDs LID-DS metrics at the 5% threshold, or null when no recording has an exploit time
   */
  public record ModelResult(
      String model,
      double auc,
      double detectionAt1,
      double detectionAt5,
      long trainMillis,
      long scoreMillis,
      LidDsMetrics.Result lidDs) {}

  /**
   * The whole evaluation.
   *
   * @param trainTraces traces learned from
   * @param normalTraces clean traces measured for false alarms
   * @param attackTraces attack traces measured for detection
   * @param models one result per model, the learned model first
   */
  public record Report(
      int trainTraces, int normalTraces, int attackTraces, List<ModelResult> models) {}

  /** Runs the evaluation of {@code kinds} (see {@link SequenceModels#KINDS}). */
  public static Report run(
      List<Trace> train, List<Trace> normal, List<Trace> attack, List<String> kinds) {
    return run(train, normal, attack, kinds, Progress.NONE);
  }

  /**
   * Runs the evaluation of {@code kinds} (see {@link SequenceModels#KINDS}), reporting the slow
   * models' learning to {@code progress}.
   */
  public static Report run(
      List<Trace> train,
      List<Trace> normal,
      List<Trace> attack,
      List<String> kinds,
      Progress progress) {
    if (train.isEmpty() || normal.isEmpty() || attack.isEmpty()) {
      throw new IllegalArgumentException("evaluation needs training, normal and attack traces");
    }
    List<int[]> trainCalls = calls(train);
    List<int[]> normalCalls = calls(normal);
    List<ModelResult> results = new ArrayList<>();
    for (String kind : kinds) {
      long t0 = System.nanoTime();
      SequenceModel model = SequenceModels.train(kind, trainCalls, progress);
      long t1 = System.nanoTime();
      double[] n = score(model, normalCalls);
      double[] a = score(model, calls(attack));
      long t2 = System.nanoTime();
      LidDsMetrics.Result lid = null;
      if (LidDsMetrics.applies(attack) || LidDsMetrics.applies(normal)) {
        SequenceModel calibrated = Calibration.calibrate(model, normalCalls, 0.05);
        List<Trace> all = new ArrayList<>(normal);
        all.addAll(attack);
        lid = LidDsMetrics.evaluate(calibrated, all);
      }
      results.add(
          new ModelResult(
              kind,
              Roc.auc(n, a),
              Roc.detectionAt(n, a, 0.01),
              Roc.detectionAt(n, a, 0.05),
              (t1 - t0) / 1_000_000,
              (t2 - t1) / 1_000_000,
              lid));
    }
    return new Report(train.size(), normal.size(), attack.size(), List.copyOf(results));
  }

  private static List<int[]> calls(List<Trace> traces) {
    List<int[]> out = new ArrayList<>(traces.size());
    traces.forEach(t -> out.add(t.syscalls()));
    return out;
  }

  private static double[] score(SequenceModel model, List<int[]> traces) {
    return traces.parallelStream().mapToDouble(model::scoreTrace).toArray();
  }
}
