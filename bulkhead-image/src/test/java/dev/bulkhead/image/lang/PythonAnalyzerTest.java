package dev.bulkhead.image.lang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.core.Package;
import dev.bulkhead.core.spi.AnalysisInput;
import dev.bulkhead.core.spi.AnalysisResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PythonAnalyzerTest {
  private final PythonAnalyzer analyzer = new PythonAnalyzer();

  private AnalysisResult fixture(String name) throws IOException {
    String resource = "/dev/bulkhead/image/lang/python/" + name;
    try (InputStream in = getClass().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      String path = "app/" + name;
      assertThat(analyzer.accepts(path, 1)).isTrue();
      return analyzer.analyze(new AnalysisInput(path, 1, in));
    }
  }

  @Test
  void readsPoetryPackageTablesOnly() throws IOException {
    assertThat(fixture("poetry.lock").packages())
        .extracting(Package::name, Package::version, Package::purl)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("certifi", "2024.7.4", "pkg:pypi/certifi@2024.7.4"),
            org.assertj.core.groups.Tuple.tuple(
                "Flask_SQLAlchemy", "3.1.1", "pkg:pypi/flask-sqlalchemy@3.1.1"));
  }

  @Test
  void readsPipfileLockDefaultAndDevelop() throws IOException {
    assertThat(fixture("Pipfile.lock").packages())
        .extracting(Package::purl)
        .containsExactly("pkg:pypi/requests@2.31.0", "pkg:pypi/pytest@8.2.2");
  }

  @Test
  void readsPinnedRequirementsOnly() throws IOException {
    AnalysisResult r = fixture("requirements.txt");
    assertThat(r.packages())
        .extracting(Package::purl)
        .containsExactly(
            "pkg:pypi/django@4.2.13",
            "pkg:pypi/requests@2.31.0",
            "pkg:pypi/ruamel-yaml@0.18.6",
            "pkg:pypi/pyyaml@6.0.1");
    assertThat(r.packages())
        .allSatisfy(p -> assertThat(p.path()).isEqualTo("app/requirements.txt"));
  }

  @Test
  void readsDebianSystemDistributionsInPlace() throws IOException {
    Path dir = Path.of("/usr/lib/python3/dist-packages");
    Path metadata;
    try (var s = Files.list(dir)) {
      metadata =
          s.filter(p -> p.getFileName().toString().endsWith(".dist-info"))
              .map(p -> p.resolve("METADATA"))
              .filter(Files::exists)
              .findFirst()
              .orElse(null);
    }
    assertThat(metadata)
        .as("a .dist-info in %s; install it with: apt-get install -y python3-yaml", dir)
        .isNotNull();
    String path = "usr/lib/python3/dist-packages/" + dir.relativize(metadata);
    String folder = metadata.getParent().getFileName().toString();
    try (InputStream in = Files.newInputStream(metadata)) {
      assertThat(analyzer.accepts(path, Files.size(metadata))).isTrue();
      Package p =
          analyzer.analyze(new AnalysisInput(path, Files.size(metadata), in)).packages().get(0);
      // The folder is NAME-VERSION.dist-info with the name's dashes escaped as underscores.
      assertThat(folder).isEqualTo(p.name().replace('-', '_') + "-" + p.version() + ".dist-info");
      assertThat(p.type()).isEqualTo("pypi");
    }
  }

  @Test
  void acceptsMetadataAndLockFilesOnly() {
    assertThat(analyzer.accepts("x/PyJWT-2.6.0.egg-info", 1)).isTrue();
    assertThat(analyzer.accepts("x/a.egg-info/PKG-INFO", 1)).isTrue();
    assertThat(analyzer.accepts("x/requirements-dev.txt", 1)).isTrue();
    assertThat(analyzer.accepts("x/a.dist-info/RECORD", 1)).isFalse();
    assertThat(analyzer.accepts("x/notes.txt", 1)).isFalse();
  }
}
