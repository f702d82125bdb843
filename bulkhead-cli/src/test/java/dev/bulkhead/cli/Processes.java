package dev.bulkhead.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs external tools for tests, without a shell, and fails with their output when they fail. */
public final class Processes {
  /** The Debian package to install for tools whose package has another name. */
  private static final Map<String, String> PACKAGES =
      Map.of(
          "ssh-keygen", "openssh-client",
          "gpg", "gnupg",
          "gpgconf", "gnupg",
          "rg", "ripgrep");

  private Processes() {}

  /**
   * Holds the outcome of one finished process.
   *
   * @param exitCode the process's exit code
   * @param stdout its standard output, decoded as UTF-8
   * @param stderr its standard error, decoded as UTF-8
   */
  record Result(int exitCode, String stdout, String stderr) {}

  /**
   * Runs {@code command} in {@code dir} (or the working directory when null) and waits.
   *
   * @throws IOException if the tool is missing (the message names the package to install), times
   *     out or is interrupted
   */
  static Result run(Path dir, List<String> command, long timeoutSeconds) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command);
    if (dir != null) {
      pb.directory(dir.toFile());
    }
    Path err = Files.createTempFile("bh-proc", ".err");
    pb.redirectError(err.toFile());
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      String tool = command.get(0);
      throw new IOException(
          "cannot run "
              + tool
              + "; install it (apt-get install -y "
              + PACKAGES.getOrDefault(tool, tool)
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
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    Files.deleteIfExists(err);
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), stderr);
  }

  /**
   * Runs {@code command} like {@link #run} and returns its standard output.
   *
   * @throws IOException also when it exits non-zero, with the start of its output in the message
   */
  public static String check(Path dir, List<String> command, long timeoutSeconds)
      throws IOException {
    Result r = run(dir, command, timeoutSeconds);
    if (r.exitCode() != 0) {
      throw new IOException(
          "command failed ("
              + r.exitCode()
              + "): "
              + command
              + "\n"
              + head(r.stdout())
              + head(r.stderr()));
    }
    return r.stdout();
  }

  private static String head(String text) {
    return text.length() <= 2000 ? text : text.substring(0, 2000) + "...\n";
  }
}
