package dev.bulkhead.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
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
 * httpd serving a CGI with a command-injection bug, a client loop of normal requests, learning, a
 * quiet stretch of normal traffic, then four attacks through the bug (read {@code /etc/shadow},
 * write and run a binary in {@code /tmp}, connect to an unexpected port, spawn a shell), each of
 * which must raise an alert within 5 s naming the container and the process. Then protect mode:
 * dry-run records the would-be pause; a second watch reloads the saved baseline and, with {@code
 * --enforce}, pauses the container through the engine API.
 *
 * <p>Needs root, bpftrace, podman and busybox-static; skips without them, fails under CI=true.
 * {@code -Dbulkhead.it.normalSeconds=600} makes the normal stretch the 10 minutes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RuntimeWatchIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration ALERT_WITHIN = Duration.ofSeconds(5);
  private static final String IMAGE = "localhost/bulkhead-watch-it:test";
  private static final List<String> APPLETS =
      List.of("sh", "cat", "ping", "httpd", "date", "nc", "chmod", "id", "echo");

  private Path work;
  private Path wrapper;
  private Process service;
  private Path socket;
  private String name;
  private int port;
  private HttpClient http;
  private Thread clientLoop;
  private final AtomicBoolean clientRunning = new AtomicBoolean();
  private final AtomicLong clientRequests = new AtomicLong();
  private Process watch;

  @BeforeAll
  void startApp() throws Exception {
    requireTools();
    work = Files.createTempDirectory("bh-watch-it");
    wrapper = Paths.get("..", ".ci", "runc-norlimit").toAbsolutePath().normalize();
    assertThat(wrapper).as("the OCI runtime wrapper of the repo").isExecutable();
    buildImage();
    socket = work.resolve("podman.sock");
    service =
        new ProcessBuilder(
                "podman",
                "--runtime",
                wrapper.toString(),
                "system",
                "service",
                "--time=0",
                "unix://" + socket)
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("service.log").toFile())
            .start();
    for (int i = 0; i < 100 && !Files.exists(socket); i++) {
      Thread.sleep(100);
    }
    assertThat(socket).exists();
    name = "bh-watch-it-" + UUID.randomUUID().toString().substring(0, 8);
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    podman(
        "run",
        "-d",
        "--name",
        name,
        "-p",
        "127.0.0.1:" + port + ":80",
        IMAGE,
        "/bin/httpd",
        "-f",
        "-p",
        "80",
        "-h",
        "/var/www");
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    for (int i = 0; i < 50; i++) {
      if (get("/index.html") == 200) {
        break;
      }
      Thread.sleep(200);
    }
    assertThat(get("/cgi-bin/ping.cgi?127.0.0.1")).isEqualTo(200);
    clientRunning.set(true);
    clientLoop = new Thread(this::normalTraffic, "watch-it-client");
    clientLoop.setDaemon(true);
    clientLoop.start();
  }

  private static void requireTools() throws IOException {
    List<String> missing = new ArrayList<>();
    for (String tool : List.of("/usr/bin/podman", "/usr/bin/bpftrace", "/bin/busybox")) {
      if (!Files.isExecutable(Path.of(tool))) {
        missing.add(tool);
      }
    }
    boolean root =
        Files.readAllLines(Path.of("/proc/self/status")).stream()
            .anyMatch(l -> l.startsWith("Uid:") && l.split("\\s+")[2].equals("0"));
    String why =
        (root ? "" : "not root; ")
            + (missing.isEmpty()
                ? ""
                : "missing " + missing + " (apt-get install -y podman bpftrace busybox-static)");
    if ("true".equals(System.getenv("CI"))) {
      assertThat(why).as("the runtime watch test needs root, podman, bpftrace, busybox").isEmpty();
    }
    assumeTrue(why.isEmpty(), why);
  }

  /** Builds a busybox rootfs with the web app and imports it as an image. */
  private void buildImage() throws IOException {
    Path root = work.resolve("rootfs");
    for (String d : List.of("bin", "etc", "proc", "sys", "dev", "var/www/cgi-bin")) {
      Files.createDirectories(root.resolve(d));
    }
    Files.createDirectories(
        root.resolve("tmp"),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
    Files.copy(Path.of("/bin/busybox"), root.resolve("bin/busybox"));
    for (String a : APPLETS) {
      Files.createSymbolicLink(root.resolve("bin").resolve(a), Path.of("busybox"));
    }
    Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
    Files.writeString(
        root.resolve("etc/shadow"), "root:$6$bulkhead$notarealhash:19000:0:99999:7:::\n");
    Files.setPosixFilePermissions(
        root.resolve("etc/shadow"), PosixFilePermissions.fromString("rw-------"));
    copyResource("index.html", root.resolve("var/www/index.html"), "rw-r--r--");
    copyResource("ping.cgi", root.resolve("var/www/cgi-bin/ping.cgi"), "rwxr-xr-x");
    copyResource("status.cgi", root.resolve("var/www/cgi-bin/status.cgi"), "rwxr-xr-x");
    Path tar = work.resolve("rootfs.tar");
    Processes.check(null, List.of("tar", "-C", root.toString(), "-cf", tar.toString(), "."), 120);
    podman("import", tar.toString(), IMAGE);
  }

  private static void copyResource(String res, Path to, String mode) throws IOException {
    try (InputStream in = RuntimeWatchIT.class.getResourceAsStream("watch/" + res)) {
      assertThat(in).as("test resource " + res).isNotNull();
      Files.copy(in, to);
    }
    Files.setPosixFilePermissions(to, PosixFilePermissions.fromString(mode));
  }

  private String podman(String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("podman", "--runtime", wrapper.toString()));
    cmd.addAll(List.of(args));
    return Processes.check(null, cmd, 120).strip();
  }

  private int get(String path) {
    try {
      HttpRequest req =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .timeout(Duration.ofSeconds(5))
              .build();
      return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** The app's normal use: pages, a 404, the status CGI and the ping CGI with benign hosts. */
  private void normalTraffic() {
    List<String> paths =
        List.of(
            "/index.html",
            "/cgi-bin/ping.cgi?127.0.0.1",
            "/cgi-bin/status.cgi",
            "/cgi-bin/ping.cgi?localhost",
            "/missing.html");
    int i = 0;
    while (clientRunning.get()) {
      get(paths.get(i++ % paths.size()));
      clientRequests.incrementAndGet();
      try {
        Thread.sleep(150);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static String inject(String command) {
    return "/cgi-bin/ping.cgi?"
        + URLEncoder.encode("127.0.0.1;" + command, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private Process startWatch(Path alerts, Path baselines, String... extra) throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "runtime",
                "watch",
                "--container",
                name,
                "--learn",
                "25s",
                "--alerts",
                alerts.toString(),
                "--host",
                "unix://" + socket,
                "--baseline-dir",
                baselines.toString(),
                "--for",
                "10m",
                "--quiet"));
    args.addAll(List.of(extra));
    return new ProcessBuilder(BulkheadJar.command(args.toArray(String[]::new)))
        .redirectOutput(work.resolve("watch.out").toFile())
        .redirectError(work.resolve(alerts.getFileName() + ".err").toFile())
        .start();
  }

  private void awaitStderr(Path alerts, String text, Duration max) throws Exception {
    Path err = work.resolve(alerts.getFileName() + ".err");
    long deadline = System.nanoTime() + max.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(err) && Files.readString(err).contains(text)) {
        return;
      }
      assertThat(watch.isAlive()).as("watch died: %s", Files.readString(err)).isTrue();
      Thread.sleep(200);
    }
    throw new AssertionError(
        "no '" + text + "' from the watch in " + max + ":\n" + Files.readString(err));
  }

  private static List<JsonNode> alerts(Path file) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    if (!Files.exists(file)) {
      return out;
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        out.add(JSON.readTree(line));
      }
    }
    return out;
  }

  /** Sends an attack and waits up to 5 s for an alert matching {@code expected}. */
  private JsonNode attack(Path alertsFile, String command, Predicate<JsonNode> expected)
      throws Exception {
    int before = alerts(alertsFile).size();
    long start = System.nanoTime();
    get(inject(command));
    while (System.nanoTime() - start < ALERT_WITHIN.toNanos()) {
      List<JsonNode> all = alerts(alertsFile);
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
            + alerts(alertsFile));
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
    Path alerts = work.resolve("alerts.jsonl");
    Path baselines = work.resolve("baselines");
    watch = startWatch(alerts, baselines, "--mode", "protect");
    awaitStderr(alerts, "monitoring", Duration.ofSeconds(90));
    assertThat(Files.list(baselines).map(p -> p.getFileName().toString()))
        .anyMatch(f -> f.startsWith(name + "-") && f.endsWith(".baseline.json"));

    long normalSeconds = Long.getLong("bulkhead.it.normalSeconds", 15);
    long requestsBefore = clientRequests.get();
    Thread.sleep(normalSeconds * 1000);
    assertThat(clientRequests.get() - requestsBefore).as("normal requests sent").isGreaterThan(20);
    assertThat(alerts(alerts)).as("alerts on normal traffic after learning").isEmpty();

    JsonNode shadow =
        attack(
            alerts,
            "cat /etc/shadow",
            a ->
                hasReason(a, "FILE", v -> v.equals("r:/etc/shadow"))
                    && a.path("event").path("path").asText().equals("/etc/shadow"));
    assertThat(base(shadow.path("process").path("exe").asText())).isEqualTo("cat");
    assertThat(shadow.path("action").path("status").asText()).isIn("dry-run", "skipped");

    JsonNode binary =
        attack(
            alerts,
            "cat /bin/busybox >/tmp/busybox; chmod 755 /tmp/busybox; /tmp/busybox id",
            a ->
                a.path("event").path("kind").asText().equals("EXEC")
                    && hasReason(a, "PROGRAM", v -> true)
                    && a.path("process").path("exe").asText().equals("/tmp/busybox"));
    assertThat(binary.path("evidence").toString()).contains("/tmp/busybox");

    JsonNode connect =
        attack(
            alerts,
            "nc -w 1 10.88.0.1 4444",
            a ->
                hasReason(a, "CONNECT", v -> v.endsWith(":4444"))
                    && a.path("event").path("peerPort").asInt() == 4444);
    assertThat(base(connect.path("process").path("exe").asText())).isEqualTo("nc");

    JsonNode shell =
        attack(
            alerts,
            "sh -c id",
            a ->
                a.path("event").path("kind").asText().equals("EXEC")
                    && base(a.path("process").path("exe").asText()).equals("sh"));
    assertThat(shell.path("process").path("argv").toString()).contains("-c");

    List<JsonNode> audit = auditEntries(work.resolve("audit.jsonl"));
    assertThat(audit).anyMatch(e -> e.path("status").asText().equals("dry-run"));
    assertThat(audit).noneMatch(e -> e.path("status").asText().equals("executed"));
    assertThat(podman("inspect", "--format", "{{.State.Status}}", name)).isEqualTo("running");

    stopWatch(alerts);
    String err = Files.readString(work.resolve(alerts.getFileName() + ".err"));
    assertThat(err).containsPattern("stopped; [0-9]+ sensor records, [0-9]+ dropped");
  }

  @Test
  @Order(2)
  void reloadsTheBaselineAndEnforcedProtectPausesTheContainer() throws Exception {
    Path alerts = work.resolve("alerts-enforce.jsonl");
    Path baselines = work.resolve("baselines");
    assumeTrue(Files.isDirectory(baselines), "the learning test did not leave a baseline");
    watch = startWatch(alerts, baselines, "--mode", "protect", "--enforce");
    awaitStderr(alerts, "monitoring with the stored baseline", Duration.ofSeconds(30));
    awaitStderr(alerts, "sensor attached", Duration.ofSeconds(60));
    Thread.sleep(3000);
    assertThat(alerts(alerts)).as("alerts on normal traffic with the reloaded baseline").isEmpty();

    JsonNode shadow =
        attack(
            alerts,
            "cat /etc/shadow",
            a ->
                hasReason(a, "FILE", v -> v.equals("r:/etc/shadow"))
                    || hasReason(a, "PROGRAM", v -> true));
    long start = System.nanoTime();
    String state = "";
    while (System.nanoTime() - start < ALERT_WITHIN.toNanos()) {
      state = podman("inspect", "--format", "{{.State.Status}}", name);
      if (state.equals("paused")) {
        break;
      }
      Thread.sleep(200);
    }
    assertThat(state).as("container state after an enforced alert").isEqualTo("paused");
    assertThat(shadow.path("action").path("action").asText()).isEqualTo("pause");
    List<JsonNode> audit = auditEntries(work.resolve("audit.jsonl"));
    assertThat(audit)
        .anyMatch(
            e ->
                e.path("status").asText().equals("executed")
                    && e.path("containerName").asText().equals(name)
                    && e.path("action").asText().equals("pause"));
    stopWatch(alerts);
  }

  private static List<JsonNode> auditEntries(Path file) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      out.add(JSON.readTree(line));
    }
    return out;
  }

  private void stopWatch(Path alerts) throws Exception {
    watch.destroy();
    assertThat(watch.waitFor(30, TimeUnit.SECONDS)).as("watch stops on SIGTERM").isTrue();
    Path err = work.resolve(alerts.getFileName() + ".err");
    assertThat(Files.readString(err)).contains("bulkhead: watch: stopped;");
  }

  @AfterAll
  void cleanUp() throws Exception {
    clientRunning.set(false);
    if (watch != null && watch.isAlive()) {
      watch.destroyForcibly();
      watch.waitFor(10, TimeUnit.SECONDS);
    }
    if (name != null) {
      Processes.run(
          null,
          List.of("podman", "--runtime", wrapper.toString(), "rm", "-f", "-t", "0", name),
          120);
    }
    if (wrapper != null) {
      Processes.run(null, List.of("podman", "rmi", "-f", IMAGE), 120);
    }
    if (service != null) {
      service.destroy();
      service.waitFor(10, TimeUnit.SECONDS);
    }
    if (work != null) {
      Processes.run(null, List.of("rm", "-rf", work.toString()), 120);
    }
  }
}
