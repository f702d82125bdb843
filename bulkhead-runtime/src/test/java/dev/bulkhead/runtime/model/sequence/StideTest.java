package dev.bulkhead.runtime.model.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.runtime.model.SequenceDetector;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks STIDE's window database, trace score and locality frame count. */
class StideTest {
  private final Stide stide = Stide.train(List.of(new int[] {1, 2, 3, 4, 5, 6, 7, 8}), 3, 4);

  @Test
  void traceScoreIsTheFractionOfUnseenWindows() {
    assertThat(stide.scoreTrace(new int[] {1, 2, 3, 4, 5, 6, 7, 8})).isZero();
    // Windows 123 (seen), 239, 395, 956 (unseen).
    assertThat(stide.scoreTrace(new int[] {1, 2, 3, 9, 5, 6})).isEqualTo(0.75);
    assertThat(stide.size()).isEqualTo(8); // six windows plus the prefixes [1] and [1,2]
  }

  @Test
  void streamCountsMismatchesInTheLocalityFrame() {
    SequenceDetector.Stream s = stide.newStream();
    double[] scores = new double[8];
    int[] calls = {1, 2, 3, 9, 4, 5, 6, 7};
    for (int i = 0; i < calls.length; i++) {
      scores[i] = s.accept(calls[i]);
    }
    // Mismatches at windows ending in 9 (239), 4 (394) and 5 (945); frame of 4 windows.
    assertThat(scores).containsExactly(0, 0, 0, 0.25, 0.5, 0.75, 0.75, 0.5);
    assertThat(s.explain()).containsExactly("unseen window [3, 9, 4]", "unseen window [9, 4, 5]");
  }

  @Test
  void streamExplainsTheUnseenWindows() {
    SequenceDetector.Stream s = stide.newStream();
    for (int c : new int[] {1, 2, 3, 9}) {
      s.accept(c);
    }
    assertThat(s.explain()).containsExactly("unseen window [2, 3, 9]");
  }
}
