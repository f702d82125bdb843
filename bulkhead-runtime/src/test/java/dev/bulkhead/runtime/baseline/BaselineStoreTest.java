package dev.bulkhead.runtime.baseline;

import static dev.bulkhead.runtime.testing.Events.exec;
import static dev.bulkhead.runtime.testing.Events.open;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.runtime.model.SequenceDetector;
import dev.bulkhead.runtime.model.sequence.Calibration;
import dev.bulkhead.runtime.model.sequence.NgramModel;
import dev.bulkhead.runtime.model.sequence.SequenceModel;
import dev.bulkhead.runtime.profile.BehaviorProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineStoreTest {
  @TempDir Path dir;

  private static final WorkloadId WEB = new WorkloadId("sha256:aaaa", "web");

  private static Baseline baseline(WorkloadId id) {
    BehaviorProfile p = new BehaviorProfile();
    p.learn(exec(1, "/bin/httpd", "/sbin/init"));
    p.learn(open(1, "/bin/httpd", "/var/www/index.html", 0));
    return new Baseline(
        Baseline.SCHEMA_VERSION,
        id,
        "2026-11-28T12:00:00Z",
        2,
        30.5,
        "bpftrace",
        p.snapshot(),
        null);
  }

  @Test
  void savesAndReloadsPerWorkload() throws Exception {
    BaselineStore store = new BaselineStore(dir.resolve("b"));
    assertThat(store.load(WEB)).isEmpty();
    Path file = store.save(baseline(WEB));
    assertThat(file).exists().hasParent(dir.resolve("b"));
    assertThat(file.getFileName().toString()).startsWith("web-").endsWith(".baseline.json");
    Baseline back = store.load(WEB).orElseThrow();
    assertThat(back).isEqualTo(baseline(WEB));
    assertThat(
            BehaviorProfile.restore(back.profile())
                .score(open(1, "/bin/httpd", "/etc/shadow", 0))
                .score())
        .isEqualTo(1.0);
    WorkloadId newImage = new WorkloadId("sha256:bbbb", "web");
    assertThat(store.fileOf(newImage)).isNotEqualTo(file);
    assertThat(store.load(newImage)).as("a new image learns afresh").isEmpty();
  }

  @Test
  void hostileNamesStayInTheDirectory() {
    BaselineStore store = new BaselineStore(dir);
    Path f = store.fileOf(new WorkloadId("sha256:x", "../../etc/passwd"));
    assertThat(f.getParent()).isEqualTo(dir);
    assertThat(f.getFileName().toString()).doesNotContain("/");
  }

  @Test
  void refusesOtherVersionsOtherWorkloadsAndGarbage() throws Exception {
    BaselineStore store = new BaselineStore(dir);
    Path file = store.save(baseline(WEB));
    Files.writeString(
        file, Files.readString(file).replace("\"schemaVersion\" : 2", "\"schemaVersion\" : 99"));
    assertThatThrownBy(() -> store.load(WEB))
        .isInstanceOf(BulkheadException.class)
        .hasMessageContaining("schema version 99")
        .hasMessageContaining(file.toString());

    WorkloadId other = new WorkloadId("sha256:cccc", "db");
    Files.writeString(store.fileOf(other), Files.readString(store.save(baseline(WEB))));
    assertThatThrownBy(() -> store.load(other))
        .isInstanceOf(BulkheadException.class)
        .hasMessageContaining("belongs to");

    Files.writeString(file, "{\"schemaVersion\":1,\"workload\":");
    assertThatThrownBy(() -> store.load(WEB))
        .isInstanceOf(BulkheadException.class)
        .hasMessageContaining("delete it");
  }

  /** Process streams of a web-server-like loop with random variations, as a live watch sees. */
  private static List<int[]> streams(long seed, int count) {
    int[] loop = {43, 0, 257, 5, 0, 3, 1, 3, 232, 7};
    Random r = new Random(seed);
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int[] t = new int[loop.length * (20 + r.nextInt(40))];
      for (int j = 0; j < t.length; j++) {
        t[j] = loop[j % loop.length] == 0 && r.nextInt(8) == 0 ? 8 : loop[j % loop.length];
      }
      out.add(t);
    }
    return out;
  }

  private static SequenceModel trainedModel() {
    return trainedModel(1);
  }

  private static SequenceModel trainedModel(long seed) {
    NgramModel m = NgramModel.train(streams(seed, 40), NgramModel.Params.DEFAULT);
    return Calibration.calibrate(m, streams(seed + 1000, 10), 0.05);
  }

  private static double[] streamScores(SequenceDetector d, List<int[]> traces) {
    List<Double> out = new ArrayList<>();
    for (int[] t : traces) {
      SequenceDetector.Stream s = d.newStream();
      for (int c : t) {
        out.add(s.accept(c));
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  @Test
  void savesTheSequenceModelBesideTheBaselineAndReloadsItScoringIdentically() throws Exception {
    BaselineStore store = new BaselineStore(dir.resolve("b"));
    SequenceModel model = trainedModel();
    Path file = store.save(baseline(WEB), model);
    Path modelFile = store.modelFileOf(WEB).orElseThrow();
    assertThat(modelFile).exists().hasParent(dir.resolve("b"));
    assertThat(modelFile.getFileName().toString()).startsWith("web-").endsWith(".seq.bhseq");
    assertThat(Files.readString(file)).contains("\"schemaVersion\" : 2").contains("sha256:");

    Baseline back = store.load(WEB).orElseThrow();
    assertThat(back.sequenceModel().file()).isEqualTo(modelFile.getFileName().toString());
    assertThat(back.sequenceModel().kind()).isEqualTo("ngram-markov");
    assertThat(back.profile()).isEqualTo(baseline(WEB).profile());
    SequenceModel reloaded = store.loadSequenceModel(back);
    assertThat(reloaded.name()).isEqualTo(model.name());
    assertThat(reloaded.threshold()).isEqualTo(model.threshold());
    List<int[]> unseen = streams(3, 5);
    unseen.add(new int[] {43, 0, 57, 59, 257, 0, 1, 33, 33, 59, 41, 42, 0, 1, 60, 2, 2, 2, 61});
    double[] before = streamScores(model, unseen);
    assertThat(streamScores(reloaded, unseen)).containsExactly(before);
    assertThat(Arrays.stream(before).max().orElseThrow())
        .as("the attack-like stream crosses the threshold")
        .isGreaterThan(model.threshold());

    store.save(baseline(WEB));
    assertThat(store.load(WEB).orElseThrow().sequenceModel()).isNull();
    assertThat(modelFile).as("relearning without a model removes the old one").doesNotExist();
  }

  @Test
  void modelFilesAreNamedByContentAndOnlyTheNamedOneIsKept() throws Exception {
    BaselineStore store = new BaselineStore(dir);
    store.save(baseline(WEB), trainedModel());
    Path first = store.modelFileOf(WEB).orElseThrow();
    assertThat(first.getFileName().toString())
        .matches(java.util.regex.Pattern.quote(WEB.fileStem()) + "-[0-9a-f]{12}\\.seq\\.bhseq");
    store.save(baseline(WEB), trainedModel(2));
    Path second = store.modelFileOf(WEB).orElseThrow();
    assertThat(second).isNotEqualTo(first).exists();
    assertThat(first).as("the model the JSON no longer names").doesNotExist();
    // Another workload whose name is this one's stem keeps its own model.
    WorkloadId lookalike = new WorkloadId("sha256:eeee", WEB.fileStem());
    store.save(baseline(lookalike), trainedModel());
    store.save(baseline(WEB), trainedModel());
    assertThat(store.modelFileOf(lookalike).orElseThrow()).exists();
    assertThat(store.loadSequenceModel(store.load(lookalike).orElseThrow())).isNotNull();
    assertThat(store.loadSequenceModel(store.load(WEB).orElseThrow())).isNotNull();
  }

  @Test
  void refusesAMissingTruncatedOrAlteredModelFileNamingItAndSayingToLearnAgain() throws Exception {
    BaselineStore store = new BaselineStore(dir);
    Path file = store.save(baseline(WEB), trainedModel());
    Path modelFile = store.modelFileOf(WEB).orElseThrow();
    byte[] bytes = Files.readAllBytes(modelFile);

    // The digest is checked on the bytes the model is parsed from, when the model is loaded.
    Baseline loaded = store.load(WEB).orElseThrow();
    Files.write(modelFile, Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> store.loadSequenceModel(loaded))
        .isInstanceOf(BulkheadException.class)
        .hasMessageContaining(modelFile.toString())
        .hasMessageContaining("digest")
        .hasMessageContaining("delete " + file)
        .hasMessageContaining("learn again");

    byte[] flipped = bytes.clone();
    flipped[flipped.length / 2] ^= 1;
    Files.write(modelFile, flipped);
    assertThatThrownBy(() -> store.loadSequenceModel(loaded))
        .isInstanceOf(BulkheadException.class)
        .hasMessageContaining(modelFile.toString())
        .hasMessageContaining("altered");

    Files.delete(modelFile);
    assertThatThrownBy(() -> store.load(WEB))
        .isInstanceOf(BulkheadException.class)
        .hasMessageContaining(modelFile.toString())
        .hasMessageContaining("missing")
        .hasMessageContaining("learn again");

    // Another workload's (valid) model put in its place: the digest tells them apart.
    WorkloadId db = new WorkloadId("sha256:dddd", "db");
    store.save(baseline(db), trainedModel(2));
    Files.copy(store.modelFileOf(db).orElseThrow(), modelFile);
    assertThatThrownBy(() -> store.loadSequenceModel(loaded))
        .isInstanceOf(BulkheadException.class)
        .hasMessageContaining("another baseline");
    assertThat(store.load(db)).isPresent();
    Files.write(modelFile, bytes);
    assertThat(store.loadSequenceModel(store.load(WEB).orElseThrow()))
        .as("the original bytes put back")
        .isNotNull();

    // A matching digest over a file that is not a model: the model loader's error, wrapped.
    Files.writeString(modelFile, "not a model");
    String json = Files.readString(file);
    String recorded = json.replaceAll("(?s).*\"sha256\" : \"(sha256:[0-9a-f]+)\".*", "$1");
    Files.writeString(
        file,
        json.replace(
            recorded,
            dev.bulkhead.core.digest.Digests.sha256(
                "not a model".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    Baseline b = store.load(WEB).orElseThrow();
    assertThatThrownBy(() -> store.loadSequenceModel(b))
        .isInstanceOf(BulkheadException.class)
        .hasMessageContaining(modelFile.toString())
        .hasMessageContaining("delete both files");
  }

  @Test
  void refusesAModelFileNameOutsideTheDirectory() throws Exception {
    BaselineStore store = new BaselineStore(dir.resolve("b"));
    Path file = store.save(baseline(WEB), trainedModel());
    String name = store.modelFileOf(WEB).orElseThrow().getFileName().toString();
    Files.writeString(file, Files.readString(file).replace(name, "../../etc/shadow"));
    assertThatThrownBy(() -> store.load(WEB))
        .isInstanceOf(BulkheadException.class)
        .hasMessageContaining("not a plain file name")
        .hasMessageContaining(file.toString());
  }

  @Test
  void loadsAVersionOneBaselineWithoutASequenceModel() throws Exception {
    BaselineStore store = new BaselineStore(dir);
    Path file = store.fileOf(WEB);
    String v2 = Files.readString(store.save(baseline(WEB)));
    String v1 =
        v2.replace("\"schemaVersion\" : 2", "\"schemaVersion\" : 1")
            .replaceAll(",\\s*\"sequenceModel\" : null", "");
    assertThat(v1).contains("\"schemaVersion\" : 1").doesNotContain("sequenceModel");
    Files.writeString(file, v1);
    Baseline back = store.load(WEB).orElseThrow();
    assertThat(back.schemaVersion()).isEqualTo(1);
    assertThat(back.sequenceModel()).isNull();
    assertThat(back.profile()).isEqualTo(baseline(WEB).profile());
    assertThat(store.loadSequenceModel(back)).isNull();

    store.save(back, trainedModel());
    Baseline upgraded = store.load(WEB).orElseThrow();
    assertThat(upgraded.schemaVersion()).as("saved again: current version").isEqualTo(2);
    assertThat(upgraded.sequenceModel()).isNotNull();
  }
}
