package dev.bulkhead.runtime.model.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.runtime.model.SequenceDetector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the smoothed n-gram model's probabilities, scores and model file. */
class NgramModelTest {
  private static final NgramModel.Params PARAMS = new NgramModel.Params(4, 1000, 64);

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

  @Test
  void probabilitiesSumToOneInEveryContext() {
    NgramModel m = NgramModel.train(clean(1), PARAMS);
    for (int[] history :
        List.of(new int[] {43, 0, 0}, new int[] {-1, -1, -1}, new int[] {7, 7, 7})) {
      double sum = 0;
      for (int call = 0; call < PARAMS.vocabulary(); call++) {
        sum += Math.exp(-m.nll(history, history.length, call));
      }
      assertThat(sum).isCloseTo(1.0, within(1e-9));
    }
  }

  @Test
  void theUnigramEscapeBoundsTheCostOfACommonCallAtAnUnusualPoint() {
    NgramModel.Params escaped = new NgramModel.Params(8, 1000, 64, 0.03);
    NgramModel plain = NgramModel.train(clean(1), new NgramModel.Params(8, 1000, 64));
    NgramModel m = NgramModel.train(clean(1), escaped);
    // Still a distribution in every context.
    for (int[] history :
        List.of(new int[] {43, 0, 0, 1, 3, 43, 0}, new int[] {-1, -1, -1, -1, -1, -1, -1})) {
      double sum = 0;
      for (int call = 0; call < escaped.vocabulary(); call++) {
        sum += Math.exp(-m.nll(history, history.length, call));
      }
      assertThat(sum).isCloseTo(1.0, within(1e-9));
    }
    // 43 (a call seen 600 times) right after "43 0 0 1" where the loop always goes on with 3:
    // Witten-Bell alone multiplies tiny back-off weights over seven orders.
    int[] loop = {3, 43, 0, 0, 1, 3, 43, 0, 0, 1};
    double unigram = 600.0 / (30 * 103);
    assertThat(plain.nll(loop, loop.length, 43)).isGreaterThan(15);
    assertThat(m.nll(loop, loop.length, 43))
        .isLessThanOrEqualTo(-Math.log(0.03 * unigram * 0.9))
        .isLessThan(plain.nll(loop, loop.length, 43));
    // What the loop expects costs about the same with and without the escape.
    assertThat(m.nll(loop, loop.length, 3))
        .isCloseTo(plain.nll(loop, loop.length, 3), within(0.05));
  }

  @Test
  void formatTwoModelsLoadWithoutTheEscape(@TempDir Path tmp) throws Exception {
    NgramModel plain = NgramModel.train(clean(1), new NgramModel.Params(4, 1000, 64));
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    try (var out = new java.io.DataOutputStream(body)) {
      plain.withThresholds(1.5, 2.5).writeBody(out);
    }
    byte[] b = body.toByteArray();
    Path v2 = tmp.resolve("v2.bhseq");
    try (var out = new java.io.DataOutputStream(new GZIPOutputStream(Files.newOutputStream(v2)))) {
      out.writeUTF("BHSEQ");
      out.writeInt(2);
      out.writeUTF(NgramModel.KIND);
      out.writeDouble(1.5);
      out.writeDouble(2.5);
      // Format 2's body: order, window, vocabulary, then the tables (no escape double).
      out.write(b, 0, 12);
      out.write(b, 20, b.length - 20);
      out.writeUTF("BHSEQ");
    }
    SequenceModel back = ModelFile.load(v2);
    int[] trace = clean(3).get(0);
    assertThat(back.scoreTrace(trace)).isEqualTo(plain.scoreTrace(trace));
    assertThat(back.threshold()).isEqualTo(1.5);
    assertThat(((NgramModel) back).params().escape()).isZero();
  }

  @Test
  void unusualOrdersScoreHigherThanTheLearnedLoop() {
    NgramModel m = NgramModel.train(clean(1), PARAMS);
    double normal = m.scoreTrace(clean(2).get(0));
    int[] shuffled = clean(2).get(0).clone();
    Random r = new Random(3);
    for (int i = shuffled.length - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int x = shuffled[i];
      shuffled[i] = shuffled[j];
      shuffled[j] = x;
    }
    int[] injected = clean(2).get(0).clone();
    injected[50] = 59; // an execve in the middle of the loop
    assertThat(m.scoreTrace(shuffled)).isGreaterThan(normal * 2);
    assertThat(m.scoreTrace(injected)).isGreaterThan(normal);
  }

  @Test
  void streamMeanOverTheWholeTraceEqualsTheTraceScore() {
    NgramModel m = NgramModel.train(clean(1), PARAMS);
    int[] t = clean(5).get(3);
    SequenceDetector.Stream s = m.newStream();
    double last = 0;
    for (int c : t) {
      last = s.accept(c);
    }
    assertThat(last).isCloseTo(m.scoreTrace(t), within(1e-9));
  }

  @Test
  void streamExplainsUnlikelyCalls() {
    NgramModel m = NgramModel.train(clean(1), new NgramModel.Params(4, 8, 64));
    SequenceDetector.Stream s = m.newStream();
    for (int c : new int[] {11, 12, 13, 43, 0, 59}) {
      s.accept(c);
    }
    assertThat(s.explain()).singleElement().asString().startsWith("call 59 after [13, 43, 0]");
  }

  @Test
  void modelFileRoundTripsScoresAndThresholds(@TempDir Path tmp) throws Exception {
    SequenceModel m = NgramModel.train(clean(1), PARAMS).withThresholds(2.5, 1.25);
    Path file = tmp.resolve("m.bhseq");
    ModelFile.save(m, file);
    SequenceModel back = ModelFile.load(file);
    assertThat(back).isInstanceOf(NgramModel.class);
    assertThat(back.threshold()).isEqualTo(2.5);
    assertThat(back.traceThreshold()).isEqualTo(1.25);
    for (int[] t : clean(9)) {
      assertThat(back.scoreTrace(t)).isEqualTo(m.scoreTrace(t));
    }
    SequenceModel stide = Stide.train(clean(1), 6, 20).withThresholds(0.1, 0.2);
    ModelFile.save(stide, file);
    SequenceModel stideBack = ModelFile.load(file);
    assertThat(stideBack.scoreTrace(new int[] {1, 2, 3}))
        .isEqualTo(stide.scoreTrace(new int[] {1, 2, 3}));
  }

  @Test
  void modelFileRefusesOtherVersionsAndTruncation(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("m.bhseq");
    ModelFile.save(NgramModel.train(clean(1), PARAMS), file);
    byte[] whole = Files.readAllBytes(file);
    Path cut = tmp.resolve("cut.bhseq");
    Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
    assertThatThrownBy(() -> ModelFile.load(cut)).isInstanceOf(BulkheadException.class);

    Path future = tmp.resolve("future.bhseq");
    try (var out =
        new java.io.DataOutputStream(new GZIPOutputStream(Files.newOutputStream(future)))) {
      out.writeUTF("BHSEQ");
      out.writeInt(99);
    }
    assertThatThrownBy(() -> ModelFile.load(future))
        .hasMessageContaining("format version 99")
        .hasMessageContaining("learn the model again");

    Path notModel = tmp.resolve("x.txt");
    Files.writeString(notModel, "hello");
    assertThatThrownBy(() -> ModelFile.load(notModel)).hasMessageContaining("x.txt");
    assertThatThrownBy(() -> ModelFile.load(tmp.resolve("none")))
        .hasMessageContaining("not found; learn one");
  }

  @Test
  void calibrationHitsTheTargetFalseAlarmRateOnCleanTraces() {
    NgramModel m = NgramModel.train(clean(1), PARAMS);
    List<int[]> validation = new ArrayList<>();
    for (int seed = 10; seed < 20; seed++) {
      validation.addAll(clean(seed));
    }
    SequenceModel c = Calibration.calibrate(m, validation, 0.05);
    long above = validation.stream().filter(t -> c.scoreTrace(t) > c.traceThreshold()).count();
    assertThat(above).isLessThanOrEqualTo(15); // 5% of 300
    long streamAlarms =
        validation.stream()
            .filter(
                t -> {
                  SequenceDetector.Stream s = c.newStream();
                  double max = 0;
                  for (int call : t) {
                    max = Math.max(max, s.accept(call));
                  }
                  return max > c.threshold();
                })
            .count();
    assertThat(streamAlarms).isLessThanOrEqualTo(15);
    assertThat(c.traceThreshold()).isGreaterThan(0);
  }
}
