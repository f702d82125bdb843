package dev.bulkhead.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs {@code runtime learn}, {@code score} and {@code eval} in process on small ADFA-LD style
 * directories written by the test: a loop of calls is normal, traces with injected calls attack.
 */
class RuntimeCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private Path train;
  private Path normal;
  private Path attack;

  private record Outcome(int code, String out, String err) {}

  private static Outcome run(String... args) {
    CommandLine cl = Main.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Outcome(code, out.toString(), err.toString());
  }

  private static String loop(Random r, int rounds, boolean inject) {
    StringBuilder b = new StringBuilder("6 5 3 ");
    for (int i = 0; i < rounds; i++) {
      b.append("102 3 ").append(r.nextBoolean() ? "3 " : "4 ").append("4 6 ");
      if (inject && i % 5 == 2) {
        b.append("11 63 63 195 ");
      }
    }
    return b.toString().trim() + "\n";
  }

  private static void writeTraces(Path dir, String prefix, int n, long seed, boolean inject)
      throws IOException {
    Random r = new Random(seed);
    Files.createDirectories(dir);
    for (int i = 0; i < n; i++) {
      Files.writeString(dir.resolve(prefix + i + ".txt"), loop(r, 10 + r.nextInt(20), inject));
    }
  }

  @BeforeEach
  void traces() throws IOException {
    train = tmp.resolve("data/training");
    normal = tmp.resolve("data/validation");
    attack = tmp.resolve("data/attack");
    writeTraces(train, "UTD-", 40, 1, false);
    writeTraces(normal, "UVD-", 40, 2, false);
    writeTraces(attack.resolve("Shell_1"), "UAD-", 10, 3, true);
  }

  @Test
  void helpDocumentsTheOptions() {
    assertThat(run("runtime", "learn", "--help").out())
        .contains("--source=KIND:PATH")
        .contains("--model=FILE")
        .contains("--validation")
        .contains("--target-far")
        .contains("adfa-ld, lid-ds, strace, falco, tetragon");
    assertThat(run("runtime", "score", "--help").out()).contains("--format").contains("json");
    assertThat(run("runtime", "eval", "--help").out())
        .contains("--train")
        .contains("--normal")
        .contains("--attack")
        .contains("STIDE")
        .contains("1% and 5% false alarms");
  }

  @Test
  void learnThenScoreRanksAttacksAboveCleanTraces() throws Exception {
    Path model = tmp.resolve("m.bhseq");
    Outcome learn =
        run(
            "runtime",
            "learn",
            "--source",
            "adfa-ld:" + train,
            "--model",
            model.toString(),
            "--validation",
            normal.toString(),
            "--target-far",
            "0.05");
    assertThat(learn.code()).as(learn.err()).isZero();
    assertThat(learn.out())
        .contains("learned ngram-markov from 40 traces")
        .contains("40 validation");
    assertThat(model).isRegularFile();

    Outcome score =
        run(
            "runtime",
            "score",
            "--source",
            "adfa-ld:" + tmp.resolve("data"),
            "--model",
            model.toString(),
            "--format",
            "json");
    assertThat(score.code()).as(score.err()).isZero();
    JsonNode traces = JSON.readTree(score.out()).get("traces");
    assertThat(traces).hasSize(90);
    double minAttack = Double.MAX_VALUE;
    double maxClean = 0;
    for (JsonNode t : traces) {
      assertThat(t.fieldNames()).toIterable().containsExactly("trace", "score");
      String id = t.get("trace").asText();
      double s = t.get("score").asDouble();
      if (id.startsWith("attack/Shell_1/UAD-")) {
        minAttack = Math.min(minAttack, s);
      } else {
        assertThat(id).matches("(training/UTD|validation/UVD)-\\d+\\.txt");
        maxClean = Math.max(maxClean, s);
      }
    }
    assertThat(minAttack).isGreaterThan(maxClean);

    Outcome table =
        run("runtime", "score", "--source", "adfa-ld:" + attack, "--model", model.toString());
    assertThat(table.out())
        .contains("Shell_1/UAD-0.txt")
        .contains("ALARM")
        .contains("10 of 10 traces above the ngram-markov threshold");
  }

  @Test
  void evalPrintsBothModelsAsTableAndJson() throws Exception {
    Outcome table =
        run(
            "runtime",
            "eval",
            "--train",
            train.toString(),
            "--normal",
            normal.toString(),
            "--attack",
            attack.toString());
    assertThat(table.code()).as(table.err()).isZero();
    assertThat(table.out())
        .contains("ROC-AUC")
        .contains("ngram-markov")
        .contains("stide")
        .contains("gru-lm");

    Outcome json =
        run(
            "runtime",
            "eval",
            "--train",
            "adfa-ld:" + train,
            "--normal",
            normal.toString(),
            "--attack",
            attack.toString(),
            "--format",
            "json");
    JsonNode r = JSON.readTree(json.out());
    assertThat(r.get("trainTraces").asInt()).isEqualTo(40);
    assertThat(r.get("attackTraces").asInt()).isEqualTo(10);
    assertThat(r.get("models"))
        .extracting(m -> m.get("model").asText())
        .containsExactly("ngram-markov", "stide", "gru-lm");
    for (JsonNode m : r.get("models")) {
      assertThat(m.get("auc").asDouble()).isEqualTo(1.0);
      assertThat(m.get("detectionAt5PctFar").asDouble()).isEqualTo(1.0);
    }
  }

  @Test
  void badInputsGiveClearErrors() throws Exception {
    Outcome kind = run("runtime", "learn", "--source", "nope:" + train, "--model", tmp + "/m");
    assertThat(kind.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(kind.err()).contains("unknown source kind 'nope'");

    Outcome missing =
        run("runtime", "score", "--source", "adfa-ld:" + train, "--model", tmp + "/none");
    assertThat(missing.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(missing.err()).contains("bulkhead: error: model").contains("not found");

    Files.writeString(train.resolve("broken.txt"), "1 2 three\n");
    Outcome broken = run("runtime", "learn", "--source", "adfa-ld:" + train, "--model", tmp + "/m");
    assertThat(broken.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(broken.err()).contains("broken.txt:1: unexpected character 't'");

    Outcome far =
        run(
            "runtime",
            "learn",
            "--source",
            "adfa-ld:" + normal,
            "--model",
            tmp + "/m",
            "--target-far",
            "1.5");
    assertThat(far.code()).isEqualTo(ExitCodes.USAGE);

    Path alerts = tmp.resolve("alerts.json");
    Files.writeString(
        alerts,
        "{\"output\":\"File below /etc opened for writing\",\"priority\":\"Error\","
            + "\"rule\":\"Write below etc\",\"time\":\"2016-06-06T23:44:00.120287384Z\","
            + "\"output_fields\":{\"fd.name\":\"/etc/passwd\",\"proc.name\":\"cat\"}}\n");
    Outcome noCalls = run("runtime", "learn", "--source", "falco:" + alerts, "--model", tmp + "/m");
    assertThat(noCalls.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(noCalls.err()).contains("not one system call to learn from");

    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Outcome none =
        run(
            "runtime",
            "eval",
            "--train",
            empty.toString(),
            "--normal",
            normal.toString(),
            "--attack",
            attack.toString());
    assertThat(none.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(none.err()).contains("no traces found");
  }
}
