package dev.bulkhead.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Watches a real podman container with the real bpftrace sensor through the packaged CLI: a busybox
 * httpd serving a CGI with a command-injection bug ({@link WatchedWebApp}), a client loop of normal
 * requests, learning, a quiet stretch of normal traffic, then four attacks through the bug (read
 * {@code /etc/shadow}, write and run a binary in {@code /tmp}, connect to an unexpected port, spawn
 * a shell), each of which must raise an alert within 5 s naming the container and the process. Then
 * the system-call sequence model: a watch with {@code --syscalls} learns one, saves it with the
 * baseline, and a second watch reloads it (no new learn phase) and still alerts. Last, protect
 * mode: dry-run records the would-be pause; a watch reloads the first saved baseline (learned
 * without {@code --syscalls}; watched with it, it says the model is missing) and, with {@code
 * --enforce}, pauses the container through the engine API.
 *
 * <p>Needs root, bpftrace, podman and busybox-static; skips without them, fails under CI=true.
 * {@code -Dbulkhead.it.normalSeconds=600} makes the normal stretch the 10 minutes; CI
 * checks those 10 minutes in {@link RuntimeWatchSoakIT}, side by side with this class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RuntimeWatchIT {
  private static final Duration ALERT_WITHIN = Duration.ofSeconds(5);

  private WatchedWebApp app;
  private String name;

  @BeforeAll
  void startApp() throws Exception {
    WatchedWebApp.requireTools();
    app = WatchedWebApp.start("bh-watch-it");
    name = app.name();
    app.startClient(1);
  }

  /** Sends an attack and waits up to 5 s for an alert matching {@code expected}. */
  private JsonNode attack(WatchedWebApp.Watch watch, String command, Predicate<JsonNode> expected)
      throws Exception {
    int before = watch.alerts().size();
    long start = System.nanoTime();
    app.get(WatchedWebApp.inject(command));
    while (System.nanoTime() - start < ALERT_WITHIN.toNanos()) {
      List<JsonNode> all = watch.alerts();
      for (JsonNode a : all.subList(before, all.size())) {
        if (expected.test(a)) {
          assertThat(a.path("schema").asText()).isEqualTo("bulkhead.alert/v1");
          assertThat(a.path("container").path("name").asText()).isEqualTo(name);
          assertThat(a.path("process").path("pid").asInt()).isPositive();
          assertThat(a.path("process").path("exe").asText()).isNotBlank();
          assertThat(a.path("score").asDouble()).isGreaterThanOrEqualTo(1.0);
          assertThat(a.path("reasons").size()).isPositive();
          return a;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "no matching alert within "
            + ALERT_WITHIN
            + " of `"
            + command
            + "`; alerts: "
            + watch.alerts());
  }

  private static boolean hasReason(JsonNode alert, String category, Predicate<String> value) {
    for (JsonNode r : alert.path("reasons")) {
      if (r.path("category").asText().equals(category)
          && r.path("score").asDouble() >= 0.8
          && value.test(r.path("value").asText())) {
        return true;
      }
    }
    return false;
  }

  private static String base(String program) {
    return program.substring(program.lastIndexOf('/') + 1);
  }

  @Test
  @Order(1)
  void learnsThenAlertsOnEachAttackAndRecordsTheWouldBePause() throws Exception {
    Path baselines = app.work().resolve("baselines");
    WatchedWebApp.Watch watch = app.startWatch("alerts", baselines, "25s", "--mode", "protect");
    watch.awaitLog("monitoring", Duration.ofSeconds(90));
    assertThat(Files.list(baselines).map(p -> p.getFileName().toString()))
        .anyMatch(f -> f.startsWith(name + "-") && f.endsWith(".baseline.json"));

    long normalSeconds = Long.getLong("bulkhead.it.normalSeconds", 15);
    long requestsBefore = app.requests();
    Thread.sleep(normalSeconds * 1000);
    assertThat(app.requests() - requestsBefore).as("normal requests sent").isGreaterThan(20);
    assertThat(watch.alerts()).as("alerts on normal traffic after learning").isEmpty();

    JsonNode shadow =
        attack(
            watch,
            "cat /etc/shadow",
            a ->
                hasReason(a, "FILE", v -> v.equals("r:/etc/shadow"))
                    && a.path("event").path("path").asText().equals("/etc/shadow"));
    assertThat(base(shadow.path("process").path("exe").asText())).isEqualTo("cat");
    assertThat(shadow.path("action").path("status").asText()).isIn("dry-run", "skipped");

    JsonNode binary =
        attack(
            watch,
            "cat /bin/busybox >/tmp/busybox; chmod 755 /tmp/busybox; /tmp/busybox id",
            a ->
                a.path("event").path("kind").asText().equals("EXEC")
                    && hasReason(a, "PROGRAM", v -> true)
                    && a.path("process").path("exe").asText().equals("/tmp/busybox"));
    assertThat(binary.path("evidence").toString()).contains("/tmp/busybox");

    JsonNode connect =
        attack(
            watch,
            "nc -w 1 10.88.0.1 4444",
            a ->
                hasReason(a, "CONNECT", v -> v.endsWith(":4444"))
                    && a.path("event").path("peerPort").asInt() == 4444);
    assertThat(base(connect.path("process").path("exe").asText())).isEqualTo("nc");

    JsonNode shell =
        attack(
            watch,
            "sh -c id",
            a ->
                a.path("event").path("kind").asText().equals("EXEC")
                    && base(a.path("process").path("exe").asText()).equals("sh"));
    assertThat(shell.path("process").path("argv").toString()).contains("-c");

    List<JsonNode> audit = WatchedWebApp.jsonLines(app.work().resolve("audit.jsonl"));
    assertThat(audit).anyMatch(e -> e.path("status").asText().equals("dry-run"));
    assertThat(audit).noneMatch(e -> e.path("status").asText().equals("executed"));
    assertThat(app.state()).isEqualTo("running");

    assertThat(watch.stop()).containsPattern("stopped; [0-9]+ sensor events, [0-9]+ dropped");
  }

  @Test
  @Order(2)
  void learnsASequenceModelWithSyscallsAndAReloadedWatchUsesIt() throws Exception {
    Path baselines = app.work().resolve("baselines-syscalls");
    WatchedWebApp.Watch learn = app.startWatch("alerts-seq-learn", baselines, "20s", "--syscalls");
    learn.awaitLog("; monitoring", Duration.ofSeconds(90));
    assertThat(learn.log()).contains("sequence model ngram-markov (threshold");
    String learnLog = learn.stop();
    assertThat(learnLog).containsPattern("stopped; [0-9]+ sensor events");
    Path json;
    try (var files = Files.list(baselines)) {
      json = files.filter(f -> f.toString().endsWith(".baseline.json")).findFirst().orElseThrow();
    }
    JsonNode stored = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
    assertThat(stored.path("schemaVersion").asInt()).isEqualTo(2);
    assertThat(stored.path("sequenceModel").path("kind").asText()).isEqualTo("ngram-markov");
    assertThat(stored.path("sequenceModel").path("sha256").asText()).startsWith("sha256:");
    Path model = baselines.resolve(stored.path("sequenceModel").path("file").asText());
    assertThat(model).exists().hasParent(baselines);

    WatchedWebApp.Watch watch = app.startWatch("alerts-seq", baselines, "20s", "--syscalls");
    watch.awaitLog("sensor attached", Duration.ofSeconds(60));
    assertThat(watch.log())
        .as("the reloaded baseline's sequence model is used, no new learn phase")
        .contains("monitoring with the stored baseline")
        .contains("sequence model ngram-markov from " + model.getFileName())
        .doesNotContain("learning for");
    Thread.sleep(3000);
    // The httpd master was running before this watch: its stream starts mid-flow and must warm up
    // rather than be judged as a process that just started (it alerted before that was fixed).
    // Other processes are not asserted on here: the sequence model still has rare false alarms
    // on normal traffic (docs/RUNTIME-LIVE.md, Limits).
    int master = Integer.parseInt(app.podman("inspect", "--format", "{{.State.Pid}}", name));
    assertThat(watch.alerts())
        .as("alerts on the running httpd master with the reloaded sequence model")
        .noneMatch(a -> a.path("process").path("pid").asInt() == master);
    JsonNode connect =
        attack(
            watch,
            "nc -w 1 10.88.0.1 4444",
            a -> a.path("process").path("exe").asText().endsWith("nc"));
    assertThat(connect.path("container").path("name").asText()).isEqualTo(name);
    // The reloaded sequence model judges nc's system calls (socket, connect, poll in a context
    // the CGI never showed): nc's alerts carry its stream's score, threshold and unusual calls.
    // Whether that window crosses the threshold as well depends on what the 20 s of learning saw
    // (scores of 1.57-1.84 against 1.54-1.56 measured, none above it on a loaded CI machine), so
    // the test asserts that the model is at work, not that it alarms alone; the profile's
    // PROGRAM/LINEAGE/CONNECT alerts are the detection.
    Predicate<JsonNode> bySequence =
        a ->
            a.path("process").path("exe").asText().endsWith("nc")
                && a.path("sequence").path("detector").asText().equals("ngram-markov")
                && a.path("sequence").path("score").asDouble() > 0
                && a.path("sequence").path("threshold").asDouble() > 0
                && a.path("sequence").path("unusual").size() > 0;
    long start = System.nanoTime();
    while (System.nanoTime() - start < ALERT_WITHIN.toNanos()
        && watch.alerts().stream().noneMatch(bySequence)) {
      Thread.sleep(200);
    }
    List<JsonNode> alerts = watch.alerts();
    System.out.println("RuntimeWatchIT: alerts of the reloaded --syscalls watch:");
    alerts.forEach(a -> System.out.println("  " + a));
    assertThat(alerts)
        .as("an alert on nc judged by the reloaded sequence model")
        .anyMatch(bySequence);
    watch.stop();
  }

  @Test
  @Order(3)
  void reloadsTheBaselineAndEnforcedProtectPausesTheContainer() throws Exception {
    Path baselines = app.work().resolve("baselines");
    assumeTrue(Files.isDirectory(baselines), "the learning test did not leave a baseline");
    WatchedWebApp.Watch watch =
        app.startWatch(
            "alerts-enforce", baselines, "25s", "--mode", "protect", "--enforce", "--syscalls");
    watch.awaitLog("monitoring with the stored baseline", Duration.ofSeconds(30));
    assertThat(watch.log())
        .as("a baseline learned without --syscalls, watched with it")
        .contains("has no sequence model")
        .contains("watch again with --syscalls");
    watch.awaitLog("sensor attached", Duration.ofSeconds(60));
    Thread.sleep(3000);
    assertThat(watch.alerts()).as("alerts on normal traffic with the reloaded baseline").isEmpty();

    JsonNode shadow =
        attack(
            watch,
            "cat /etc/shadow",
            a ->
                hasReason(a, "FILE", v -> v.equals("r:/etc/shadow"))
                    || hasReason(a, "PROGRAM", v -> true));
    long start = System.nanoTime();
    String state = "";
    while (System.nanoTime() - start < ALERT_WITHIN.toNanos()) {
      state = app.state();
      if (state.equals("paused")) {
        break;
      }
      Thread.sleep(200);
    }
    assertThat(state).as("container state after an enforced alert").isEqualTo("paused");
    assertThat(shadow.path("action").path("action").asText()).isEqualTo("pause");
    List<JsonNode> audit = WatchedWebApp.jsonLines(app.work().resolve("audit.jsonl"));
    assertThat(audit)
        .anyMatch(
            e ->
                e.path("status").asText().equals("executed")
                    && e.path("containerName").asText().equals(name)
                    && e.path("action").asText().equals("pause"));
    watch.stop();
  }

  @AfterAll
  void cleanUp() throws Exception {
    if (app != null) {
      app.close();
    }
  }
}
