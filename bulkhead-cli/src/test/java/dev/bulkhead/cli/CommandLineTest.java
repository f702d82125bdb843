package dev.bulkhead.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Tests the command-line surface in process: help texts, version, usage and input errors. */
class CommandLineTest {

  private record Outcome(int code, String out, String err) {}

  private static Outcome run(String... args) {
    CommandLine cl = Main.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Outcome(code, out.toString(), err.toString());
  }

  @Test
  void topLevelHelpListsTheCommands() {
    Outcome o = run("--help");
    assertThat(o.code()).isZero();
    assertThat(o.out())
        .contains("Usage: bulkhead [-hV] COMMAND")
        .contains("image")
        .contains("db")
        .contains("Exit status: 0 ok, 1 error");
  }

  @Test
  void imageHelpDocumentsEveryInputKindAndOption() {
    Outcome o = run("image", "--help");
    assertThat(o.code()).isZero();
    assertThat(o.out())
        .contains("docker-archive:PATH")
        .contains("oci:DIR[:TAG]")
        .contains("dir:PATH")
        .contains("[HOST[:PORT]/]REPO[:TAG|@sha256:DIGEST]")
        .contains("--format")
        .contains("--output")
        .contains("--severity")
        .contains("--ignore-unfixed")
        .contains("--exit-code")
        .contains("--quiet")
        .contains("--platform")
        .contains("--username")
        .contains("--password")
        .contains("--insecure")
        .contains("--db");
  }

  @Test
  void dbHelpShowsImportAndStatus() {
    Outcome o = run("db", "--help");
    assertThat(o.out()).contains("import").contains("status");
    assertThat(run("db", "import", "--help").out()).contains("Debian security tracker JSON");
  }

  @Test
  void versionNamesTheBuild() {
    Outcome o = run("--version");
    assertThat(o.code()).isZero();
    assertThat(o.out()).startsWith("bulkhead ").doesNotContain("${project.version}");
  }

  @Test
  void unknownOptionIsAUsageError() {
    Outcome o = run("image", "--no-such-option", "dir:/");
    assertThat(o.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(o.err()).contains("Unknown option");
  }

  @Test
  void missingArchiveIsOneClearErrorLine(@TempDir Path tmp) {
    Outcome o =
        run(
            "image",
            "--quiet",
            "--scanners",
            "secret",
            "docker-archive:" + tmp.resolve("nope.tar"));
    assertThat(o.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(o.err().strip()).startsWith("bulkhead: error: ").contains("nope.tar");
    assertThat(o.err().strip().lines()).hasSize(1);
  }

  @Test
  void corruptArchiveIsAnErrorNamingTheFile(@TempDir Path tmp) throws Exception {
    Path bad = tmp.resolve("corrupt.tar");
    Files.write(bad, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
    Outcome o = run("image", "--quiet", "--scanners", "secret", "docker-archive:" + bad);
    assertThat(o.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(o.err()).contains("corrupt.tar");
  }

  @Test
  void unknownFormatIsRejected(@TempDir Path tmp) {
    Outcome o = run("image", "--format", "xml", "dir:" + tmp);
    assertThat(o.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(o.err()).contains("unknown report format 'xml'");
  }

  @Test
  void unknownPackageTypeIsRejected(@TempDir Path tmp) {
    Outcome o = run("fs", "--pkg-types", "os,kernel", tmp.toString());
    assertThat(o.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(o.err()).contains("unknown package type 'kernel'").contains("os,library");
    assertThat(run("fs", "--help").out()).contains("--pkg-types");
  }

  @Test
  void statusOfAMissingDatabaseSaysHowToCreateOne(@TempDir Path tmp) {
    Outcome o = run("db", "status", "--db", tmp.resolve("none.sqlite").toString());
    assertThat(o.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(o.err()).contains("bulkhead db import");
  }

  @Test
  void fsHelpDocumentsScannersAndSecretOptions() {
    Outcome o = run("fs", "--help");
    assertThat(o.code()).isZero();
    assertThat(o.out())
        .contains("Usage: bulkhead fs")
        .contains("--scanners")
        .contains("--secret-config")
        .contains("--secret-max-size")
        .contains("--malware-hashes")
        .contains("--yara-rules");
  }

  @Test
  void unknownScannerIsRejectedWithTheChoices(@TempDir Path tmp) {
    Outcome o = run("fs", "--scanners", "vuln,viruses", tmp.toString());
    assertThat(o.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(o.err()).contains("unknown scanner 'viruses'").contains("vuln, secret or malware");
  }

  @Test
  void configScannerSaysItIsNotAvailableYet(@TempDir Path tmp) {
    Outcome o = run("fs", "--scanners", "config", tmp.toString());
    assertThat(o.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(o.err()).contains("misconfigurations are checked by `bulkhead config PATH...`");
  }

  @Test
  void fsOfAFileIsAClearError(@TempDir Path tmp) throws Exception {
    Path file = Files.writeString(tmp.resolve("a.txt"), "x");
    Outcome o = run("fs", file.toString());
    assertThat(o.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(o.err()).contains("a.txt is not a directory");
  }

  @Test
  void badSecretConfigNamesTheFileAndLine(@TempDir Path tmp) throws Exception {
    Path rules = Files.writeString(tmp.resolve("rules.yaml"), "rules:\n  - id: [unclosed\n");
    Outcome o =
        run("fs", "--scanners", "secret", "--secret-config", rules.toString(), tmp.toString());
    assertThat(o.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(o.err()).contains("rules.yaml").contains("line");
  }

  @Test
  void aGateWithoutAnAdvisoryDatabaseFailsInsteadOfPassing(@TempDir Path tmp) {
    Outcome o =
        run(
            "fs",
            "--exit-code",
            "5",
            "--db",
            tmp.resolve("typo.sqlite").toString(),
            tmp.toString());
    assertThat(o.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(o.err()).contains("no advisory database at").contains("typo.sqlite");
  }

  @Test
  void exitCodeOutsideTheRangeIsAUsageError(@TempDir Path tmp) {
    Outcome o = run("fs", "--scanners", "secret", "--exit-code", "256", tmp.toString());
    assertThat(o.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(o.err()).contains("--exit-code must be between 0 and 255");
  }

  @Test
  void anUnsupportedOsIsAnErrorAfterTheReport(@TempDir Path tmp) throws Exception {
    Path root = tmp.resolve("rootfs");
    Files.createDirectories(root.resolve("etc"));
    Files.createDirectories(root.resolve("var/lib/dpkg"));
    Files.writeString(
        root.resolve("etc/os-release"),
        "ID=ubuntu\nVERSION_ID=\"22.04\"\nVERSION_CODENAME=jammy\n");
    Files.writeString(
        root.resolve("var/lib/dpkg/status"),
        "Package: bash\nStatus: install ok installed\nVersion: 5.1-6ubuntu1\nArchitecture: amd64\n\n");
    String db = tmp.resolve("db.sqlite").toString();
    assertThat(
            run(
                    "db",
                    "import",
                    "--quiet",
                    "--db",
                    db,
                    "../examples/advisories/debian-bookworm-demo.json")
                .code())
        .isZero();
    Outcome o = run("fs", "--quiet", "--scanners", "vuln", "--db", db, root.toString());
    assertThat(o.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(o.err().strip()).startsWith("bulkhead: error: unsupported OS ubuntu 22.04");
    assertThat(o.err().strip().lines()).hasSize(1);
  }
}
