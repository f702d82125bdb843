package dev.bulkhead.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real podman API service (Docker Engine API) on a private UNIX socket, for tests that talk to a
 * container engine. Started with the repository's OCI runtime wrapper ({@code .ci/runc-norlimit})
 * when one is given, so the containers it starts run on this machine.
 */
public final class PodmanService implements AutoCloseable {
  private final Process process;
  private final Path socket;

  private PodmanService(Process process, Path socket) {
    this.process = process;
    this.socket = socket;
  }

  /** The repository's OCI runtime wrapper, seen from a module directory. */
  public static Path runtimeWrapper() {
    return Paths.get("..", ".ci", "runc-norlimit").toAbsolutePath().normalize();
  }

  /**
   * Starts {@code podman [--runtime RUNTIME] system service} on {@code dir/podman.sock}, its log in
   * {@code dir/service.log}, and waits up to 15 s for the socket.
   *
   * @param runtime the OCI runtime podman runs containers with, or null for podman's default
   * @throws IllegalStateException when the socket does not appear
   */
  public static PodmanService start(Path dir, Path runtime)
      throws IOException, InterruptedException {
    Path socket = dir.resolve("podman.sock");
    List<String> cmd = new ArrayList<>(List.of("podman"));
    if (runtime != null) {
      cmd.add("--runtime");
      cmd.add(runtime.toString());
    }
    cmd.addAll(List.of("system", "service", "--time=0", "unix://" + socket.toAbsolutePath()));
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("service.log").toFile())
            .start();
    for (int i = 0; i < 150 && !Files.exists(socket); i++) {
      Thread.sleep(100);
    }
    PodmanService service = new PodmanService(p, socket);
    if (!Files.exists(socket)) {
      service.close();
      throw new IllegalStateException(
          "podman system service did not create " + socket + "; see " + dir.resolve("service.log"));
    }
    return service;
  }

  /** The socket's path. */
  public Path socket() {
    return socket;
  }

  /** The engine address, {@code unix:///...}. */
  public String address() {
    return "unix://" + socket.toAbsolutePath();
  }

  /** Stops the service. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
