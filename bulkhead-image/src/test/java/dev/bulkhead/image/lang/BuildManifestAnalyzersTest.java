package dev.bulkhead.image.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.bulkhead.core.Package;
import dev.bulkhead.core.spi.AnalysisInput;
import dev.bulkhead.core.spi.AnalysisResult;
import dev.bulkhead.core.spi.Analyzer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BuildManifestAnalyzersTest {
  private static AnalysisResult analyze(Analyzer a, String path, String content)
      throws IOException {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    assertThat(a.accepts(path, bytes.length)).as(path).isTrue();
    return a.analyze(new AnalysisInput(path, bytes.length, new ByteArrayInputStream(bytes)));
  }

  private static final String POM =
      "<?xml version=\"1.0\"?>\n"
          + "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
          + "  <modelVersion>4.0.0</modelVersion>\n"
          + "  <parent><groupId>com.example</groupId><artifactId>parent</artifactId>"
          + "<version>3.1.0</version></parent>\n"
          + "  <artifactId>app</artifactId>\n"
          + "  <properties><log4j.version>2.14.1</log4j.version>"
          + "<jackson>2.9.${jackson.patch}</jackson><jackson.patch>10</jackson.patch></properties>\n"
          + "  <dependencies>\n"
          + "    <dependency><groupId>org.apache.logging.log4j</groupId>"
          + "<artifactId>log4j-core</artifactId><version>${log4j.version}</version></dependency>\n"
          + "    <dependency><groupId>com.fasterxml.jackson.core</groupId>"
          + "<artifactId>jackson-databind</artifactId><version>${jackson}</version></dependency>\n"
          + "    <dependency><groupId>${project.groupId}</groupId><artifactId>app-common</artifactId>"
          + "<version>${project.version}</version></dependency>\n"
          + "    <dependency><groupId>org.springframework</groupId>"
          + "<artifactId>spring-core</artifactId></dependency>\n"
          + "    <dependency><groupId>com.google.guava</groupId><artifactId>guava</artifactId>"
          + "<version>[30.0,)</version></dependency>\n"
          + "    <dependency><groupId>junit</groupId><artifactId>junit</artifactId>"
          + "<version>4.12</version><scope>test</scope></dependency>\n"
          + "  </dependencies>\n"
          + "  <dependencyManagement><dependencies><dependency><groupId>x</groupId>"
          + "<artifactId>managed</artifactId><version>1</version></dependency></dependencies>"
          + "</dependencyManagement>\n"
          + "</project>\n";

  @Test
  void pomListsDeclaredDependenciesWithVersionsResolvedFromTheFile() throws IOException {
    AnalysisResult r = analyze(new PomAnalyzer(), "src/app/pom.xml", POM);
    assertThat(r.packages())
        .extracting(Package::name, Package::version, Package::purl, Package::path)
        .containsExactly(
            tuple(
                "org.apache.logging.log4j:log4j-core",
                "2.14.1",
                "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1",
                "src/app/pom.xml"),
            tuple(
                "com.fasterxml.jackson.core:jackson-databind",
                "2.9.10",
                "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.9.10",
                "src/app/pom.xml"),
            tuple(
                "com.example:app-common",
                "3.1.0",
                "pkg:maven/com.example/app-common@3.1.0",
                "src/app/pom.xml"));
    assertThat(r.warnings()).hasSize(1);
    assertThat(r.warnings().get(0)).contains("2 declared dependencies");
  }

  @Test
  void pomRefusesDoctypesAndReportsBrokenXml() throws IOException {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<project><dependencies><dependency><groupId>a</groupId><artifactId>&x;</artifactId>"
            + "<version>1</version></dependency></dependencies></project>";
    AnalysisResult r = analyze(new PomAnalyzer(), "pom.xml", xxe);
    assertThat(r.packages()).allSatisfy(p -> assertThat(p.name()).doesNotContain("root:"));
    AnalysisResult broken = analyze(new PomAnalyzer(), "pom.xml", "<project><dependencies>");
    assertThat(broken.packages()).isEmpty();
    assertThat(broken.warnings()).singleElement().asString().contains("pom.xml");
    assertThat(new PomAnalyzer().accepts("root/.m2/repository/a/b/1/pom.xml", 10)).isFalse();
  }

  @Test
  void gradleLockfileListsEveryPinnedArtifact() throws IOException {
    String lock =
        "# This is a Gradle generated file for dependency locking.\n"
            + "# Manual edits can break the build and are not advised.\n"
            + "# This file is expected to be part of source control.\n"
            + "com.google.guava:guava:31.1-jre=compileClasspath,runtimeClasspath\n"
            + "org.apache.logging.log4j:log4j-core:2.14.1=runtimeClasspath\n"
            + "not a coordinate\n"
            + "empty=annotationProcessor\n";
    AnalysisResult r = analyze(new GradleLockfileAnalyzer(), "app/gradle.lockfile", lock);
    assertThat(r.packages())
        .extracting(Package::purl)
        .containsExactly(
            "pkg:maven/com.google.guava/guava@31.1-jre",
            "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
    assertThat(r.warnings()).singleElement().asString().contains("line 6");
  }
}
