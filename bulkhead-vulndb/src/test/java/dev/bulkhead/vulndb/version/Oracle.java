package dev.bulkhead.vulndb.version;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a reference tool (dpkg, perl, rpm) without a shell and reads its answers. */
final class Oracle {
  private Oracle() {}

  /** Fails the test with the install command when {@code tool} is not on the PATH. */
  static void require(String tool, String aptPackage) {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String dir : path.split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return;
      }
    }
    fail(tool + " is needed as the reference oracle; install it: apt-get install -y " + aptPackage);
  }

  /**
   * Runs {@code command}, sends its standard output to {@code out}, and returns its exit status.
   *
   * @throws AssertionError when it does not finish within {@code timeoutSeconds}
   */
  static int run(List<String> command, Path out, int timeoutSeconds)
      throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(
                ProcessBuilder.Redirect.appendTo(out.resolveSibling("stderr.txt").toFile()))
            .start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(command + " did not finish within " + timeoutSeconds + " s");
    }
    return p.exitValue();
  }

  /** Returns the exit status of {@code command}, its output discarded. */
  static int status(List<String> command) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(command + " did not finish within 30 s");
    }
    return p.exitValue();
  }

  /** Writes pairs as tab-separated lines, one pair a line, extra columns allowed. */
  static void writeLines(Path file, List<String> lines) throws IOException {
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  /** Returns the stderr a {@link #run} call collected beside {@code out}, for failure messages. */
  static String stderrBeside(Path out) throws IOException {
    Path err = out.resolveSibling("stderr.txt");
    return Files.exists(err) ? Files.readString(err) : "";
  }
}
