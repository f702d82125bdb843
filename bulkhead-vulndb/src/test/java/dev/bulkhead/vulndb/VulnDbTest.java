package dev.bulkhead.vulndb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulkhead.core.BulkheadException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VulnDbTest {
  @TempDir Path tmp;

  @Test
  void defaultPathFollowsEnvironment() {
    assertThat(VulnDb.defaultPath(Map.of("BULKHEAD_DB", "/x/db.sqlite"), "/home/u"))
        .isEqualTo(Path.of("/x/db.sqlite"));
    assertThat(VulnDb.defaultPath(Map.of("XDG_CACHE_HOME", "/c"), "/home/u"))
        .isEqualTo(Path.of("/c/bulkhead/vulndb.sqlite"));
    assertThat(VulnDb.defaultPath(Map.of(), "/home/u"))
        .isEqualTo(Path.of("/home/u/.cache/bulkhead/vulndb.sqlite"));
  }

  @Test
  void refusesACorruptFileWithAClearMessage() throws IOException {
    Path bad = tmp.resolve("bad.sqlite");
    Files.writeString(bad, "this is not a database, just some text that is long enough to read");
    assertThatThrownBy(() -> VulnDb.open(bad))
        .isInstanceOf(BulkheadException.class)
        .hasMessageContaining(bad.toString())
        .hasMessageContaining("delete it");
    Path dirInTheWay = tmp.resolve("file");
    Files.writeString(dirInTheWay, "x");
    assertThatThrownBy(() -> VulnDb.open(dirInTheWay.resolve("sub/db.sqlite")))
        .isInstanceOf(BulkheadException.class)
        .hasMessageContaining("cannot create its directory");
  }

  @Test
  void importsTheDemoTrackerFileAndReportsStatus() throws Exception {
    Path demo = repoRoot().resolve("examples/advisories/debian-bookworm-demo.json");
    Path file = tmp.resolve("nested/dir/vulndb.sqlite");
    try (VulnDb db = VulnDb.open(file)) {
      ImportSummary s = db.importPaths(List.of(demo), m -> {});
      assertThat(s.sources())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.source()).isEqualTo("debian-tracker");
                assertThat(r.format()).isEqualTo("debian-tracker-json");
                assertThat(r.added()).isEqualTo(10);
              });
      assertThat(db.status())
          .singleElement()
          .satisfies(
              st -> {
                assertThat(st.advisories()).isEqualTo(10);
                assertThat(st.affectedRows()).isEqualTo(11);
              });
    }
    // Reopening finds the data; the same file again changes nothing.
    try (VulnDb db = VulnDb.open(file)) {
      List<SourceStatus> before = db.status();
      ImportSummary again = db.importPaths(List.of(demo), m -> {});
      assertThat(again.sources())
          .singleElement()
          .satisfies(r -> assertThat(r.unchanged()).isEqualTo(10));
      assertThat(db.status()).isEqualTo(before);
    }
  }

  @Test
  void streamsALargeTrackerFileAndSkipsMalformedEntries() throws Exception {
    Path big = tmp.resolve("tracker-data.json");
    int packages = 3000;
    try (Writer w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
      w.write("{");
      for (int p = 0; p < packages; p++) {
        w.write((p == 0 ? "" : ",") + "\"pkg" + p + "\": {");
        for (int c = 0; c < 10; c++) {
          w.write(
              (c == 0 ? "" : ",")
                  + "\"CVE-2024-"
                  + (10000 + c)
                  + "\": {\"description\": \"d\","
                  + " \"releases\": {\"bookworm\": {\"status\": \"resolved\", \"fixed_version\": \"1.0-"
                  + c
                  + "\", \"urgency\": \"low\"}, \"trixie\": {\"status\": \"open\"}}}");
        }
        w.write("}");
      }
      w.write(", \"broken\": {\"CVE-2024-1\": 5, \"CVE-2024-2\": {\"releases\": 7}}}");
    }
    List<String> progress = new ArrayList<>();
    try (VulnDb db = VulnDb.open(tmp.resolve("big.sqlite"))) {
      ImportSummary s = db.importPaths(List.of(big), progress::add);
      assertThat(s.sources())
          .singleElement()
          .satisfies(r -> assertThat(r.added()).isEqualTo(packages * 10));
      assertThat(s.warnings())
          .hasSize(2)
          .allSatisfy(w -> assertThat(w).contains("broken/CVE-2024-"));
      assertThat(db.status())
          .singleElement()
          .satisfies(st -> assertThat(st.affectedRows()).isEqualTo(packages * 20L));
      assertThat(progress).anySatisfy(p -> assertThat(p).contains("entries"));

      // A truncated file is an error naming it, and leaves the stored source as it was.
      Path truncated = tmp.resolve("truncated.json");
      byte[] bytes = Files.readAllBytes(big);
      Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
      assertThatThrownBy(() -> db.importPaths(List.of(truncated), m -> {}))
          .isInstanceOf(BulkheadException.class)
          .hasMessageContaining("truncated.json")
          .hasMessageContaining("malformed Debian tracker JSON");
      assertThat(db.status())
          .singleElement()
          .satisfies(st -> assertThat(st.advisories()).isEqualTo(packages * 10L));
    }
  }

  /** Returns the repository root (the directory holding {@code examples/}). */
  private static Path repoRoot() {
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
