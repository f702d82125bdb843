package dev.bulkhead.runtime.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Checks ROC-AUC and detection rates against values worked out by hand. */
class RocTest {

  @Test
  void aucCountsPairsAndHalvesTies() {
    // Pairs (attack > normal): 0.9 beats all 4; 0.4 beats 0.1 and 0.35, ties 0.4, loses to 0.8.
    double auc = Roc.auc(new double[] {0.1, 0.4, 0.35, 0.8}, new double[] {0.9, 0.4});
    assertThat(auc).isCloseTo(6.5 / 8, within(1e-12));
  }

  @Test
  void aucOfPerfectReversedAndConstantScores() {
    assertThat(Roc.auc(new double[] {1, 2, 3}, new double[] {4, 5})).isEqualTo(1.0);
    assertThat(Roc.auc(new double[] {4, 5}, new double[] {1, 2, 3})).isEqualTo(0.0);
    assertThat(Roc.auc(new double[] {7, 7, 7}, new double[] {7})).isEqualTo(0.5);
  }

  @Test
  void detectionAtFalseAlarmRate() {
    double[] normal = IntStream.rangeClosed(1, 20).asDoubleStream().toArray();
    double[] attack = {19, 19.5, 25, 3};
    // 5% of 20 normal traces is one false alarm allowed: threshold 19, alarms strictly above it.
    assertThat(Roc.thresholdAt(normal, 0.05)).isEqualTo(19);
    assertThat(Roc.detectionAt(normal, attack, 0.05)).isEqualTo(0.5);
    // 1% of 20 rounds down to none: threshold is the highest normal score, 20.
    assertThat(Roc.detectionAt(normal, attack, 0.01)).isEqualTo(0.25);
  }
}
