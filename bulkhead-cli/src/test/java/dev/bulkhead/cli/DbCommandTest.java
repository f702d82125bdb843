package dev.bulkhead.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.core.testing.SharedData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Tests {@code db import} and {@code db status} in process on real Alpine secdb files. */
class DbCommandTest {

  private static String[] run(String... args) {
    CommandLine cl = Main.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @Test
  void importsRealSecdbOnceAndReportsItInStatus(@TempDir Path tmp) {
    Path secdb = SharedData.require("advisories/alpine-secdb/v3.11");
    String db = tmp.resolve("db/vulndb.sqlite").toString();

    String[] first = run("db", "import", "--db", db, secdb.toString());
    assertThat(first[0]).as(first[2]).isEqualTo("0");
    assertThat(first[1])
        .contains("alpine-secdb:v3.11/main")
        .contains("alpine-secdb:v3.11/community")
        .contains("unchanged 0");

    String[] second = run("db", "import", "--db", db, secdb.toString());
    assertThat(second[1]).contains("added 0, changed 0").doesNotContain("unchanged 0,");

    String[] status = run("db", "status", "--db", db);
    assertThat(status[0]).isEqualTo("0");
    assertThat(status[1])
        .contains("SOURCE")
        .contains("alpine-secdb:v3.11/main")
        .contains("alpine-secdb-yaml")
        .contains("total");
    for (String line : status[1].split("\n")) {
      assertThat(line.length()).as(line).isLessThanOrEqualTo(100);
    }
  }

  @Test
  void importOfAnUnknownFormatNamesTheFile(@TempDir Path tmp) throws Exception {
    Path junk = tmp.resolve("notes.txt");
    java.nio.file.Files.writeString(junk, "hello\n");
    String[] r = run("db", "import", "--db", tmp.resolve("x.sqlite").toString(), junk.toString());
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[2]).startsWith("bulkhead: error: ").contains("notes.txt");
  }
}
