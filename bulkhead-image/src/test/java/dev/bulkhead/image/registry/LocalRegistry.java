package dev.bulkhead.image.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's {@code docker-registry} (CNCF distribution 2.8) on a free loopback port with
 * filesystem storage in a temporary directory, and pushes images to it with {@code skopeo}.
 *
 * <pre>{@code
 * try (LocalRegistry registry = LocalRegistry.start(tempDir)) {
 *   registry.push(archive, "app:1", "docker-archive");
 * }
 * }</pre>
 */
public final class LocalRegistry implements AutoCloseable {
  /** The command that installs every tool this helper runs. */
  public static final String INSTALL =
      "apt-get install -y docker-registry skopeo apache2-utils openssl";

  private final Process process;
  private final Path dir;
  private final int port;
  private final Path log;

  private LocalRegistry(Process process, Path dir, int port, Path log) {
    this.process = process;
    this.dir = dir;
    this.port = port;
    this.log = log;
  }

  /** Starts an open registry below {@code dir}. */
  public static LocalRegistry start(Path dir) throws IOException, InterruptedException {
    return start(dir, "");
  }

  /**
   * Starts a registry below {@code dir} with an extra YAML block (e.g. an {@code auth:} section,
   * indented at top level).
   */
  public static LocalRegistry start(Path dir, String extraYaml)
      throws IOException, InterruptedException {
    requireTool("docker-registry");
    int port = freePort();
    Path storage = Files.createDirectories(dir.resolve("storage"));
    String config =
        "version: 0.1\n"
            + "log:\n  level: warn\n  accesslog:\n    disabled: true\n"
            + "storage:\n  filesystem:\n    rootdirectory: "
            + storage
            + "\n  delete:\n    enabled: true\n"
            + "http:\n  addr: 127.0.0.1:"
            + port
            + "\n"
            + extraYaml;
    Path configFile = dir.resolve("registry.yml");
    Files.writeString(configFile, config);
    Path log = dir.resolve("registry.log");
    Process process =
        new ProcessBuilder("docker-registry", "serve", configFile.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    LocalRegistry registry = new LocalRegistry(process, dir, port, log);
    registry.awaitReady();
    return registry;
  }

  /** Fails with the install command when {@code tool} is not on the PATH. */
  public static void requireTool(String tool) {
    for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, tool))) {
        return;
      }
    }
    throw new IllegalStateException(tool + " is not installed; run: " + INSTALL);
  }

  /** Returns a free loopback port. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private void awaitReady() throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("docker-registry exited: " + Files.readString(log));
      }
      try {
        HttpURLConnection connection =
            (HttpURLConnection) URI.create("http://" + host() + "/v2/").toURL().openConnection();
        connection.setConnectTimeout(500);
        int status = connection.getResponseCode();
        connection.disconnect();
        if (status == 200 || status == 401) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      }
      Thread.sleep(100);
    }
    close();
    throw new IllegalStateException("docker-registry did not answer on " + host() + " in 30 s");
  }

  /** Returns {@code 127.0.0.1:PORT}. */
  public String host() {
    return "127.0.0.1:" + port;
  }

  /** Returns the port. */
  public int port() {
    return port;
  }

  /** Returns the file that stores {@code digest}'s blob in the registry's storage. */
  public Path blobFile(String digest) {
    String hex = digest.substring("sha256:".length());
    return dir.resolve("storage/docker/registry/v2/blobs/sha256")
        .resolve(hex.substring(0, 2))
        .resolve(hex)
        .resolve("data");
  }

  /**
   * Pushes {@code source} (in skopeo's {@code transport:path} form, e.g. {@code
   * docker-archive:/tmp/a.tar}) to {@code name:tag} in this registry.
   *
   * @param extraArgs more {@code skopeo copy} options, e.g. {@code --dest-creds u:p}
   */
  public void push(String source, String nameTag, String... extraArgs)
      throws IOException, InterruptedException {
    requireTool("skopeo");
    List<String> command = new ArrayList<>(List.of("skopeo", "copy", "--quiet"));
    command.add("--dest-tls-verify=false");
    command.addAll(List.of(extraArgs));
    command.add(source);
    command.add("docker://" + host() + "/" + nameTag);
    run(command, dir);
  }

  /** Runs {@code command} in {@code workDir} and fails with its output when it fails. */
  public static String run(List<String> command, Path workDir)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
    process.getOutputStream().close();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " timed out");
    }
    String text = new String(output, StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + text);
    }
    return text;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** Returns the registry's log, for assertion messages. */
  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
