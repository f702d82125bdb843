package dev.bulkhead.image.testing;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds files under the shared data directory beside the repository, read in place. */
public final class SharedData {
  private SharedData() {}

  /**
   * Returns {@code shared/data/<relative>}, found by walking up from the working directory; skips
   * the test when missing, or fails it when {@code CI=true}.
   */
  public static Path require(String relative) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/data").resolve(relative);
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    String message = "missing shared data file shared/data/" + relative + " beside the repository";
    if ("true".equals(System.getenv("CI"))) {
      fail(message);
    }
    assumeTrue(false, message);
    return null;
  }
}
