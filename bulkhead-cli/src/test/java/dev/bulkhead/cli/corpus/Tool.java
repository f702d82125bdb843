package dev.bulkhead.cli.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs external tools for the corpus tests, without a shell, failing with their output. */
final class Tool {
  private static final Map<String, String> PACKAGES =
      Map.of(
          "ssh-keygen", "openssh-client",
          "gpg", "gnupg",
          "gpgconf", "gnupg",
          "debootstrap", "debootstrap",
          "rg", "ripgrep");

  private Tool() {}

  /** Runs {@code command} in {@code dir} (working directory when null); returns its stdout. */
  static String run(Path dir, List<String> command, long timeoutSeconds) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command);
    if (dir != null) {
      pb.directory(dir.toFile());
    }
    Path err = Files.createTempFile("bh-corpus", ".err");
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
    if (p.exitValue() != 0) {
      throw new IOException(
          "command failed ("
              + p.exitValue()
              + "): "
              + command
              + "\n"
              + head(stderr)
              + head(new String(out, StandardCharsets.UTF_8)));
    }
    return new String(out, StandardCharsets.UTF_8);
  }

  private static String head(String text) {
    return text.length() <= 2000 ? text : text.substring(0, 2000) + "...\n";
  }
}
