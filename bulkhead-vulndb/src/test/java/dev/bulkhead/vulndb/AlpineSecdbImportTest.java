package dev.bulkhead.vulndb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.core.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlpineSecdbImportTest {
  @TempDir Path tmp;

  private static List<Path> branches() throws IOException {
    Path root = SharedData.require("advisories/alpine-secdb");
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(p -> p.getFileName().toString().startsWith("v3.")).sorted().toList();
    }
  }

  @Test
  void importsEveryBranchAndReimportChangesNothing() throws Exception {
    List<Path> dirs = branches();
    try (VulnDb db = VulnDb.open(tmp.resolve("db/vulndb.sqlite"))) {
      ImportSummary first = db.importPaths(dirs, s -> {});
      assertThat(first.sources()).hasSize(16);
      assertThat(first.sources())
          .extracting(SourceImport::source)
          .contains(
              "alpine-secdb:v3.11/main", "alpine-secdb:v3.11/community", "alpine-secdb:v3.3/main");
      assertThat(first.sources())
          .allSatisfy(s -> assertThat(s.format()).isEqualTo("alpine-secdb-yaml"));
      assertThat(first.sources()).allSatisfy(s -> assertThat(s.unchanged()).isZero());
      List<SourceStatus> before = db.status();
      SourceStatus main311 =
          before.stream()
              .filter(s -> s.name().equals("alpine-secdb:v3.11/main"))
              .findFirst()
              .orElseThrow();
      // v3.11/main lists secfixes for 176 packages; each (origin, CVE) is one advisory.
      assertThat(main311.advisories()).isGreaterThan(1000);
      assertThat(main311.affectedRows()).isGreaterThanOrEqualTo(main311.advisories());
      assertThat(main311.sha256()).hasSize(64);

      ImportSummary second = db.importPaths(dirs, s -> {});
      assertThat(second.sources()).allSatisfy(s -> assertThat(s.isUnchanged()).isTrue());
      assertThat(second.sources().stream().mapToInt(SourceImport::unchanged).sum())
          .isEqualTo(first.sources().stream().mapToInt(SourceImport::added).sum());
      assertThat(db.status()).isEqualTo(before);
    }
  }

  @Test
  void normalisesIdsOnOneLineAndReplacesAWholeFeed() throws Exception {
    Path v1 = tmp.resolve("v1.yaml");
    Files.writeString(
        v1,
        String.join(
            "\n",
            "distroversion: v3.11",
            "reponame: main",
            "packages:",
            "  - pkg:",
            "      name: xen",
            "      secfixes:",
            "        4.13.0-r0:",
            "          - CVE-2017-5753 CVE-2017-5715 XSA-254 XPTI",
            "          - CVE 2018-16859",
            "          - CVE-2017-8073.patch",
            "        0:",
            "          - CVE-2019-0001 (not affected)",
            "  - pkg:",
            "      name: busybox",
            "      secfixes:",
            "        1.31.1-r10:",
            "          - CVE-2018-1000500",
            ""));
    Path db = tmp.resolve("v.sqlite");
    try (VulnDb vdb = VulnDb.open(db)) {
      ImportSummary s = vdb.importPaths(List.of(v1), x -> {});
      assertThat(s.sources()).singleElement().satisfies(r -> assertThat(r.added()).isEqualTo(6));
      // A newer file without busybox's entry replaces the source's rows.
      Files.writeString(
          v1,
          Files.readString(v1)
              .replace("          - CVE-2018-1000500\n", "          - CVE-2018-1000517\n"));
      ImportSummary s2 = vdb.importPaths(List.of(v1), x -> {});
      assertThat(s2.sources())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.added()).isEqualTo(1);
                assertThat(r.removed()).isEqualTo(1);
                assertThat(r.unchanged()).isEqualTo(5);
              });
      assertThat(vdb.status())
          .singleElement()
          .satisfies(st -> assertThat(st.advisories()).isEqualTo(6));
    }
  }

  @Test
  void importsTheJsonFeedAsServedAndReimportChangesNothing() throws Exception {
    Path json = tmp.resolve("main.json");
    Files.writeString(
        json,
        "{\"apkurl\": \"{{urlprefix}}/{{distroversion}}/{{reponame}}/{{arch}}/{{pkg.name}}-{{pkg.ver}}.apk\","
            + " \"archs\": [\"x86_64\"], \"reponame\": \"main\","
            + " \"urlprefix\": \"https://dl-cdn.alpinelinux.org/alpine\", \"distroversion\": \"v3.11\","
            + " \"packages\": [{\"pkg\": {\"name\": \"openssl\", \"secfixes\":"
            + " {\"1.1.1g-r0\": [\"CVE-2020-1967\"], \"1.1.1d-r3\": [\"CVE-2019-1551\"]}}}]}");
    try (VulnDb db = VulnDb.open(tmp.resolve("json.sqlite"))) {
      ImportSummary first = db.importPaths(List.of(json), s -> {});
      assertThat(first.sources()).hasSize(1);
      assertThat(first.sources().get(0).format()).isEqualTo("alpine-secdb-json");
      assertThat(first.sources().get(0).source()).isEqualTo("alpine-secdb:v3.11/main");
      assertThat(first.sources().get(0).added()).isEqualTo(2);
      ImportSummary second = db.importPaths(List.of(json), s -> {});
      assertThat(second.sources().get(0).isUnchanged()).isTrue();
    }
  }
}
