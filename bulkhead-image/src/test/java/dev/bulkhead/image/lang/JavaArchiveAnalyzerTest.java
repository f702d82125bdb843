package dev.bulkhead.image.lang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.core.Package;
import dev.bulkhead.core.spi.AnalysisInput;
import dev.bulkhead.core.spi.AnalysisResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JavaArchiveAnalyzerTest {
  private static final String LOG4J_CORE = "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1";
  private static final String LOG4J_API = "pkg:maven/org.apache.logging.log4j/log4j-api@2.14.1";
  private final JavaArchiveAnalyzer analyzer = new JavaArchiveAnalyzer();

  private AnalysisResult analyze(String path, byte[] bytes) throws IOException {
    assertThat(analyzer.accepts(path, bytes.length)).isTrue();
    return analyzer.analyze(new AnalysisInput(path, bytes.length, new ByteArrayInputStream(bytes)));
  }

  private static byte[] fatJar() throws IOException {
    Map<String, byte[]> e = new LinkedHashMap<>();
    e.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
    e.put(
        "META-INF/maven/com.example/app/pom.properties",
        "groupId=com.example\nartifactId=app\nversion=1.0.0\n".getBytes(StandardCharsets.UTF_8));
    e.put("BOOT-INF/classes/com/example/App.class", new byte[] {(byte) 0xca, (byte) 0xfe});
    e.put("BOOT-INF/lib/log4j-core-2.14.1.jar", JarFixtures.real("log4j-core-2.14.1.jar"));
    e.put("BOOT-INF/lib/log4j-api-2.14.1.jar", JarFixtures.real("log4j-api-2.14.1.jar"));
    return JarFixtures.zip(e, true);
  }

  @Test
  void findsLog4jInsideASpringBootFatJarWithTheNestedPath() throws IOException {
    AnalysisResult r = analyze("app/app.jar", fatJar());

    assertThat(r.warnings()).isEmpty();
    assertThat(r.packages())
        .extracting(Package::purl, Package::path)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("pkg:maven/com.example/app@1.0.0", "app/app.jar"),
            org.assertj.core.groups.Tuple.tuple(
                LOG4J_CORE, "app/app.jar!/BOOT-INF/lib/log4j-core-2.14.1.jar"),
            org.assertj.core.groups.Tuple.tuple(
                LOG4J_API, "app/app.jar!/BOOT-INF/lib/log4j-api-2.14.1.jar"));
    Package core =
        r.packages().stream().filter(p -> p.purl().equals(LOG4J_CORE)).findFirst().orElseThrow();
    assertThat(core.name()).isEqualTo("org.apache.logging.log4j:log4j-core");
    assertThat(core.version()).isEqualTo("2.14.1");
    assertThat(core.type()).isEqualTo("maven");
    assertThat(core.sourceName()).isEqualTo(core.name());
  }

  @Test
  void readsAFullyExecutableJarWithALaunchScriptInFront() throws IOException {
    byte[] script =
        "#!/bin/bash\n# Spring Boot launch script\nexec java -jar \"$0\" \"$@\"\n"
            .getBytes(StandardCharsets.UTF_8);
    byte[] jar = fatJar();
    byte[] executable = new byte[script.length + jar.length];
    System.arraycopy(script, 0, executable, 0, script.length);
    System.arraycopy(jar, 0, executable, script.length, jar.length);

    AnalysisResult r = analyze("app/app.jar", executable);

    assertThat(r.packages())
        .extracting(Package::purl)
        .containsExactlyInAnyOrder("pkg:maven/com.example/app@1.0.0", LOG4J_CORE, LOG4J_API);
  }

  @Test
  void fallsBackToStreamingWhenTheCentralDirectoryIsDamaged() throws IOException {
    byte[] jar = fatJar();
    // Break the end-of-central-directory signature: only the local headers remain usable.
    for (int i = jar.length - 22; i >= 0; i--) {
      if (jar[i] == 0x50 && jar[i + 1] == 0x4b && jar[i + 2] == 5 && jar[i + 3] == 6) {
        jar[i + 3] = 9;
        break;
      }
    }
    AnalysisResult r = analyze("app/app.jar", jar);

    assertThat(r.packages())
        .as("%s", r.warnings())
        .extracting(Package::purl)
        .containsExactlyInAnyOrder("pkg:maven/com.example/app@1.0.0", LOG4J_CORE, LOG4J_API);
  }

  @Test
  void recursesThroughAnEarIntoAWarsDeflatedLibraries() throws IOException {
    Map<String, byte[]> war = new LinkedHashMap<>();
    war.put("WEB-INF/web.xml", "<web-app/>".getBytes(StandardCharsets.UTF_8));
    war.put("WEB-INF/lib/log4j-core-2.14.1.jar", JarFixtures.real("log4j-core-2.14.1.jar"));
    Map<String, byte[]> ear = new LinkedHashMap<>();
    ear.put("web.war", JarFixtures.zip(war, false));

    AnalysisResult r = analyze("srv/app.ear", JarFixtures.zip(ear, false));

    assertThat(r.packages())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.purl()).isEqualTo(LOG4J_CORE);
              assertThat(p.path())
                  .isEqualTo("srv/app.ear!/web.war!/WEB-INF/lib/log4j-core-2.14.1.jar");
            });
  }

  @Test
  void listsEveryPomPropertiesOfAShadedJar() throws IOException {
    AnalysisResult r =
        analyze("usr/share/java/shared.jar", JarFixtures.real("surefire-shared-utils-3.5.3.jar"));

    assertThat(r.packages())
        .extracting(Package::purl)
        .containsExactlyInAnyOrder(
            "pkg:maven/org.apache.maven.shared/maven-shared-utils@3.3.4",
            "pkg:maven/commons-io/commons-io@2.18.0",
            "pkg:maven/org.apache.commons/commons-lang3@3.17.0",
            "pkg:maven/org.apache.commons/commons-compress@1.27.1",
            "pkg:maven/commons-codec/commons-codec@1.17.1");
  }

  @Test
  void fallsBackToTheManifestAndFileName() throws IOException {
    byte[] stripped =
        JarFixtures.filter(
            JarFixtures.real("log4j-core-2.14.1.jar"), n -> !n.startsWith("META-INF/maven/"));
    assertThat(analyze("lib/log4j-core-2.14.1.jar", stripped).packages())
        .extracting(Package::purl)
        .containsExactly(LOG4J_CORE);

    byte[] bare = JarFixtures.filter(stripped, n -> !n.startsWith("META-INF/"));
    assertThat(analyze("lib/log4j-core-2.14.1.jar", bare).packages())
        .extracting(Package::name, Package::purl)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("log4j-core", "pkg:maven/log4j-core@2.14.1"));
  }

  @Test
  void stopsAtTheNestingDepthWithAWarning() throws IOException {
    byte[] inner = JarFixtures.real("log4j-api-2.14.1.jar");
    for (int i = 0; i < JarScanner.MAX_DEPTH + 1; i++) {
      inner = JarFixtures.zip(Map.of("l" + i + ".jar", inner), false);
    }
    AnalysisResult r = analyze("deep.jar", inner);

    assertThat(r.packages()).isEmpty();
    assertThat(r.warnings()).singleElement().asString().contains("nested deeper than 4");
  }

  @Test
  void stopsANestedZipBombWithAWarning() throws IOException {
    // Each nested jar holds 48 MiB of stored zeros and deflates to about 50 KiB in the outer one:
    // inflating the nested jars to look inside them runs through the budget.
    byte[] inner =
        JarFixtures.zip(Map.of("zeros.jar", new byte[48 * 1024 * 1024]), /* stored= */ true);
    Map<String, byte[]> level = new LinkedHashMap<>();
    for (int j = 0; j < 8; j++) {
      level.put("b" + j + ".jar", inner);
    }
    byte[] bomb = JarFixtures.zip(level, false);
    assertThat(bomb.length).isLessThan(2 * 1024 * 1024);

    AnalysisResult r = analyze("bomb.jar", bomb);

    assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("decompression budget"));
  }

  @Test
  void neverInflatesEntriesItDoesNotNeed() throws IOException {
    // 512 nested entries of 16 MiB of zeros: 8 GiB if inflated, far beyond the budget; only the
    // nested archives are opened, so no budget warning and nothing found.
    byte[] zeros = new byte[16 * 1024 * 1024];
    byte[] bomb = JarFixtures.zip(Map.of("zeros.bin", zeros), false);
    for (int i = 0; i < 3; i++) {
      Map<String, byte[]> level = new LinkedHashMap<>();
      for (int j = 0; j < 8; j++) {
        level.put("b" + j + ".jar", bomb);
      }
      bomb = JarFixtures.zip(level, false);
    }
    assertThat(bomb.length).isLessThan(8 * 1024 * 1024);

    AnalysisResult r = analyze("bomb.jar", bomb);

    assertThat(r.packages()).isEmpty();
    assertThat(r.warnings()).noneSatisfy(w -> assertThat(w).contains("decompression budget"));
  }

  @Test
  void readsGarbageAsAWarningNotAnException() throws IOException {
    Map<String, byte[]> e = new LinkedHashMap<>();
    e.put("lib/broken.jar", "not a zip at all".getBytes(StandardCharsets.UTF_8));
    e.put("lib/log4j-api-2.14.1.jar", JarFixtures.real("log4j-api-2.14.1.jar"));
    AnalysisResult r = analyze("x.war", JarFixtures.zip(e, false));

    assertThat(r.packages()).extracting(Package::purl).containsExactly(LOG4J_API);
  }

  @Test
  void acceptsArchiveNamesOnly() {
    assertThat(analyzer.accepts("opt/app/plugin.HPI", 100)).isTrue();
    assertThat(analyzer.accepts("opt/app/x.jpi", 100)).isTrue();
    assertThat(analyzer.accepts("opt/app/jar", 100)).isFalse();
    assertThat(analyzer.accepts("opt/app/.jar", 100)).isFalse();
    assertThat(analyzer.accepts("opt/app/a.jar", 10)).isFalse();
    assertThat(analyzer.accepts("opt/app/a.jar.txt", 100)).isFalse();
  }
}
