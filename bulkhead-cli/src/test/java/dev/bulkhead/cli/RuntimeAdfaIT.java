package dev.bulkhead.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulkhead.core.testing.SharedData;
import dev.bulkhead.runtime.eval.Roc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Learns, scores and evaluates on the shared ADFA-LD development split through the packaged CLI:
 * train on training/, calibrate on validation/, detect attack/.
 */
class RuntimeAdfaIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static double[] scores(JsonNode report, List<String> ids) {
    List<Double> out = new ArrayList<>();
    for (JsonNode t : report.get("traces")) {
      ids.add(t.get("trace").asText());
      out.add(t.get("score").asDouble());
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  @Test
  void learnScoreAndEvalOnAdfaLd() throws Exception {
    Path training = SharedData.require("adfa-ld-dev/training");
    Path validation = SharedData.require("adfa-ld-dev/validation");
    Path attack = SharedData.require("adfa-ld-dev/attack");
    Path model = Files.createTempDirectory("bh-adfa").resolve("adfa.bhseq");

    long t0 = System.nanoTime();
    String learned =
        BulkheadJar.ok(
            "runtime",
            "learn",
            "--source",
            "adfa-ld:" + training,
            "--model",
            model.toString(),
            "--validation",
            validation.toString(),
            "--target-far",
            "0.05");
    assertThat((System.nanoTime() - t0) / 1e9).as("learning time, s").isLessThan(60);
    assertThat(learned).contains("learned ngram-markov from 833 traces");

    List<String> attackIds = new ArrayList<>();
    double[] a =
        scores(
            JSON.readTree(
                BulkheadJar.ok(
                    "runtime",
                    "score",
                    "--source",
                    "adfa-ld:" + attack,
                    "--model",
                    model.toString(),
                    "--format",
                    "json")),
            attackIds);
    double[] n =
        scores(
            JSON.readTree(
                BulkheadJar.ok(
                    "runtime",
                    "score",
                    "--source",
                    "adfa-ld:" + validation,
                    "--model",
                    model.toString(),
                    "--format",
                    "json")),
            new ArrayList<>());
    assertThat(a).hasSize(429);
    assertThat(n).hasSize(2186);
    assertThat(attackIds).contains("Adduser_1/UAD-Adduser-1-1371.txt");
    double auc = Roc.auc(n, a);
    // Measured 0.855 (docs/RUNTIME-EVAL.md); the 0.93 aim is not reached.
    assertThat(auc).as("ngram-markov ROC-AUC").isGreaterThanOrEqualTo(0.85);

    JsonNode eval =
        JSON.readTree(
            BulkheadJar.ok(
                "runtime",
                "eval",
                "--train",
                training.toString(),
                "--normal",
                validation.toString(),
                "--attack",
                attack.toString(),
                "--format",
                "json"));
    JsonNode ours = eval.get("models").get(0);
    JsonNode stide = eval.get("models").get(1);
    assertThat(ours.get("model").asText()).isEqualTo("ngram-markov");
    assertThat(ours.get("auc").asDouble())
        .isCloseTo(auc, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(stide.get("model").asText()).isEqualTo("stide");
    assertThat(stide.get("auc").asDouble()).as("STIDE ROC-AUC").isBetween(0.80, 0.88);
    assertThat(ours.get("auc").asDouble()).isGreaterThan(stide.get("auc").asDouble());
    assertThat(ours.get("detectionAt1PctFar").asDouble())
        .isGreaterThan(stide.get("detectionAt1PctFar").asDouble());
    assertThat(ours.get("detectionAt5PctFar").asDouble()).isGreaterThanOrEqualTo(0.30);

    // The recurrent model (seeded, so reproducible): measured AUC 0.846, 18.9% at 1% FAR and
    // 50.1% at 5% FAR; it detects more at 5% FAR than the n-gram model but ranks worse overall.
    JsonNode gru = eval.get("models").get(2);
    assertThat(gru.get("model").asText()).isEqualTo("gru-lm");
    assertThat(gru.get("auc").asDouble()).as("gru-lm ROC-AUC").isBetween(0.83, 0.86);
    assertThat(gru.get("detectionAt5PctFar").asDouble())
        .as("gru-lm detection at 5% FAR")
        .isGreaterThanOrEqualTo(0.45)
        .isGreaterThan(ours.get("detectionAt5PctFar").asDouble());
  }
}
