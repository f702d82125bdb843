package dev.bulkhead.runtime.eval;

import java.util.Arrays;

/**
 * Computes ranking metrics of anomaly scores: ROC-AUC with ties counted half, and detection rate at
 * a false-alarm rate. Higher scores mean more anomalous; {@code normal} scores are negatives and
 * {@code attack} scores positives.
 */
public final class Roc {
  private Roc() {}

  /**
   * Returns the area under the ROC curve: the probability that a random attack scores above a
   * random normal trace, ties counting one half (the Mann-Whitney U statistic over |N||A|).
   */
  public static double auc(double[] normal, double[] attack) {
    if (normal.length == 0 || attack.length == 0) {
      throw new IllegalArgumentException("AUC needs at least one normal and one attack score");
    }
    int n = normal.length + attack.length;
    double[] all = new double[n];
    boolean[] pos = new boolean[n];
    System.arraycopy(normal, 0, all, 0, normal.length);
    System.arraycopy(attack, 0, all, normal.length, attack.length);
    Arrays.fill(pos, normal.length, n, true);
    Integer[] order = new Integer[n];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Double.compare(all[a], all[b]));
    double rankSum = 0;
    for (int i = 0; i < n; ) {
      int j = i;
      while (j + 1 < n && Double.compare(all[order[j + 1]], all[order[i]]) == 0) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (pos[order[k]]) {
          rankSum += rank;
        }
      }
      i = j + 1;
    }
    double a = attack.length;
    return (rankSum - a * (a + 1) / 2) / (a * normal.length);
  }

  /**
   * Returns the threshold at false-alarm rate {@code far}: the smallest score that at most {@code
   * far} of the normal scores exceed.
   */
  public static double thresholdAt(double[] normal, double far) {
    double[] s = normal.clone();
    Arrays.sort(s);
    int allowed = (int) Math.floor(far * s.length);
    return s[s.length - 1 - Math.min(allowed, s.length - 1)];
  }

  /**
   * Returns the fraction of attack scores strictly above the threshold at false-alarm rate {@code
   * far} on {@code normal}.
   */
  public static double detectionAt(double[] normal, double[] attack, double far) {
    return detectionAbove(attack, thresholdAt(normal, far));
  }

  /** Returns the fraction of {@code scores} strictly above {@code threshold}. */
  public static double detectionAbove(double[] scores, double threshold) {
    if (scores.length == 0) {
      return 0;
    }
    int hit = 0;
    for (double s : scores) {
      if (s > threshold) {
        hit++;
      }
    }
    return (double) hit / scores.length;
  }
}
