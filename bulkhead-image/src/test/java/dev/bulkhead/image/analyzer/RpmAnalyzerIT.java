package dev.bulkhead.image.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.core.Package;
import dev.bulkhead.core.spi.AnalysisResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds real rpm databases with rpmbuild, rpm and db_load, and compares the rpm analyzer with
 * {@code rpm -qa} on them.
 */
class RpmAnalyzerIT {
  private static final String QF = "%{NAME}\\t%{EPOCHNUM}:%{VERSION}-%{RELEASE}\\t%{SOURCERPM}\\n";

  @TempDir static Path tmp;
  static Path sqliteDb;

  @BeforeAll
  static void buildDatabase() throws Exception {
    Path top = tmp.resolve("top");
    spec("alpha", "Version: 1.2\nRelease: 3\nEpoch: 2\nBuildArch: noarch\n", "", "");
    spec(
        "beta",
        "Version: 0.9\nRelease: 1.el9\n",
        "%package -n libbeta-devel\nSummary: sub\n%description -n libbeta-devel\nsub\n",
        "%files -n libbeta-devel\n");
    spec("gamma", "Version: 3.0.1\nRelease: 7\n", "", "");
    for (String name : List.of("alpha", "beta", "gamma")) {
      run(
          "rpm-build",
          "rpmbuild",
          "-bb",
          "--define",
          "_topdir " + top,
          tmp.resolve(name + ".spec").toString());
    }
    List<String> rpms;
    try (var files = Files.walk(top.resolve("RPMS"))) {
      rpms = files.map(Path::toString).filter(p -> p.endsWith(".rpm")).sorted().toList();
    }
    assertThat(rpms).hasSize(4);
    Path db = tmp.resolve("db");
    run("rpm", "rpm", "--initdb", "--dbpath", db.toString());
    List<String> install =
        new ArrayList<>(
            List.of("rpm", "-i", "--justdb", "--nodeps", "--noscripts", "--dbpath", db.toString()));
    install.addAll(rpms);
    run("rpm", install.toArray(String[]::new));
    sqliteDb = db.resolve("rpmdb.sqlite");
  }

  @Test
  void readsARealSqliteDatabaseLikeRpm() throws Exception {
    String expected =
        run("rpm", "rpm", "-qa", "--dbpath", sqliteDb.getParent().toString(), "--qf", QF);
    AnalysisResult r =
        TestFiles.analyze(new RpmAnalyzer(), "usr/lib/sysimage/rpm/rpmdb.sqlite", sqliteDb);
    assertThat(r.warnings()).isEmpty();
    assertThat(asQueryLines(r)).isEqualTo(lines(expected)).hasSize(4);
    assertThat(r.packages())
        .filteredOn(p -> p.name().equals("libbeta-devel"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.sourceName()).isEqualTo("beta");
              assertThat(p.sourceVersion()).isEqualTo("0.9-1.el9");
              assertThat(p.arch()).isNotBlank();
              assertThat(p.type()).isEqualTo(Package.RPM);
            });
    assertThat(r.packages())
        .filteredOn(p -> p.name().equals("alpha"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.version()).isEqualTo("2:1.2-3");
              assertThat(p.sourceVersion()).isEqualTo("2:1.2-3");
              assertThat(p.arch()).isEqualTo("noarch");
            });
  }

  @Test
  void readsARealBerkeleyDbHashDatabaseLikeRpm() throws Exception {
    // 65536: headers inline on hash pages; 4096: one overflow page each; 512: overflow chains.
    for (String pageSize : List.of("65536", "4096", "512")) {
      Path dir = Files.createDirectories(tmp.resolve("bdb-" + pageSize));
      Path packages = writeBerkeleyDb(dir, pageSize);
      assertThat(overflowPages(packages, Integer.parseInt(pageSize)))
          .as("overflow pages at page size " + pageSize)
          .matches(n -> pageSize.equals("65536") ? n == 0 : n >= 4);
      String expected =
          run(
              "rpm",
              "rpm",
              "-qa",
              "--dbpath",
              dir.toString(),
              "--define",
              "_db_backend bdb_ro",
              "--qf",
              QF);
      AnalysisResult r = TestFiles.analyze(new RpmAnalyzer(), "var/lib/rpm/Packages", packages);
      assertThat(r.warnings()).as("page size " + pageSize).isEmpty();
      assertThat(asQueryLines(r)).as("page size " + pageSize).isEqualTo(lines(expected)).hasSize(4);
    }
  }

  @Test
  void turnsACorruptBerkeleyDbIntoWarnings() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("bdb-corrupt"));
    byte[] bytes = Files.readAllBytes(writeBerkeleyDb(dir, "512"));
    // Point every overflow page's next-page link at itself, and break some item offsets.
    for (int at = 512; at + 512 <= bytes.length; at += 512) {
      ByteBuffer page = ByteBuffer.wrap(bytes, at, 512).order(ByteOrder.LITTLE_ENDIAN);
      if (bytes[at + 25] == 7) {
        page.putInt(at + 16, at / 512);
      } else if (bytes[at + 25] == 13) {
        page.putShort(at + 26 + 2, (short) 0x7fff);
      }
    }
    Path corrupt = dir.resolve("Packages.corrupt");
    Files.write(corrupt, bytes);
    AnalysisResult r = TestFiles.analyze(new RpmAnalyzer(), "var/lib/rpm/Packages", corrupt);
    assertThat(r.packages()).hasSizeLessThan(4);
    assertThat(r.warnings())
        .allMatch(w -> w.startsWith("var/lib/rpm/Packages: "))
        .anyMatch(w -> w.contains("overflow chain loops"))
        .anyMatch(w -> w.contains("out of bounds"));
  }

  @Test
  void turnsGarbageSqliteRowsAndFilesIntoWarnings() throws Exception {
    Path db = tmp.resolve("garbage.sqlite");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE Packages (hnum INTEGER PRIMARY KEY, blob BLOB NOT NULL)");
      st.execute("INSERT INTO Packages VALUES (1, x'00000001ffffffff'), (2, x'0102')");
      st.execute("INSERT INTO Packages VALUES (3, randomblob(70000000))");
    }
    AnalysisResult r = TestFiles.analyze(new RpmAnalyzer(), "var/lib/rpm/rpmdb.sqlite", db);
    assertThat(r.packages()).isEmpty();
    assertThat(r.warnings()).hasSize(3);
    AnalysisResult notSqlite =
        TestFiles.analyze(
            new RpmAnalyzer(),
            "var/lib/rpm/rpmdb.sqlite",
            "hello".getBytes(StandardCharsets.UTF_8));
    assertThat(notSqlite.warnings()).singleElement().asString().contains("not a readable rpm");
    AnalysisResult ndb = TestFiles.analyze(new RpmAnalyzer(), "var/lib/rpm/Packages.db", "x");
    assertThat(ndb.warnings()).singleElement().asString().contains("ndb");
  }

  private static Path writeBerkeleyDb(Path dir, String pageSize) throws Exception {
    StringBuilder dump = new StringBuilder("VERSION=3\nformat=bytevalue\ntype=hash\n");
    dump.append("db_pagesize=").append(pageSize).append("\nHEADER=END\n");
    // rpm keeps a record 0 with the next instance number next to the headers.
    dump.append(" 00000000\n 05000000\n");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqliteDb);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT hnum, blob FROM Packages")) {
      while (rs.next()) {
        byte[] key =
            ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(rs.getInt(1)).array();
        dump.append(' ').append(HexFormat.of().formatHex(key)).append('\n');
        dump.append(' ').append(HexFormat.of().formatHex(rs.getBytes(2))).append('\n');
      }
    }
    dump.append("DATA=END\n");
    Path input = dir.resolve("dump.txt");
    Files.writeString(input, dump);
    Path packages = dir.resolve("Packages");
    run("db-util", "db_load", "-f", input.toString(), packages.toString());
    return packages;
  }

  private static long overflowPages(Path file, int pageSize) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    long count = 0;
    for (int at = pageSize; at + pageSize <= bytes.length; at += pageSize) {
      count += bytes[at + 25] == 7 ? 1 : 0;
    }
    return count;
  }

  private static Set<String> asQueryLines(AnalysisResult r) {
    return r.packages().stream()
        .map(
            p ->
                p.name()
                    + "\t"
                    + (p.version().contains(":") ? p.version() : "0:" + p.version())
                    + "\t"
                    + p.sourceName()
                    + "-"
                    + p.sourceVersion().substring(p.sourceVersion().indexOf(':') + 1)
                    + ".src.rpm")
        .collect(Collectors.toSet());
  }

  private static Set<String> lines(String text) {
    return text.lines().filter(l -> !l.isBlank()).collect(Collectors.toSet());
  }

  private static void spec(String name, String header, String extra, String extraFiles)
      throws IOException {
    String description = name.equals("gamma") ? "long text ".repeat(800) : "test";
    Files.writeString(
        tmp.resolve(name + ".spec"),
        "Name: "
            + name
            + "\n"
            + header
            + "Summary: test\nLicense: MIT\n"
            + extra
            + "%description\n"
            + description
            + "\n%files\n"
            + extraFiles);
  }

  private static String run(String aptPackage, String... command)
      throws IOException, InterruptedException {
    Path err = Files.createTempFile(tmp, "stderr", ".txt");
    Process p;
    try {
      p = new ProcessBuilder(command).redirectError(err.toFile()).start();
    } catch (IOException e) {
      throw new AssertionError(command[0] + " is missing: apt-get install -y " + aptPackage, e);
    }
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int code = p.waitFor();
    assertThat(code).as("%s failed: %s", String.join(" ", command), Files.readString(err)).isZero();
    return out;
  }
}
