package dev.bulkhead.core.suppress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.core.Finding;
import dev.bulkhead.core.Package;
import dev.bulkhead.core.Report;
import dev.bulkhead.core.Severity;
import dev.bulkhead.core.SuppressedFinding;
import dev.bulkhead.core.sbom.Purl;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuppressorTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
  private static final VexTarget DIR = VexTarget.unnamed("dir:/app");

  private static Package pkg(String name, String version, String purl, String path) {
    return new Package(name, version, null, name, version, "maven", purl, null, null, path);
  }

  private static Finding finding(String id, Package p, String... aliases) {
    return new Finding(
        id,
        p.name(),
        p.version(),
        null,
        Finding.STATUS_AFFECTED,
        Severity.HIGH,
        null,
        null,
        p.type(),
        p.name(),
        "osv",
        List.of(aliases),
        List.of());
  }

  private static final Package LOG4J =
      pkg(
          "org.apache.logging.log4j:log4j-core",
          "2.14.1",
          "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1",
          "app.jar!/BOOT-INF/lib/log4j-core-2.14.1.jar");
  private static final Package JACKSON =
      pkg(
          "com.fasterxml.jackson.core:jackson-databind",
          "2.9.8",
          "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.9.8",
          "lib/jackson-databind-2.9.8.jar");

  private static Report report(Finding... findings) {
    return new Report(
        1, "dir:/app", null, List.of(), List.of(LOG4J, JACKSON), List.of(findings), List.of());
  }

  private static VexStatement vex(String id, String status, String... products) {
    return new VexStatement(
        id,
        List.of(),
        List.of(products).stream().map(p -> VexProduct.of(Purl.parse(p))).toList(),
        status,
        "vulnerable_code_not_in_execute_path",
        "JNDI lookups are disabled",
        "v.json statement 1");
  }

  @Test
  void vexMatchesByIdOrAliasAndProductAndTheLastStatementWins() {
    Finding log4shell = finding("GHSA-jfh8-c2jp-5v3q", LOG4J, "CVE-2021-44228");
    Finding jackson = finding("CVE-2019-12384", JACKSON);
    Report r = report(log4shell, jackson);

    Report out =
        new Suppressor(
                List.of(
                    vex(
                        "CVE-2021-44228",
                        "not_affected",
                        "pkg:maven/org.apache.logging.log4j/log4j-core")),
                List.of(),
                TODAY,
                DIR)
            .apply(r);
    assertThat(out.findings()).containsExactly(jackson);
    SuppressedFinding s = out.suppressed().get(0);
    assertThat(s.finding()).isEqualTo(log4shell);
    assertThat(s.purl()).isEqualTo(LOG4J.purl());
    assertThat(s.kind()).isEqualTo(SuppressedFinding.VEX);
    assertThat(s.justification()).isEqualTo("vulnerable_code_not_in_execute_path");
    assertThat(s.reason()).isEqualTo("JNDI lookups are disabled");

    // a later "affected" statement overrides the earlier "not_affected"
    Report overridden =
        new Suppressor(
                List.of(
                    vex(
                        "CVE-2021-44228",
                        "not_affected",
                        "pkg:maven/org.apache.logging.log4j/log4j-core"),
                    vex(
                        "CVE-2021-44228",
                        "affected",
                        "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1")),
                List.of(),
                TODAY,
                DIR)
            .apply(r);
    assertThat(overridden.suppressed()).isEmpty();

    // another version, another product, "under_investigation": nothing silenced
    for (VexStatement v :
        List.of(
            vex(
                "CVE-2021-44228",
                "not_affected",
                "pkg:maven/org.apache.logging.log4j/log4j-core@2.17.1"),
            vex("CVE-2021-44228", "not_affected", "pkg:maven/org.apache.logging.log4j/log4j-api"),
            vex(
                "CVE-2021-44228",
                "under_investigation",
                "pkg:maven/org.apache.logging.log4j/log4j-core"),
            vex("CVE-2019-12384", "fixed", "pkg:npm/jackson-databind"))) {
      assertThat(new Suppressor(List.of(v), List.of(), TODAY, DIR).apply(r).findings()).hasSize(2);
    }
  }

  @Test
  void ignoreEntriesByIdPurlAndPathUntilTheyExpire() {
    Finding log4shell = finding("CVE-2021-44228", LOG4J);
    Finding jackson = finding("CVE-2019-12384", JACKSON);
    Report r = report(log4shell, jackson);
    IgnoreRule byPath =
        new IgnoreRule("cve-2021-44228", null, "app.jar!/**", "mitigated", null, "i:1");
    IgnoreRule wrongPurl =
        new IgnoreRule("CVE-2019-12384", Purl.parse("pkg:maven/other/x"), null, null, null, "i:2");
    IgnoreRule expired =
        new IgnoreRule("CVE-2019-12384", null, null, "old", TODAY.minusDays(1), "i:3");
    Report out =
        new Suppressor(List.of(), List.of(byPath, wrongPurl, expired), TODAY, DIR).apply(r);
    assertThat(out.findings()).containsExactly(jackson);
    assertThat(out.suppressed())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.kind()).isEqualTo(SuppressedFinding.IGNORE);
              assertThat(s.reason()).isEqualTo("mitigated");
              assertThat(s.source()).isEqualTo("i:1");
            });
    assertThat(out.warnings())
        .singleElement()
        .asString()
        .contains("i:3", "CVE-2019-12384", "expired on " + TODAY.minusDays(1));

    IgnoreRule lastDay = new IgnoreRule("CVE-2019-12384", null, null, "ok", TODAY, "i:4");
    Report stillValid = new Suppressor(List.of(), List.of(lastDay), TODAY, DIR).apply(r);
    assertThat(stillValid.suppressed()).hasSize(1);
    assertThat(stillValid.suppressed().get(0).reason()).isEqualTo("ok (until " + TODAY + ")");
    assertThat(stillValid.warnings()).isEmpty();
  }

  private static VexStatement scoped(String product, String sub) {
    return new VexStatement(
        "CVE-2021-44228",
        List.of(),
        List.of(new VexProduct(Purl.parse(product), List.of(Purl.parse(sub)))),
        "not_affected",
        null,
        null,
        "v.json statement 1");
  }

  @Test
  void imageProductsWithSubcomponentsApplyOnlyToThatImage() {
    Report r = report(finding("CVE-2021-44228", LOG4J));
    String log4j = "pkg:maven/org.apache.logging.log4j/log4j-core";
    String digest = "sha256:" + "ab".repeat(32);
    VexTarget byDigest = new VexTarget("myorg/app", digest, "registry.example/myorg/app@" + digest);
    VexTarget byTag = new VexTarget("library/alpine", null, "alpine:3.19");
    record Case(String product, VexTarget target, boolean silenced) {}
    for (Case c :
        List.of(
            new Case("pkg:oci/app?repository_url=registry.example/myorg/app", byDigest, true),
            new Case("pkg:oci/app@" + digest.replace(":", "%3A"), byDigest, true),
            new Case("pkg:oci/app@sha256%3A" + "cd".repeat(32), byDigest, false),
            new Case("pkg:oci/other", byDigest, false),
            new Case("pkg:docker/myorg/app", byDigest, true),
            new Case("pkg:docker/otherorg/app", byDigest, false),
            new Case("pkg:docker/alpine@3.19", byTag, true),
            new Case("pkg:docker/library/alpine", byTag, true),
            new Case("pkg:oci/alpine@" + digest, byTag, false), // digest unknown: not confirmed
            new Case("pkg:oci/app", DIR, false),
            // a package product with subcomponents keeps working on any target
            new Case("pkg:maven/com.example/app", DIR, true))) {
      Report out =
          new Suppressor(List.of(scoped(c.product(), log4j)), List.of(), TODAY, c.target())
              .apply(r);
      assertThat(out.suppressed()).as(c.toString()).hasSize(c.silenced() ? 1 : 0);
      if (!c.silenced()) {
        assertThat(out.warnings())
            .as(c.toString())
            .singleElement()
            .asString()
            .contains("v.json statement 1", "not the scanned target", c.target().description());
      } else {
        assertThat(out.warnings()).as(c.toString()).isEmpty();
      }
    }
  }

  @Test
  void aFindingThatNamesItsPathIsSilencedOnlyForThatCopy() {
    Package inTool =
        pkg(LOG4J.name(), LOG4J.version(), LOG4J.purl(), "opt/tool/lib/log4j-core-2.14.1.jar");
    Report r =
        new Report(
            1,
            "dir:/app",
            null,
            List.of(),
            List.of(LOG4J, inTool, JACKSON),
            List.of(
                located(finding("CVE-2021-44228", LOG4J), LOG4J),
                located(finding("CVE-2021-44228", inTool), inTool)),
            List.of());
    IgnoreRule appOnly =
        new IgnoreRule("CVE-2021-44228", null, "app.jar!/**", "app disables JNDI", null, "i:1");
    Report out = new Suppressor(List.of(), List.of(appOnly), TODAY, DIR).apply(r);
    assertThat(out.suppressed())
        .singleElement()
        .satisfies(s -> assertThat(s.finding().path()).isEqualTo(LOG4J.path()));
    assertThat(out.findings())
        .singleElement()
        .satisfies(f -> assertThat(f.path()).isEqualTo(inTool.path()));
    assertThat(out.warnings()).isEmpty();
  }

  private static Finding located(Finding f, Package p) {
    return new Finding(
        f.vulnerabilityId(),
        f.packageName(),
        f.installedVersion(),
        f.fixedVersion(),
        f.status(),
        f.severity(),
        f.title(),
        f.layer(),
        f.packageType(),
        f.sourceName(),
        f.dataSource(),
        f.aliases(),
        f.references(),
        p.purl(),
        p.path());
  }

  @Test
  void aPathEntryMustCoverEveryCopyOfAPackageVersion() {
    Package inApp = LOG4J;
    Package inTool =
        pkg(LOG4J.name(), LOG4J.version(), LOG4J.purl(), "opt/tool/lib/log4j-core-2.14.1.jar");
    Report r =
        new Report(
            1,
            "dir:/app",
            null,
            List.of(),
            List.of(inApp, inTool, JACKSON),
            List.of(finding("CVE-2021-44228", inApp), finding("CVE-2021-44228", inTool)),
            List.of());
    IgnoreRule appOnly =
        new IgnoreRule("CVE-2021-44228", null, "app.jar!/**", "app disables JNDI", null, "i:1");
    Report out = new Suppressor(List.of(), List.of(appOnly), TODAY, DIR).apply(r);
    assertThat(out.suppressed()).isEmpty();
    assertThat(out.findings()).hasSize(2);
    assertThat(out.warnings())
        .singleElement()
        .asString()
        .contains("i:1", "covers 1 of the 2 copies", "opt/tool/lib/log4j-core-2.14.1.jar");

    IgnoreRule both =
        new IgnoreRule("CVE-2021-44228", null, "**/log4j-core-*.jar", null, null, "i:2");
    Report all = new Suppressor(List.of(), List.of(both), TODAY, DIR).apply(r);
    assertThat(all.suppressed()).hasSize(2);
    assertThat(all.warnings()).isEmpty();
  }
}
