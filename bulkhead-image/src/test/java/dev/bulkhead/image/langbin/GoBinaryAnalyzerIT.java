package dev.bulkhead.image.langbin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.core.Package;
import dev.bulkhead.core.spi.AnalysisResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reads the Go binaries that Debian 12 ships. Debian builds them in GOPATH mode with Go 1.19.8, so
 * the build info holds the Go version and a {@code path} line but no {@code mod}/{@code dep} lines
 * (checked with {@code objcopy --only-section=.go.buildinfo}).
 */
class GoBinaryAnalyzerIT {

  @ParameterizedTest
  @CsvSource({
    "/usr/bin/docker-registry, docker-registry",
    "/usr/bin/skopeo, skopeo",
    "/usr/bin/podman, podman"
  })
  void readsTheStandardLibraryVersionOfDebiansGoBinaries(String file, String pkg) throws Exception {
    Path binary = Path.of(file);
    assertThat(Files.isRegularFile(binary))
        .as("%s is missing; install it with: apt-get install -y %s", file, pkg)
        .isTrue();

    AnalysisResult r = LangFiles.analyze(new GoBinaryAnalyzer(), file.substring(1), binary);

    assertThat(r.warnings()).isEmpty();
    assertThat(r.packages()).extracting(Package::purl).containsExactly("pkg:golang/stdlib@v1.19.8");
    assertThat(r.packages().get(0).path()).isEqualTo(file.substring(1));
    assertThat(LangFiles.analyze(new RustBinaryAnalyzer(), file.substring(1), binary).packages())
        .isEmpty();
    // The single-pass analyzer the scans use gives the same packages from one spool.
    AnalysisResult both = LangFiles.analyze(new ElfBinaryAnalyzer(), file.substring(1), binary);
    assertThat(both.packages()).isEqualTo(r.packages());
    assertThat(both.warnings()).isEmpty();
  }
}
