package dev.bulkhead.vulndb.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.bulkhead.core.Finding;
import dev.bulkhead.core.Package;
import dev.bulkhead.core.Severity;
import dev.bulkhead.core.testing.SharedData;
import dev.bulkhead.vulndb.VulnDb;
import dev.bulkhead.vulndb.model.Range;
import dev.bulkhead.vulndb.store.AdvisoryStore;
import dev.bulkhead.vulndb.version.VersionScheme;
import dev.bulkhead.vulndb.version.VersionSchemes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LanguageMatchTest {
  @TempDir Path tmp;

  private static Package lang(String type, String name, String version, String path) {
    return new Package(
        name, version, null, name, version, type, "pkg:" + type + "/" + name, null, null, path);
  }

  private Path osv(String file, String json) throws Exception {
    Path dir = tmp.resolve("osv");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(file), json);
    return dir;
  }

  private static String advisory(String id, String aliases, String extra, String affected) {
    return "{\"id\":\""
        + id
        + "\",\"modified\":\"2024-01-01T00:00:00Z\",\"aliases\":["
        + aliases
        + "]"
        + extra
        + ",\"affected\":["
        + affected
        + "]}";
  }

  private static String affected(String eco, String name, String type, String events) {
    return "{\"package\":{\"ecosystem\":\""
        + eco
        + "\",\"name\":\""
        + name
        + "\"},\"ranges\":[{\"type\":\""
        + type
        + "\",\"events\":["
        + events
        + "]}]}";
  }

  @Test
  void evaluatesRangesPerEcosystemAndFoldsAliasesToTheCve() throws Exception {
    osv(
        "GHSA-aaaa.json",
        advisory(
            "GHSA-aaaa-bbbb-cccc",
            "\"CVE-2024-0001\"",
            ",\"summary\":\"Template injection\",\"database_specific\":{\"severity\":\"MODERATE\"}",
            affected(
                "PyPI", "Jinja2", "ECOSYSTEM", "{\"introduced\":\"0\"},{\"fixed\":\"2.10.1\"}")));
    // The PyPA record of the same flaw names the GHSA as an alias and carries a CVSS v4 vector.
    osv(
        "PYSEC-2024-1.json",
        advisory(
            "PYSEC-2024-1",
            "\"GHSA-aaaa-bbbb-cccc\"",
            ",\"severity\":[{\"type\":\"CVSS_V4\",\"score\":"
                + "\"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N\"}]",
            affected(
                "PyPI", "jinja2", "ECOSYSTEM", "{\"introduced\":\"2.0\"},{\"fixed\":\"2.10.1\"}")));
    osv(
        "RUSTSEC-2024-1.json",
        advisory(
            "RUSTSEC-2024-0001",
            "",
            "",
            affected(
                "crates.io",
                "foo_bar",
                "SEMVER",
                "{\"introduced\":\"0.0.0-0\"},{\"fixed\":\"0.9.0\"},{\"introduced\":\"1.0.0\"},"
                    + "{\"last_affected\":\"1.2.0\"}")));
    osv(
        "GHSA-npm.json",
        advisory(
            "GHSA-npm0-0000-0000",
            "\"CVE-2024-0002\"",
            "",
            affected(
                "npm",
                "@scope/pkg",
                "SEMVER",
                "{\"introduced\":\"1.0.0\"},{\"limit\":\"2.0.0\"},{\"fixed\":\"3.0.0\"}")));
    osv(
        "GHSA-withdrawn.json",
        "{\"id\":\"GHSA-wwww-wwww-wwww\",\"modified\":\"2024-01-01T00:00:00Z\","
            + "\"withdrawn\":\"2024-02-01T00:00:00Z\",\"affected\":["
            + affected("Maven", "org.example:lib", "ECOSYSTEM", "{\"introduced\":\"0\"}")
            + "]}");
    osv(
        "GHSA-maven.json",
        advisory(
            "GHSA-mmmm-mmmm-mmmm",
            "\"CVE-2024-0003\"",
            "",
            "{\"package\":{\"ecosystem\":\"Maven\",\"name\":\"org.example:lib\"},"
                + "\"versions\":[\"1.0-beta-2\"]},"
                + affected(
                    "Maven",
                    "org.example:lib",
                    "ECOSYSTEM",
                    "{\"introduced\":\"2.0-rc1\"},{\"fixed\":\"2.0.1\"}")));
    try (VulnDb db = VulnDb.open(tmp.resolve("l.sqlite"))) {
      db.importPaths(List.of(tmp.resolve("osv")), s -> {});
      List<String> warnings = new ArrayList<>();
      List<Finding> found =
          db.match(
              null,
              List.of(
                  lang("pypi", "JINJA2", "2.10", "site-packages/Jinja2-2.10.dist-info/METADATA"),
                  lang("pypi", "Jinja2", "2.10.1", "other/METADATA"),
                  lang("cargo", "Foo-Bar", "0.8.9", "Cargo.lock"),
                  lang("cargo", "foo_bar", "1.2.0", "Cargo.lock"),
                  lang("cargo", "foo_bar", "1.2.1", "Cargo.lock"),
                  lang("npm", "@scope/pkg", "1.5.0", "node_modules/@scope/pkg/package.json"),
                  lang("npm", "@scope/pkg", "2.5.0", "node_modules/a/node_modules/@scope/pkg/x"),
                  lang("maven", "org.example:lib", "1.0-beta-2", "a.jar"),
                  lang("maven", "org.example:lib", "2.0", "b.jar"),
                  lang("maven", "org.example:lib", "2.0.1", "c.jar"),
                  lang("gem", "rails", "7.0.0", "Gemfile.lock")),
              warnings::add);
      assertThat(found)
          .extracting(
              Finding::packageName,
              Finding::installedVersion,
              Finding::vulnerabilityId,
              Finding::fixedVersion,
              Finding::path)
          .containsExactly(
              tuple(
                  "@scope/pkg",
                  "1.5.0",
                  "CVE-2024-0002",
                  "3.0.0",
                  "node_modules/@scope/pkg/package.json"),
              tuple("Foo-Bar", "0.8.9", "RUSTSEC-2024-0001", "0.9.0", "Cargo.lock"),
              tuple(
                  "JINJA2",
                  "2.10",
                  "CVE-2024-0001",
                  "2.10.1",
                  "site-packages/Jinja2-2.10.dist-info/METADATA"),
              tuple("foo_bar", "1.2.0", "RUSTSEC-2024-0001", null, "Cargo.lock"),
              tuple("org.example:lib", "1.0-beta-2", "CVE-2024-0003", null, "a.jar"),
              tuple("org.example:lib", "2.0", "CVE-2024-0003", "2.0.1", "b.jar"));
      Finding jinja = found.get(2);
      assertThat(jinja.aliases()).containsExactlyInAnyOrder("GHSA-aaaa-bbbb-cccc", "PYSEC-2024-1");
      // CVSS v4 9.3 of the PYSEC record beats the GHSA's MODERATE.
      assertThat(jinja.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(jinja.title()).isEqualTo("Template injection");
      assertThat(jinja.purl()).isEqualTo("pkg:pypi/JINJA2");
      assertThat(found.get(3).status()).isEqualTo(Finding.STATUS_AFFECTED);
      // No RubyGems data: one warning, no OS warning for a directory without an OS.
      assertThat(warnings).hasSize(1);
      assertThat(warnings.get(0)).contains("RubyGems").contains("1 RubyGems packages not matched");
    }
  }

  @Test
  void aVersionOneDatabaseGetsItsNameKeysOnOpen() throws Exception {
    Path file = tmp.resolve("v1.sqlite");
    osv(
        "PYSEC-1.json",
        advisory(
            "PYSEC-1",
            "",
            "",
            affected("PyPI", "Zope.Interface", "ECOSYSTEM", "{\"introduced\":\"0\"}")));
    try (VulnDb db = VulnDb.open(file)) {
      db.importPaths(List.of(tmp.resolve("osv")), s -> {});
    }
    // Turn the file back into schema version 1: no name_key column.
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("DROP INDEX affected_ecosystem_key");
      s.execute("ALTER TABLE affected DROP COLUMN name_key");
      s.execute("UPDATE schema_version SET version = 1");
    }
    try (VulnDb db = VulnDb.open(file)) {
      List<Finding> found =
          db.match(null, List.of(lang("pypi", "zope_interface", "5.0", "m")), s -> {});
      assertThat(found).extracting(Finding::vulnerabilityId).containsExactly("PYSEC-1");
    }
  }

  /**
   * The PyPA advisories list every affected release in {@code versions}, computed by OSV from the
   * ranges and PyPI's release list: evaluating the ECOSYSTEM ranges with our PEP 440 order must put
   * every listed version inside, and no {@code fixed} version that is not listed.
   */
  @Test
  void pep440RangeEvaluationAgreesWithThePypaEnumeratedVersions() throws Exception {
    Path pypa = SharedData.require("advisories/osv-pypa");
    Path file = tmp.resolve("pypa.sqlite");
    try (VulnDb db = VulnDb.open(file)) {
      db.importPaths(List.of(pypa), s -> {});
    }
    VersionScheme pep440 = VersionSchemes.forOsvEcosystem("PyPI");
    int checked = 0;
    int fixedChecked = 0;
    List<String> disagreements = new ArrayList<>();
    List<Path> dirs;
    try (Stream<Path> s = Files.list(pypa.resolve("vulns"))) {
      dirs = s.sorted().toList();
    }
    try (AdvisoryStore store = AdvisoryStore.open(file)) {
      for (Path dir : dirs) {
        String key = LanguageEcosystems.nameKey("PyPI", dir.getFileName().toString());
        for (Candidate c : store.findByKey("PyPI", key)) {
          List<Range> ranges =
              c.affected().ranges().stream().filter(r -> r.type().equals("ECOSYSTEM")).toList();
          if (ranges.isEmpty() || c.advisory().withdrawn() != null) {
            continue;
          }
          for (String v : c.affected().versions()) {
            checked++;
            if (ranges.stream().noneMatch(r -> OsvRanges.inRange(r, v, pep440))) {
              disagreements.add(c.advisory().vulnerabilityId() + " lists " + v);
            }
          }
          for (Range r : ranges) {
            for (Range.Event e : r.events()) {
              if (e.kind().equals("fixed") && !c.affected().versions().contains(e.version())) {
                fixedChecked++;
                if (ranges.stream().anyMatch(x -> OsvRanges.inRange(x, e.version(), pep440))) {
                  disagreements.add(c.advisory().vulnerabilityId() + " fixed " + e.version());
                }
              }
            }
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(50_000);
    assertThat(fixedChecked).isGreaterThan(2_000);
    // Three records disagree with the OSV evaluation rules themselves, not with PEP 440:
    // PYSEC-2023-61 (django) lists 3.2a1/4.2rc1 although its ranges start at the final 3.2/4.2;
    // PYSEC-2023-177 (gevent) lists its own fixed version 23.9.0 (enumerated from a GIT range);
    // PYSEC-2021-114 (wagtail) overlaps "introduced 0, fixed 2.11.6" with "introduced 2.11,
    // fixed 2.11.7" in one range, which the specification's sorted-event walk closes at 2.11.6.
    assertThat(disagreements)
        .allSatisfy(
            d ->
                assertThat(d)
                    .startsWith(
                        d.startsWith("PYSEC-2023-61 ")
                            ? "PYSEC-2023-61 lists "
                            : d.startsWith("PYSEC-2023-177 ")
                                ? "PYSEC-2023-177 lists 23.9.0"
                                : "PYSEC-2021-114 lists 2.11.6"));
    assertThat(disagreements.size()).isLessThan(checked / 1000);
  }
}
