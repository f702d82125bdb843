package dev.bulkhead.core.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Locates the project's shared test data in {@code ../shared/data} beside the repository, which
 * tests read in place and never copy.
 *
 * <p>Outside CI a missing file skips the test with a message naming it; under {@code CI=true} it
 * fails the test, since CI must have the data.
 */
public final class SharedData {
  private SharedData() {}

  /** Returns the shared data file or directory at {@code relative}, or skips/fails the test. */
  public static Path require(String relative) {
    Path root = root();
    Path p = root == null ? Paths.get("../shared/data").resolve(relative) : root.resolve(relative);
    if (!Files.exists(p)) {
      String message =
          "shared test data missing: "
              + p.toAbsolutePath().normalize()
              + " (expected ../shared/data/"
              + relative
              + " beside the repository)";
      if ("true".equals(System.getenv("CI"))) {
        fail(message);
      }
      assumeTrue(false, message);
    }
    return p;
  }

  /** Returns {@code ../shared/data} found by walking up from the working directory, or null. */
  public static Path root() {
    Path dir = Paths.get("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolveSibling("shared").resolve("data");
      if (dir.getParent() != null && Files.isDirectory(candidate)) {
        return candidate;
      }
      dir = dir.getParent();
    }
    return null;
  }
}
