package dev.bulkhead.image.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.bulkhead.core.Package;
import dev.bulkhead.core.spi.AnalysisResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RpmAnalyzerTest {
  @TempDir Path tmp;

  @Test
  void skipsGpgPubkeysAndFallsBackWhenSourceRpmIsMissingOrOdd() throws Exception {
    Path db =
        sqlite(
            List.of(
                new HeaderBuilder().nevra("gpg-pubkey", "fd431d51", "4ae0493b").build(),
                new HeaderBuilder()
                    .nevra("tzdata", "2024a", "1.el9")
                    .string(RpmHeader.TAG_ARCH, "noarch")
                    .string(RpmHeader.TAG_SOURCERPM, "tzdata-2024a-1.el9.src.rpm")
                    .build(),
                new HeaderBuilder().nevra("nosource", "1", "2").build(),
                new HeaderBuilder()
                    .nevra("odd", "1", "2")
                    .int32(RpmHeader.TAG_EPOCH, 3)
                    .string(RpmHeader.TAG_SOURCERPM, "weird.rpm")
                    .build()));
    AnalysisResult r = TestFiles.analyze(new RpmAnalyzer(), "var/lib/rpm/rpmdb.sqlite", db);
    assertThat(r.packages())
        .extracting(
            Package::name,
            Package::version,
            Package::arch,
            Package::sourceName,
            Package::sourceVersion,
            Package::purl)
        .containsExactly(
            tuple("tzdata", "2024a-1.el9", "noarch", "tzdata", "2024a-1.el9", null),
            tuple("nosource", "1-2", null, "nosource", "1-2", null),
            tuple("odd", "3:1-2", null, "odd", "3:1-2", null));
    assertThat(r.warnings())
        .containsExactly(
            "var/lib/rpm/rpmdb.sqlite: package odd has an unparsable SOURCERPM weird.rpm");
  }

  @Test
  void leavesNoTemporaryFilesBehind() throws Exception {
    Path db = sqlite(List.of(new HeaderBuilder().nevra("a", "1", "1").build()));
    Path tempRoot = Path.of(System.getProperty("java.io.tmpdir"));
    long before = countRpmTempDirs(tempRoot);
    TestFiles.analyze(new RpmAnalyzer(), "var/lib/rpm/rpmdb.sqlite", db);
    assertThat(countRpmTempDirs(tempRoot)).isEqualTo(before);
  }

  @Test
  void rejectsAFileThatIsNotABerkeleyHashDatabase() throws Exception {
    AnalysisResult r = TestFiles.analyze(new RpmAnalyzer(), "var/lib/rpm/Packages", new byte[4096]);
    assertThat(r.packages()).isEmpty();
    assertThat(r.warnings()).singleElement().asString().contains("bad magic");
  }

  private static long countRpmTempDirs(Path root) throws Exception {
    try (var s = Files.list(root)) {
      return s.filter(p -> p.getFileName().toString().startsWith("bulkhead-rpmdb")).count();
    }
  }

  private Path sqlite(List<byte[]> blobs) throws Exception {
    Path db = tmp.resolve("rpmdb.sqlite");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement()) {
      st.execute(
          "CREATE TABLE Packages (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL)");
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO Packages(blob) VALUES (?)")) {
        for (byte[] blob : blobs) {
          insert.setBytes(1, blob);
          insert.executeUpdate();
        }
      }
    }
    return db;
  }
}
