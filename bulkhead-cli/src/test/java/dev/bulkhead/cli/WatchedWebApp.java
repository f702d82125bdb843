package dev.bulkhead.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulkhead.core.testing.PodmanService;
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
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The web app the runtime watch tests watch, in a real podman container: a busybox rootfs with
 * {@code httpd} serving {@code ping.cgi} (its decoded query goes through {@code eval}: command
 * injection) and a benign {@code status.cgi}, a private podman API service, and a client loop of
 * normal requests.
 *
 * <p>Everything is private to one instance, so several tests can run side by side: the image tag,
 * container name, host port, podman service socket and work directory are all unique. {@link
 * #close} removes them.
 */
final class WatchedWebApp implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> APPLETS =
      List.of("sh", "cat", "ping", "httpd", "date", "nc", "chmod", "id", "echo");

  /** Hosts a normal client pings through the CGI (all answer on the loopback interface). */
  private static final List<String> PING_HOSTS =
      List.of("127.0.0.1", "localhost", "127.0.0.2", "127.0.1.1");

  private final Path work;
  private final Path wrapper;
  private final String image;
  private final String name;
  private PodmanService service;
  private Path socket;
  private boolean imported;
  private boolean containerStarted;
  private int port;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private Thread clientLoop;
  private final AtomicBoolean clientRunning = new AtomicBoolean();
  private final AtomicLong clientRequests = new AtomicLong();
  private final Map<String, AtomicLong> requestKinds = new ConcurrentHashMap<>();
  private final List<Watch> watches = new ArrayList<>();

  private WatchedWebApp(String prefix) throws IOException {
    String id = UUID.randomUUID().toString().substring(0, 8);
    this.work = Files.createTempDirectory(prefix);
    this.wrapper = PodmanService.runtimeWrapper();
    this.image = "localhost/" + prefix + ":" + id;
    this.name = prefix + "-" + id;
  }

  /**
   * Skips the test without root, podman, bpftrace or busybox-static, and fails it instead under
   * {@code CI=true}.
   */
  static void requireTools() throws IOException {
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

  /**
   * Builds the image, starts a private podman API service and the app's container, and waits until
   * the app answers. {@code prefix} (lower case, e.g. {@code bh-watch-it}) names the temporary
   * directory, image and container.
   */
  static WatchedWebApp start(String prefix) throws Exception {
    WatchedWebApp app = new WatchedWebApp(prefix);
    try {
      app.startAll();
      return app;
    } catch (Exception | AssertionError e) {
      app.close();
      throw e;
    }
  }

  private void startAll() throws Exception {
    assertThat(wrapper).as("the OCI runtime wrapper of the repo").isExecutable();
    buildImage();
    service = PodmanService.start(work, wrapper);
    socket = service.socket();
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    containerStarted = true;
    podman(
        "run",
        "-d",
        "--name",
        name,
        "-p",
        "127.0.0.1:" + port + ":80",
        image,
        "/bin/httpd",
        "-f",
        "-p",
        "80",
        "-h",
        "/var/www");
    for (int i = 0; i < 50; i++) {
      if (get("/index.html") == 200) {
        break;
      }
      Thread.sleep(200);
    }
    assertThat(get("/cgi-bin/ping.cgi?127.0.0.1")).isEqualTo(200);
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
    imported = true;
    podman("import", tar.toString(), image);
  }

  private static void copyResource(String res, Path to, String mode) throws IOException {
    try (InputStream in = WatchedWebApp.class.getResourceAsStream("watch/" + res)) {
      assertThat(in).as("test resource " + res).isNotNull();
      Files.copy(in, to);
    }
    Files.setPosixFilePermissions(to, PosixFilePermissions.fromString(mode));
  }

  /** The container's name. */
  String name() {
    return name;
  }

  /** The private work directory. */
  Path work() {
    return work;
  }

  /** Runs podman (with the repo's OCI runtime wrapper) and returns its trimmed output. */
  String podman(String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("podman", "--runtime", wrapper.toString()));
    cmd.addAll(List.of(args));
    return Processes.check(null, cmd, 120).strip();
  }

  /** The container's state as podman reports it ({@code running}, {@code paused}, ...). */
  String state() throws IOException {
    return podman("inspect", "--format", "{{.State.Status}}", name);
  }

  /** GETs {@code path} from the app; returns the status code, or -1 when the request failed. */
  int get(String path) {
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

  /** The request path that injects {@code command} through the ping CGI. */
  static String inject(String command) {
    return "/cgi-bin/ping.cgi?"
        + URLEncoder.encode("127.0.0.1;" + command, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * Starts the client loop: the app's normal use as a real client makes it, drawn at random (seeded
   * by {@code seed}): pages with and without a cache-busting query, the status CGI, the ping CGI
   * with several benign hosts and without a query, missing pages; about 150 ms apart on average
   * (exponential gaps, so some come back to back), and now and then an idle gap of 2 to 8 s.
   */
  void startClient(long seed) {
    clientRunning.set(true);
    clientLoop = new Thread(() -> normalTraffic(new Random(seed)), name + "-client");
    clientLoop.setDaemon(true);
    clientLoop.start();
  }

  private void normalTraffic(Random r) {
    while (clientRunning.get()) {
      String path = normalRequest(r);
      get(path);
      clientRequests.incrementAndGet();
      String kind = path.replaceAll("\\?.*", "?…");
      requestKinds.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
      long pause =
          r.nextInt(100) < 2
              ? 2000 + r.nextInt(6000)
              : Math.min(1500, (long) (-150 * Math.log(1 - r.nextDouble())));
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static String normalRequest(Random r) {
    int p = r.nextInt(100);
    if (p < 20) {
      return "/index.html";
    } else if (p < 28) {
      return "/";
    } else if (p < 33) {
      return "/index.html?v=" + r.nextInt(1000);
    } else if (p < 53) {
      return "/cgi-bin/status.cgi";
    } else if (p < 85) {
      return "/cgi-bin/ping.cgi?" + PING_HOSTS.get(r.nextInt(PING_HOSTS.size()));
    } else if (p < 90) {
      return "/cgi-bin/ping.cgi";
    } else if (p < 96) {
      return "/missing.html";
    } else {
      return "/favicon.ico";
    }
  }

  /** Normal requests sent so far. */
  long requests() {
    return clientRequests.get();
  }

  /** Normal requests sent so far by kind (the path, queries folded), for reports. */
  Map<String, Long> requestKinds() {
    Map<String, Long> out = new TreeMap<>();
    requestKinds.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  /**
   * Starts {@code bulkhead runtime watch} on the container from the packaged jar, writing alerts to
   * {@code work/<label>.jsonl} and stderr to {@code work/<label>.err}.
   */
  Watch startWatch(String label, Path baselines, String learn, String... extra) throws IOException {
    Path alerts = work.resolve(label + ".jsonl");
    Path err = work.resolve(label + ".err");
    List<String> args =
        new ArrayList<>(
            List.of(
                "runtime",
                "watch",
                "--container",
                name,
                "--learn",
                learn,
                "--alerts",
                alerts.toString(),
                "--host",
                "unix://" + socket,
                "--baseline-dir",
                baselines.toString(),
                "--for",
                "30m",
                "--quiet"));
    args.addAll(List.of(extra));
    Process p =
        new ProcessBuilder(BulkheadJar.command(args.toArray(String[]::new)))
            .redirectOutput(work.resolve(label + ".out").toFile())
            .redirectError(err.toFile())
            .start();
    Watch w = new Watch(p, alerts, err);
    watches.add(w);
    return w;
  }

  /** One running {@code runtime watch} process. */
  static final class Watch {
    private final Process process;
    private final Path alerts;
    private final Path err;

    private Watch(Process process, Path alerts, Path err) {
      this.process = process;
      this.alerts = alerts;
      this.err = err;
    }

    /** The alerts file. */
    Path alertsFile() {
      return alerts;
    }

    /** What the watch printed on standard error so far. */
    String log() throws IOException {
      return Files.exists(err) ? Files.readString(err) : "";
    }

    /** Waits until the watch prints {@code text}; fails when it dies or {@code max} passes. */
    void awaitLog(String text, Duration max) throws Exception {
      long deadline = System.nanoTime() + max.toNanos();
      while (System.nanoTime() < deadline) {
        if (log().contains(text)) {
          return;
        }
        assertThat(process.isAlive()).as("watch died: %s", log()).isTrue();
        Thread.sleep(200);
      }
      throw new AssertionError("no '" + text + "' from the watch in " + max + ":\n" + log());
    }

    /** The alerts written so far. */
    List<JsonNode> alerts() throws IOException {
      List<JsonNode> out = new ArrayList<>();
      if (!Files.exists(alerts)) {
        return out;
      }
      for (String line : Files.readAllLines(alerts, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          out.add(JSON.readTree(line));
        }
      }
      return out;
    }

    /** Whether the watch process still runs. */
    boolean isAlive() {
      return process.isAlive();
    }

    /** Stops the watch with SIGTERM, as Ctrl-C would, and returns its final log. */
    String stop() throws Exception {
      process.destroy();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("watch stops on SIGTERM").isTrue();
      String log = log();
      assertThat(log).contains("bulkhead: watch: stopped;");
      return log;
    }

    private void kill() throws InterruptedException {
      if (process.isAlive()) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  /** Reads a JSON lines file (the audit log). */
  static List<JsonNode> jsonLines(Path file) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        out.add(JSON.readTree(line));
      }
    }
    return out;
  }

  /** Stops the client and any watch, removes the container and image, stops the service. */
  @Override
  public void close() throws Exception {
    clientRunning.set(false);
    if (clientLoop != null) {
      clientLoop.interrupt();
    }
    for (Watch w : watches) {
      w.kill();
    }
    if (containerStarted) {
      Processes.run(
          null,
          List.of("podman", "--runtime", wrapper.toString(), "rm", "-f", "-t", "0", name),
          120);
    }
    if (imported) {
      Processes.run(null, List.of("podman", "rmi", "-f", image), 120);
    }
    if (service != null) {
      service.close();
    }
    Processes.run(null, List.of("rm", "-rf", work.toString()), 120);
  }
}
