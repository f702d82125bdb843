package dev.bulkhead.runtime.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.runtime.model.SequenceDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NgramSequenceTrainerTest {
  /** A web-server-like loop: accept, read, open, fstat, read, close, write, close. */
  private static final int[] LOOP = {43, 0, 257, 5, 0, 3, 1, 3};

  private static int[] stream(Random r, int loops) {
    int[] out = new int[loops * LOOP.length];
    for (int i = 0; i < loops; i++) {
      System.arraycopy(LOOP, 0, out, i * LOOP.length, LOOP.length);
      if (r.nextInt(10) == 0) {
        out[i * LOOP.length + 4] = 8; // an occasional lseek instead of the second read
      }
    }
    return out;
  }

  private static double maxScore(SequenceDetector d, int[] calls) {
    SequenceDetector.Stream s = d.newStream();
    double max = 0;
    for (int c : calls) {
      max = Math.max(max, s.accept(c));
    }
    return max;
  }

  @Test
  void learnsTheWorkloadsStreamsAndFlagsAShellSequence() {
    Random r = new Random(7);
    List<int[]> learn = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      learn.add(stream(r, 100));
    }
    SequenceDetector d = new NgramSequenceTrainer(0.01).train(learn);
    assertThat(d).isNotNull();
    assertThat(maxScore(d, stream(new Random(99), 100))).isLessThanOrEqualTo(d.threshold());
    int[] attack = {43, 0, 57, 59, 257, 0, 1, 33, 33, 59, 41, 42, 0, 1, 60};
    int[] withAttack = new int[LOOP.length * 10 + attack.length];
    System.arraycopy(stream(new Random(5), 10), 0, withAttack, 0, LOOP.length * 10);
    System.arraycopy(attack, 0, withAttack, LOOP.length * 10, attack.length);
    assertThat(maxScore(d, withAttack)).isGreaterThan(d.threshold());
  }

  @Test
  void tooLittleDataTrainsNothing() {
    assertThat(new NgramSequenceTrainer(0.01).train(List.of(LOOP, LOOP))).isNull();
  }
}
