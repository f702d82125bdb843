package dev.bulkhead.vulndb.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.bulkhead.core.Finding;
import dev.bulkhead.core.OsInfo;
import dev.bulkhead.core.Package;
import dev.bulkhead.core.Severity;
import dev.bulkhead.vulndb.VulnDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OsvMatchTest {
  @TempDir Path tmp;

  private static Package deb(String name, String source, String version) {
    return new Package(
        name, version, "amd64", source, version, Package.DEB, null, null, null, null);
  }

  @Test
  void evaluatesOsvDebianRangesAndFoldsDuplicatesPreferringTheTracker() throws Exception {
    Path dir = tmp.resolve("osv-debian");
    Files.createDirectories(dir);
    // DSA-5514-1 as OSV publishes Debian advisories: glibc fixed in 2.36-9+deb12u3 for Debian:12.
    Files.writeString(
        dir.resolve("DSA-5514-1.json"),
        "{\"id\":\"DSA-5514-1\",\"modified\":\"2023-10-03T00:00:00Z\",\"aliases\":[],\"upstream\":[\"CVE-2023-4911\"],"
            + "\"related\":[\"CVE-2023-4911\"],\"summary\":\"glibc - security update\","
            + "\"affected\":[{\"package\":{\"ecosystem\":\"Debian:12\",\"name\":\"glibc\"},"
            + "\"ranges\":[{\"type\":\"ECOSYSTEM\",\"events\":[{\"introduced\":\"0\"},{\"fixed\":\"2.36-9+deb12u3\"}]}]}]}");
    Files.writeString(
        dir.resolve("DEBIAN-CVE-2023-4911.json"),
        "{\"id\":\"DEBIAN-CVE-2023-4911\",\"modified\":\"2023-10-03T00:00:00Z\",\"aliases\":[\"CVE-2023-4911\"],"
            + "\"severity\":[{\"type\":\"CVSS_V3\",\"score\":\"CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H\"}],"
            + "\"affected\":[{\"package\":{\"ecosystem\":\"Debian:12\",\"name\":\"glibc\"},"
            + "\"ranges\":[{\"type\":\"ECOSYSTEM\",\"events\":[{\"introduced\":\"2.34-1\"},{\"fixed\":\"2.36-9+deb12u3\"}]}]}]}");
    Files.writeString(
        dir.resolve("TEST-LAST.json"),
        "{\"id\":\"TEST-LAST\",\"modified\":\"2024-01-01T00:00:00Z\","
            + "\"affected\":[{\"package\":{\"ecosystem\":\"Debian:12\",\"name\":\"tar\"},"
            + "\"ranges\":[{\"type\":\"ECOSYSTEM\",\"events\":[{\"introduced\":\"1.30\"},{\"last_affected\":\"1.34+dfsg-1.2\"}]}],"
            + "\"versions\":[\"1.29b-2\"]}]}");
    Files.writeString(
        dir.resolve("TEST-WITHDRAWN.json"),
        "{\"id\":\"TEST-WITHDRAWN\",\"modified\":\"2024-01-01T00:00:00Z\",\"withdrawn\":\"2024-02-01T00:00:00Z\","
            + "\"affected\":[{\"package\":{\"ecosystem\":\"Debian:12\",\"name\":\"tar\"},"
            + "\"ranges\":[{\"type\":\"ECOSYSTEM\",\"events\":[{\"introduced\":\"0\"}]}]}]}");
    try (VulnDb db = VulnDb.open(tmp.resolve("o.sqlite"))) {
      db.importPaths(List.of(dir), s -> {});
      List<String> warnings = new ArrayList<>();
      OsInfo bookworm = new OsInfo("debian", "12", "bookworm", null);
      List<Finding> osvOnly =
          db.match(
              bookworm,
              List.of(
                  deb("libc6", "glibc", "2.36-9+deb12u1"),
                  deb("tar", "tar", "1.34+dfsg-1.2"),
                  deb("tar-old", "tar", "1.29b-2"),
                  deb("tar-new", "tar", "1.35+dfsg-1")),
              warnings::add);
      assertThat(warnings).isEmpty();
      assertThat(osvOnly)
          .extracting(
              Finding::packageName,
              Finding::vulnerabilityId,
              Finding::status,
              Finding::fixedVersion,
              Finding::dataSource)
          .containsExactly(
              tuple(
                  "libc6",
                  "DEBIAN-CVE-2023-4911",
                  Finding.STATUS_FIXED,
                  "2.36-9+deb12u3",
                  "osv:Debian:12"),
              tuple("libc6", "DSA-5514-1", Finding.STATUS_FIXED, "2.36-9+deb12u3", "osv:Debian:12"),
              tuple("tar", "TEST-LAST", Finding.STATUS_AFFECTED, null, "osv:Debian:12"),
              tuple("tar-old", "TEST-LAST", Finding.STATUS_AFFECTED, null, "osv:Debian:12"));
      assertThat(osvOnly.get(0).severity()).isEqualTo(Severity.HIGH);

      // With the tracker imported, its CVE-2023-4911 wins and the OSV record with that alias folds.
      Path tracker = tmp.resolve("t.json");
      Files.writeString(
          tracker,
          "{\"glibc\":{\"CVE-2023-4911\":{\"description\":\"A buffer overflow was discovered in ld.so\","
              + "\"releases\":{\"bookworm\":{\"status\":\"resolved\",\"fixed_version\":\"2.36-9+deb12u3\",\"urgency\":\"high\"}}}}}");
      db.importPaths(List.of(tracker), s -> {});
      List<Finding> both =
          db.match(bookworm, List.of(deb("libc6", "glibc", "2.36-9+deb12u1")), warnings::add);
      // DSA-5514-1 names CVE-2023-4911 in "upstream", so it folds into the tracker's finding too.
      assertThat(both)
          .extracting(Finding::vulnerabilityId, Finding::dataSource)
          .containsExactly(tuple("CVE-2023-4911", "debian-tracker:bookworm"));
    }
  }

  @Test
  void alpineEdgeImagesMatchTheEdgeBranch() throws Exception {
    Path secdb = tmp.resolve("edge-main.json");
    Files.writeString(
        secdb,
        "{\"distroversion\":\"edge\",\"reponame\":\"main\",\"packages\":[{\"pkg\":{\"name\":\"openssl\","
            + "\"secfixes\":{\"3.3.2-r0\":[\"CVE-2024-6119\"]}}}]}");
    try (VulnDb db = VulnDb.open(tmp.resolve("edge.sqlite"))) {
      db.importPaths(List.of(secdb), s -> {});
      List<String> warnings = new ArrayList<>();
      Package libcrypto =
          new Package(
              "libcrypto3",
              "3.3.1-r3",
              "x86_64",
              "openssl",
              "3.3.1-r3",
              Package.APK,
              null,
              null,
              null,
              "lib/apk/db/installed");
      List<Finding> found =
          db.match(
              new OsInfo("alpine", "3.21_alpha20240807", null, "Alpine Linux edge"),
              List.of(libcrypto),
              warnings::add);
      assertThat(warnings).isEmpty();
      assertThat(found).extracting(Finding::vulnerabilityId).containsExactly("CVE-2024-6119");
    }
  }
}
