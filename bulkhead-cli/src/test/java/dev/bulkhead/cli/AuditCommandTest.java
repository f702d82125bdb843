package dev.bulkhead.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Tests {@code bulkhead audit docker} in process: help, usage errors, an unreachable engine. */
class AuditCommandTest {
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
  void auditHelpListsDocker() {
    Outcome o = run("audit", "--help");
    assertThat(o.code()).isZero();
    assertThat(o.out()).contains("docker").contains("CIS Docker Benchmark");
  }

  @Test
  void dockerHelpDocumentsEveryOption() {
    Outcome o = run("audit", "docker", "--help");
    assertThat(o.code()).isZero();
    assertThat(o.out())
        .contains("--host")
        .contains("unix:///path/to/docker.sock")
        .contains("--format")
        .contains("table, json or sarif")
        .contains("--output")
        .contains("--severity")
        .contains("--exit-code")
        .contains("--timeout");
  }

  @Test
  void unknownFormatIsAUsageError(@TempDir Path tmp) {
    Outcome o = run("audit", "docker", "--host", "unix://" + tmp.resolve("none.sock"), "-f", "xml");
    assertThat(o.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(o.err()).contains("unknown report format 'xml'");
  }

  @Test
  void exitCodeOutOfRangeIsAUsageError() {
    Outcome o = run("audit", "docker", "--exit-code", "300");
    assertThat(o.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(o.err()).contains("--exit-code must be between 0 and 255");
  }

  @Test
  void anUnreachableEngineIsOneClearErrorLine(@TempDir Path tmp) {
    Outcome o = run("audit", "docker", "--host", "unix://" + tmp.resolve("absent.sock"));
    assertThat(o.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(o.err().strip())
        .startsWith("bulkhead: error: cannot talk to the container engine")
        .contains("absent.sock");
    assertThat(o.err().strip().lines()).hasSize(1);
  }

  @Test
  void aBadAddressSchemeSaysWhatToUse() {
    Outcome o = run("audit", "docker", "--host", "ssh://host");
    assertThat(o.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(o.err()).contains("unix:///path/to/docker.sock or tcp://host:port");
  }
}
