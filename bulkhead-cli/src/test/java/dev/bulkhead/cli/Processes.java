package dev.bulkhead.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs external tools for tests, without a shell, and fails with their output when they fail. */
final class Processes {
  private Processes() {}

  /** The result of one finished process. */
  record Result(int exitCode, String stdout, String stderr) {}

  /** Runs {@code command} in {@code dir} (or the working directory when null) and waits. */
  static Result run(Path dir, List<String> command, long timeoutSeconds) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command);
    if (dir != null) {
      pb.directory(dir.toFile());
    }
    Path err = java.nio.file.Files.createTempFile("bh-proc", ".err");
    pb.redirectError(err.toFile());
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new IOException(
          "cannot run "
              + command.get(0)
              + "; install it (apt-get install -y "
              + packageOf(command.get(0))
              + ")",
          e);
    }
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    try {
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("timed out after " + timeoutSeconds + " s: " + command);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + command, e);
    }
    String stderr = java.nio.file.Files.readString(err, StandardCharsets.UTF_8);
    java.nio.file.Files.deleteIfExists(err);
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), stderr);
  }

  /** Runs {@code command} and fails unless it exits 0. */
  static String check(Path dir, List<String> command, long timeoutSeconds) throws IOException {
    Result r = run(dir, command, timeoutSeconds);
    if (r.exitCode() != 0) {
      throw new IOException(
          "command failed (" + r.exitCode() + "): " + command + "\n" + r.stdout() + r.stderr());
    }
    return r.stdout();
  }

  private static String packageOf(String tool) {
    switch (tool) {
      case "skopeo":
        return "skopeo";
      case "debootstrap":
        return "debootstrap";
      case "docker-registry":
        return "docker-registry";
      default:
        return tool;
    }
  }
}
