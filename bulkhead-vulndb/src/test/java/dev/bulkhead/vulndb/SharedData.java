package dev.bulkhead.vulndb;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the project's shared test data ({@code ../shared/data} beside the repository). */
public final class SharedData {
  private SharedData() {}

  /**
   * Returns {@code shared/data/<relative>}, found by walking up from the working directory; skips
   * the test when it is missing, or fails it when {@code CI=true}.
   */
  public static Path resolve(String relative) {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolveSibling("shared").resolve("data");
      if (Files.isDirectory(candidate)) {
        Path p = candidate.resolve(relative);
        require(p);
        return p;
      }
      dir = dir.getParent();
    }
    require(Path.of("../shared/data", relative));
    return null;
  }

  private static void require(Path p) {
    if (!Files.exists(p)) {
      String msg = "shared test data missing: " + p + " (expected beside the repository)";
      if ("true".equals(System.getenv("CI"))) {
        fail(msg);
      }
      assumeTrue(false, msg);
    }
  }

  /** Returns the repository root (the directory holding {@code examples/}). */
  public static Path repoRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("examples"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("repository root with examples/ not found");
    }
    return dir;
  }
}
