package dev.bulkhead.image.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.Report;
import dev.bulkhead.core.spi.AnalysisInput;
import dev.bulkhead.core.spi.AnalysisResult;
import dev.bulkhead.core.spi.Analyzer;
import dev.bulkhead.core.spi.Registry;
import dev.bulkhead.image.ImageScan;
import dev.bulkhead.image.testing.TestAnalyzers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectorySourceTest {
  @TempDir Path tmp;

  @Test
  void readsAcceptedFilesWithoutFollowingSymlinks() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("root"));
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("secret"), "leaked 1\n");
    Files.createDirectories(root.resolve("db"));
    Files.writeString(root.resolve("db/a"), "a 1\n");
    Files.createSymbolicLink(root.resolve("db/link"), outside.resolve("secret"));
    Files.createSymbolicLink(root.resolve("db/dirlink"), outside);
    Files.createDirectories(root.resolve("etc"));
    Files.writeString(root.resolve("etc/os-release"), "ID=debian\nVERSION_ID=12\n");

    Report report = ImageScan.of("dir:" + root).withAnalyzers(TestAnalyzers.registry()).run();

    assertThat(report.packages()).extracting(p -> p.name()).containsExactly("a");
    assertThat(report.packages().get(0).layer()).isNull();
    assertThat(report.layers()).isEmpty();
    assertThat(report.os().family()).isEqualTo("debian");
  }

  @Test
  void opensOnlyFilesAnAnalyzerAccepts() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("root"));
    for (int i = 0; i < 50; i++) {
      Files.writeString(root.resolve("f" + i), "x");
    }
    Files.writeString(root.resolve("wanted"), "y");
    List<String> opened = new ArrayList<>();
    Analyzer recorder =
        new Analyzer() {
          @Override
          public String id() {
            return "recorder";
          }

          @Override
          public int version() {
            return 1;
          }

          @Override
          public boolean accepts(String path, long size) {
            return path.equals("wanted");
          }

          @Override
          public AnalysisResult analyze(AnalysisInput input) {
            opened.add(input.path() + ":" + input.size());
            return AnalysisResult.EMPTY;
          }
        };
    ImageScan.of("dir:" + root).withAnalyzers(Registry.of(List.of(recorder), Analyzer::id)).run();
    assertThat(opened).containsExactly("wanted:1");
  }

  @Test
  void missingDirectoryIsOneClearLine() {
    assertThatThrownBy(() -> ImageScan.of("dir:" + tmp.resolve("nope")).run())
        .isInstanceOf(BulkheadException.class)
        .hasMessage(
            "directory "
                + tmp.resolve("nope")
                + " not found; pass dir:PATH to an unpacked root"
                + " filesystem");
  }
}
