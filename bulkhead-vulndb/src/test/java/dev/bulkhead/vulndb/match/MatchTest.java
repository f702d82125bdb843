package dev.bulkhead.vulndb.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.bulkhead.core.Finding;
import dev.bulkhead.core.OsInfo;
import dev.bulkhead.core.Package;
import dev.bulkhead.core.Severity;
import dev.bulkhead.core.testing.SharedData;
import dev.bulkhead.vulndb.VulnDb;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchTest {
  @TempDir Path tmp;

  private static Package deb(String name, String version, String source, String sourceVersion) {
    return new Package(
        name,
        version,
        "amd64",
        source,
        sourceVersion,
        Package.DEB,
        null,
        "sha256:l1",
        null,
        "var/lib/dpkg/status");
  }

  private static Package apk(String name, String version, String origin) {
    return new Package(
        name,
        version,
        "x86_64",
        origin,
        version,
        Package.APK,
        null,
        null,
        null,
        "lib/apk/db/installed");
  }

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(MatchTest.class.getResource("/dev/bulkhead/vulndb/match/" + name).toURI());
  }

  @Test
  void matchesAlpine311PackagesByOriginAgainstTheRealSecdb() throws Exception {
    Path v311 = SharedData.require("advisories/alpine-secdb/v3.11");
    try (VulnDb db = VulnDb.open(tmp.resolve("a.sqlite"))) {
      db.importPaths(List.of(v311), s -> {});
      List<String> warnings = new ArrayList<>();
      List<Finding> findings =
          db.match(
              OsInfo.of("alpine", "3.11.6"),
              List.of(
                  apk("musl", "1.1.24-r0", "musl"),
                  apk("musl-utils", "1.1.22-r3", "musl"),
                  apk("libcrypto1.1", "1.1.1d-r2", "openssl"),
                  apk("libssl1.1", "1.1.1d-r3", "openssl"),
                  apk("zlib", "1.2.11-r3", "zlib")),
              warnings::add);
      assertThat(warnings).isEmpty();
      assertThat(findings)
          .extracting(
              Finding::packageName,
              Finding::vulnerabilityId,
              Finding::fixedVersion,
              Finding::status)
          .containsExactly(
              tuple("libcrypto1.1", "CVE-2019-1551", "1.1.1d-r3", Finding.STATUS_FIXED),
              tuple("musl-utils", "CVE-2019-14697", "1.1.23-r2", Finding.STATUS_FIXED));
      assertThat(findings.get(0).dataSource()).isEqualTo("alpine-secdb:v3.11/main");
      assertThat(findings.get(0).sourceName()).isEqualTo("openssl");
      assertThat(findings.get(0).installedVersion()).isEqualTo("1.1.1d-r2");

      // Another branch has no data: one warning, no findings.
      List<String> w2 = new ArrayList<>();
      assertThat(
              db.match(
                  OsInfo.of("alpine", "3.10.4"),
                  List.of(apk("musl", "1.1.22-r3", "musl")),
                  w2::add))
          .isEmpty();
      assertThat(w2).singleElement().asString().contains("alpine v3.10");
    }
  }

  @Test
  void matchesDebianBySourcePackageWithOpenResolvedZeroAndEpochs() throws Exception {
    try (VulnDb db = VulnDb.open(tmp.resolve("d.sqlite"))) {
      db.importPaths(List.of(fixture("debian/tracker.json")), s -> {});
      List<Package> pkgs =
          List.of(
              deb("apt", "2.6.1", "apt", "2.6.1"),
              deb("libc6", "2.36-9+deb12u1", "glibc", "2.36-9+deb12u1"),
              deb("libc-bin", "2.36-9+deb12u3", "glibc", "2.36-9+deb12u3"),
              deb("passwd", "1:4.13+dfsg1-1", "shadow", "1:4.13+dfsg1-1"),
              deb("login", "1:4.13+dfsg1-1+deb12u1", "shadow", "1:4.13+dfsg1-1+deb12u1"),
              deb("libssl3", "3.0.11-1~deb12u1", "openssl", "3.0.11-1~deb12u1"),
              deb("perl-base", "5.36.0-7+deb12u1", "perl", "5.36.0-7+deb12u1"),
              deb("bash", "5.2.15-2+b2", "bash", "5.2.15-2"),
              new Package(
                  "musl",
                  "1.1.24-r0",
                  null,
                  "musl",
                  "1.1.24-r0",
                  Package.APK,
                  null,
                  null,
                  null,
                  null));
      List<String> warnings = new ArrayList<>();
      List<Finding> findings =
          db.match(
              new OsInfo("debian", "12", "bookworm", "Debian GNU/Linux 12 (bookworm)"),
              pkgs,
              warnings::add);
      assertThat(warnings).isEmpty();
      assertThat(findings)
          .extracting(
              Finding::packageName,
              Finding::vulnerabilityId,
              Finding::status,
              Finding::fixedVersion,
              Finding::severity)
          .containsExactly(
              tuple("apt", "CVE-2011-3374", Finding.STATUS_AFFECTED, null, Severity.LOW),
              tuple(
                  "libc6", "CVE-2023-4911", Finding.STATUS_FIXED, "2.36-9+deb12u3", Severity.HIGH),
              tuple(
                  "libssl3",
                  "CVE-2023-5363",
                  Finding.STATUS_FIXED,
                  "3.0.11-1~deb12u2",
                  Severity.UNKNOWN),
              tuple("login", "CVE-2007-5686", Finding.STATUS_AFFECTED, null, Severity.LOW),
              tuple("passwd", "CVE-2007-5686", Finding.STATUS_AFFECTED, null, Severity.LOW),
              tuple(
                  "passwd",
                  "CVE-2023-4641",
                  Finding.STATUS_FIXED,
                  "1:4.13+dfsg1-1+deb12u1",
                  Severity.UNKNOWN));
      Finding glibc = findings.get(1);
      assertThat(glibc.dataSource()).isEqualTo("debian-tracker:bookworm");
      assertThat(glibc.sourceName()).isEqualTo("glibc");
      assertThat(glibc.layer()).isEqualTo("sha256:l1");
      assertThat(glibc.title()).startsWith("A buffer overflow was discovered");
      assertThat(glibc.references())
          .containsExactly("https://security-tracker.debian.org/tracker/CVE-2023-4911");

      // Release from the version when the codename is unknown; "0" in bullseye = not affected.
      List<Finding> bullseye =
          db.match(
              OsInfo.of("debian", "11.8"),
              List.of(deb("libssl1.1", "1.1.1n-0+deb11u5", "openssl", "1.1.1n-0+deb11u5")),
              warnings::add);
      assertThat(bullseye).isEmpty();
      assertThat(warnings).isEmpty();
    }
  }

  @Test
  void skipsUndeterminedAndWarnsAboutUnsupportedOs() throws Exception {
    Path tracker = tmp.resolve("tracker.json");
    // Synthetic entry (TEMP id) for the "undetermined" status, next to a real one.
    Files.writeString(
        tracker,
        "{\"zlib\": {\"TEMP-0000000-ABCDEF\": {\"description\": \"synthetic\", \"releases\":"
            + " {\"bookworm\": {\"status\": \"undetermined\", \"urgency\": \"not yet assigned\"}}}},"
            + " \"tar\": {\"CVE-2005-2541\": {\"description\": \"Tar 1.15.1 does not properly warn\","
            + " \"releases\": {\"bookworm\": {\"status\": \"open\", \"urgency\": \"unimportant\"}}}}}");
    try (VulnDb db = VulnDb.open(tmp.resolve("u.sqlite"))) {
      db.importPaths(List.of(tracker), s -> {});
      List<String> warnings = new ArrayList<>();
      List<Finding> findings =
          db.match(
              OsInfo.of("debian", "12"),
              List.of(
                  deb("zlib1g", "1:1.2.13.dfsg-1", "zlib", "1:1.2.13.dfsg-1"),
                  deb("tar", "1.34+dfsg-1.2", "tar", "1.34+dfsg-1.2")),
              warnings::add);
      assertThat(findings).extracting(Finding::vulnerabilityId).containsExactly("CVE-2005-2541");
      assertThat(db.match(OsInfo.of("freebsd", "14"), List.of(), warnings::add)).isEmpty();
      assertThat(db.match(null, List.of(), warnings::add)).isEmpty();
      assertThat(
              db.match(
                  OsInfo.of("debian", "10"),
                  List.of(deb("tar", "1.30+dfsg-6", "tar", "1.30+dfsg-6")),
                  warnings::add))
          .isEmpty();
      assertThat(warnings).hasSize(3);
      assertThat(warnings.get(0)).contains("freebsd 14");
      assertThat(warnings.get(2)).contains("buster");
    }
  }
}
