package dev.bulkhead.image.lang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.core.Package;
import dev.bulkhead.core.spi.AnalysisInput;
import dev.bulkhead.core.spi.AnalysisResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NpmAnalyzerTest {
  private static final String CODE_FRAME = "pkg:npm/%40babel/code-frame@7.12.13";
  private static final String LODASH = "pkg:npm/lodash@4.17.20";
  private final NpmAnalyzer analyzer = new NpmAnalyzer();

  private AnalysisResult fixture(String resource, String path) throws IOException {
    try (InputStream in =
        getClass().getResourceAsStream("/dev/bulkhead/image/lang/npm/" + resource)) {
      assertThat(in).as(resource).isNotNull();
      assertThat(analyzer.accepts(path, 1)).isTrue();
      return analyzer.analyze(new AnalysisInput(path, 1, in));
    }
  }

  @Test
  void readsYarnV1() throws IOException {
    assertThat(fixture("yarn-v1.lock", "app/yarn.lock").packages())
        .extracting(Package::purl)
        .containsExactly(CODE_FRAME, LODASH);
  }

  @Test
  void readsYarnBerrySkippingTheWorkspace() throws IOException {
    assertThat(fixture("yarn-berry.lock", "app/yarn.lock").packages())
        .extracting(Package::name, Package::version)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("@babel/code-frame", "7.12.13"),
            org.assertj.core.groups.Tuple.tuple("lodash", "4.17.20"));
  }

  @Test
  void readsPnpmV5V6AndV9Keys() throws IOException {
    for (String f : new String[] {"pnpm-v5.yaml", "pnpm-v6.yaml", "pnpm-v9.yaml"}) {
      assertThat(fixture(f, "app/pnpm-lock.yaml").packages())
          .as(f)
          .extracting(Package::purl)
          .containsExactly(CODE_FRAME, LODASH, "pkg:npm/react-dom@18.2.0");
    }
  }

  @Test
  void readsPackageLockV3PackagesWithAliasesAndNesting() throws IOException {
    AnalysisResult r = fixture("package-lock-v3.json", "srv/package-lock.json");
    assertThat(r.packages())
        .extracting(Package::purl)
        .containsExactly(CODE_FRAME, LODASH, "pkg:npm/lodash@3.10.1", "pkg:npm/lodash@4.17.4");
    assertThat(r.packages())
        .allSatisfy(p -> assertThat(p.path()).isEqualTo("srv/package-lock.json"));
  }

  @Test
  void readsAnInstalledManifest() throws IOException {
    byte[] json =
        "{\"name\":\"@babel/code-frame\",\"version\":\"7.12.13\"}".getBytes(StandardCharsets.UTF_8);
    String path = "usr/lib/node_modules/@babel/code-frame/package.json";
    assertThat(analyzer.accepts(path, json.length)).isTrue();
    AnalysisResult r =
        analyzer.analyze(new AnalysisInput(path, json.length, new ByteArrayInputStream(json)));
    assertThat(r.packages())
        .extracting(Package::purl, Package::type)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(CODE_FRAME, "npm"));
  }

  @Test
  void refusesAnOversizedManifest() {
    byte[] big = new byte[NpmAnalyzer.MAX_MANIFEST + 1];
    java.util.Arrays.fill(big, (byte) ' ');
    String path = "node_modules/x/package.json";
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                analyzer.analyze(
                    new AnalysisInput(path, big.length, new ByteArrayInputStream(big))))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(path)
        .hasMessageContaining("larger than");
  }

  @Test
  void acceptsPackageRootsAndLockfilesOutsideNodeModulesOnly() {
    assertThat(analyzer.accepts("node_modules/lodash/package.json", 1)).isTrue();
    assertThat(analyzer.accepts("a/node_modules/b/node_modules/@s/c/package.json", 1)).isTrue();
    assertThat(analyzer.accepts("node_modules/lodash/fp/package.json", 1)).isFalse();
    assertThat(analyzer.accepts("node_modules/@s/package.json", 1)).isFalse();
    assertThat(analyzer.accepts("app/package.json", 1)).isFalse();
    assertThat(analyzer.accepts("node_modules/x/package-lock.json", 1)).isFalse();
    assertThat(analyzer.accepts("node_modules/.package-lock.json", 1)).isFalse();
    assertThat(analyzer.accepts("my_node_modules/x/package.json", 1)).isFalse();
  }
}
