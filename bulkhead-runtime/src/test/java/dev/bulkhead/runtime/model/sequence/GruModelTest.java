package dev.bulkhead.runtime.model.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bulkhead.core.spi.Progress;
import dev.bulkhead.runtime.model.SequenceDetector;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the GRU language model's gradients, learning, streams, determinism and model file. */
class GruModelTest {
  private static final GruModel.Params PARAMS =
      new GruModel.Params(8, 16, 24, 4, 25, 0.02, 1000, 7L);

  /** Clean traces: a server loop (accept, read, write, close) with some variation. */
  private static List<int[]> clean(long seed) {
    Random r = new Random(seed);
    List<int[]> traces = new ArrayList<>();
    for (int t = 0; t < 30; t++) {
      List<Integer> calls = new ArrayList<>(List.of(11, 12, 13));
      for (int i = 0; i < 20; i++) {
        calls.addAll(List.of(43, 0, r.nextBoolean() ? 0 : 1, 1, 3));
      }
      traces.add(calls.stream().mapToInt(Integer::intValue).toArray());
    }
    return traces;
  }

  private static double sumNll(GruModel m, int[] calls) {
    double s = 0;
    for (float v : m.nlls(calls)) {
      s += v;
    }
    return s;
  }

  @Test
  void learningReportsProgressOverAllEpochs() {
    List<String> tasks = new ArrayList<>();
    long[] totals = new long[3];
    Progress progress =
        new Progress() {
          @Override
          public void start(String task, long total) {
            tasks.add(task);
            totals[0] = total;
          }

          @Override
          public void advance(long amount) {
            totals[1] += amount;
          }

          @Override
          public void finish() {
            totals[2]++;
          }
        };
    GruModel.train(clean(1), new GruModel.Params(8, 16, 24, 4, 2, 0.02, 1000, 7L), progress);
    assertThat(tasks).containsExactly("learning gru-lm (2 epochs)");
    // 30 traces of 103 calls, twice; every call is one step learned.
    assertThat(totals[0]).isEqualTo(2L * 30 * 103);
    assertThat(totals[1]).isEqualTo(totals[0]);
    assertThat(totals[2]).isEqualTo(1);
  }

  @Test
  void backPropagationMatchesFiniteDifferences() {
    GruModel m = GruModel.train(clean(1), new GruModel.Params(4, 6, 8, 1, 0, 0.01, 8, 3L));
    int[] trace = {11, 12, 13, 43, 0, 1, 1, 3, 43, 0, 0, 1, 3};
    float[] grad = m.gradient(trace);
    float[] w = m.weights();
    Random r = new Random(5);
    int checked = 0;
    for (int k = 0; k < 400 && checked < 40; k++) {
      int i = r.nextInt(w.length);
      float saved = w[i];
      float eps = 1e-2f;
      w[i] = saved + eps;
      double up = sumNll(m, trace);
      w[i] = saved - eps;
      double down = sumNll(m, trace);
      w[i] = saved;
      double numeric = (up - down) / (2 * eps);
      if (Math.abs(numeric) < 1e-3 && Math.abs(grad[i]) < 1e-3) {
        continue; // e.g. the rows of tokens the trace never uses
      }
      assertThat((double) grad[i])
          .as("gradient of weight %d", i)
          .isCloseTo(numeric, within(0.02 * Math.max(1, Math.abs(numeric))));
      checked++;
    }
    assertThat(checked).isGreaterThan(10);
  }

  @Test
  void learnsTheLoopAndScoresDisorderHigher() {
    GruModel m = GruModel.train(clean(1), PARAMS);
    int[] normal = clean(2).get(0);
    int[] shuffled = normal.clone();
    Random r = new Random(3);
    for (int i = shuffled.length - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int x = shuffled[i];
      shuffled[i] = shuffled[j];
      shuffled[j] = x;
    }
    int[] injected = normal.clone();
    injected[50] = 59; // an execve (never seen) in the middle of the loop
    // A uniform guess over the 8 tokens costs log 8 = 2.08 per call; the loop is far cheaper.
    assertThat(m.scoreTrace(normal)).isLessThan(0.6);
    assertThat(m.scoreTrace(shuffled)).isGreaterThan(m.scoreTrace(normal) * 2);
    assertThat(m.scoreTrace(injected)).isGreaterThan(m.scoreTrace(normal));
    assertThat(m.nlls(injected)[50]).isGreaterThan(4f);
  }

  @Test
  void trainingIsReproducible() {
    GruModel a = GruModel.train(clean(1), PARAMS);
    GruModel b = GruModel.train(clean(1), PARAMS);
    assertThat(b.weights()).isEqualTo(a.weights());
  }

  @Test
  void streamMeanOverTheWholeTraceEqualsTheTraceScoreAndExplainsUnknownCalls() {
    GruModel m = GruModel.train(clean(1), PARAMS);
    int[] t = clean(5).get(3);
    SequenceDetector.Stream s = m.newStream();
    double last = 0;
    for (int c : t) {
      last = s.accept(c);
    }
    assertThat(last).isCloseTo(m.scoreTrace(t), within(1e-4));
    s.accept(59);
    assertThat(s.explain()).anySatisfy(e -> assertThat(e).contains("call 59 (0 calls ago), never"));
  }

  @Test
  void modelFileRoundTripsAndRefusesVersionOneFiles(@TempDir Path tmp) throws Exception {
    SequenceModel m = GruModel.train(clean(1), PARAMS).withThresholds(2.5, 1.25);
    Path file = tmp.resolve("m.bhseq");
    ModelFile.save(m, file);
    SequenceModel back = ModelFile.load(file);
    assertThat(back).isInstanceOf(GruModel.class);
    assertThat(back.name()).isEqualTo("gru-lm");
    assertThat(back.threshold()).isEqualTo(2.5);
    assertThat(back.traceThreshold()).isEqualTo(1.25);
    for (int[] t : clean(9)) {
      assertThat(back.scoreTrace(t)).isEqualTo(m.scoreTrace(t));
    }

    Path old = tmp.resolve("old.bhseq");
    try (var out = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(old)))) {
      out.writeUTF("BHSEQ");
      out.writeInt(1);
      out.writeUTF("ngram-markov");
    }
    assertThatThrownBy(() -> ModelFile.load(old))
        .hasMessageContaining("format version 1 but this build reads versions 2 to 3")
        .hasMessageContaining("learn the model again");

    byte[] whole = Files.readAllBytes(file);
    Path cut = tmp.resolve("cut.bhseq");
    Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
    assertThatThrownBy(() -> ModelFile.load(cut)).hasMessageContaining("cut.bhseq");
  }
}
