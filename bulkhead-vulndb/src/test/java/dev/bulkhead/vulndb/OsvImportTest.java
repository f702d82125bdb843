package dev.bulkhead.vulndb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.testing.SharedData;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OsvImportTest {
  @TempDir Path tmp;

  private static String query(Path db, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  @Test
  void importsRustSecAndPyPaAndComputesCvssScores() throws Exception {
    Path rustsec = SharedData.require("advisories/osv-rustsec");
    Path pypa = SharedData.require("advisories/osv-pypa");
    Path file = tmp.resolve("vulndb.sqlite");
    try (VulnDb db = VulnDb.open(file)) {
      ImportSummary s = db.importPaths(List.of(rustsec, pypa), x -> {});
      assertThat(s.sources())
          .extracting(SourceImport::source, SourceImport::added)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("osv:crates.io", 1206),
              org.assertj.core.groups.Tuple.tuple("osv:PyPI", 2661));
      assertThat(s.warnings()).isEmpty();
      assertThat(db.status())
          .extracting(SourceStatus::name, SourceStatus::advisories, SourceStatus::format)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("osv:PyPI", 2661L, "osv-yaml"),
              org.assertj.core.groups.Tuple.tuple("osv:crates.io", 1206L, "osv-json"));

      ImportSummary again = db.importPaths(List.of(rustsec, pypa), x -> {});
      assertThat(again.sources()).allSatisfy(r -> assertThat(r.isUnchanged()).isTrue());
    }
    // RUSTSEC-2023-0090 carries CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H = 9.9.
    assertThat(query(file, "SELECT cvss_score FROM advisory WHERE key = 'RUSTSEC-2023-0090'"))
        .isEqualTo("9.9");
    assertThat(query(file, "SELECT aliases FROM advisory WHERE key = 'RUSTSEC-2023-0090'"))
        .contains("CVE-2023-26489");
    // PyPA's YAML keeps versions as strings: "4.0" stays "4.0", not 4.
    assertThat(
            query(
                file,
                "SELECT f.versions FROM affected f JOIN advisory a ON f.advisory_id = a.id WHERE a.key = 'PYSEC-2021-335'"))
        .isEqualTo("[\"4.0\",\"4.1\",\"4.2\",\"5.0\",\"5.1\"]");
    assertThat(query(file, "SELECT count(*) FROM advisory WHERE withdrawn IS NOT NULL"))
        .isNotEqualTo("0");
    assertThat(query(file, "SELECT count(*) FROM advisory WHERE cvss_score = 9.8"))
        .isNotEqualTo("0");
  }

  @Test
  void importsAZipExportAndWarnsAboutAMalformedEntry() throws Exception {
    Path rustsec = SharedData.require("advisories/osv-rustsec/crates");
    List<Path> some;
    try (Stream<Path> s = Files.list(rustsec)) {
      some = s.sorted().limit(25).toList();
    }
    Path zip = tmp.resolve("crates.io-all.zip");
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream z = new ZipOutputStream(out)) {
      for (Path p : some) {
        z.putNextEntry(new ZipEntry(p.getFileName().toString()));
        z.write(Files.readAllBytes(p));
        z.closeEntry();
      }
      z.putNextEntry(new ZipEntry("BROKEN-1.json"));
      z.write(
          "{\"id\": \"BROKEN-1\", \"affected\": 7}"
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      z.closeEntry();
      z.putNextEntry(new ZipEntry("NOTES.txt"));
      z.write(new byte[] {1, 2, 3});
      z.closeEntry();
    }
    try (VulnDb db = VulnDb.open(tmp.resolve("z.sqlite"))) {
      ImportSummary s = db.importPaths(List.of(zip), x -> {});
      assertThat(s.sources())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.source()).isEqualTo("osv:crates.io");
                assertThat(r.added()).isEqualTo(25);
              });
      assertThat(s.warnings())
          .singleElement()
          .asString()
          .contains("BROKEN-1.json")
          .contains("affected");
      assertThat(db.status())
          .singleElement()
          .satisfies(st -> assertThat(st.advisories()).isEqualTo(25));
    }
  }

  @Test
  void aMalformedFileIsAnErrorNamingIt() throws Exception {
    Path bad = tmp.resolve("osv.json");
    Files.writeString(bad, "{\"id\": \"X-1\", \"affected\": [ {\"package\": ");
    try (VulnDb db = VulnDb.open(tmp.resolve("m.sqlite"))) {
      assertThatThrownBy(() -> db.importPaths(List.of(bad), x -> {}))
          .isInstanceOf(BulkheadException.class)
          .hasMessageContaining(bad.toString())
          .hasMessageContaining("malformed OSV");
      Path unknown = tmp.resolve("notes.json");
      Files.writeString(unknown, "[1, 2, 3]");
      assertThatThrownBy(() -> db.importPaths(List.of(unknown), x -> {}))
          .isInstanceOf(BulkheadException.class)
          .hasMessageContaining("notes.json")
          .hasMessageContaining("not a Debian tracker");
      assertThat(db.status()).isEmpty();
    }
  }
}
