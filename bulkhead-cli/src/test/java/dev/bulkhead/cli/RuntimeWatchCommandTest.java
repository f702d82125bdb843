package dev.bulkhead.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Tests the {@code runtime watch} command line in process: help and usage errors. */
class RuntimeWatchCommandTest {
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
  void helpDocumentsEveryOption() {
    Outcome o = run("runtime", "watch", "--help");
    assertThat(o.code()).isZero();
    assertThat(o.out())
        .contains("--container=NAME")
        .contains("--learn=DURATION")
        .contains("--learn-events")
        .contains("--mode=monitor|protect")
        .contains("--action=pause|stop")
        .contains("--enforce")
        .contains("--alerts=FILE.jsonl")
        .contains("--webhook=URL")
        .contains("--audit-log")
        .contains("--host=URL")
        .contains("--baseline-dir=DIR")
        .contains("--threshold")
        .contains("--syscalls")
        .contains("bulkhead.alert/v1");
  }

  @Test
  void containerAndAlertsAreRequired() {
    Outcome o = run("runtime", "watch", "--alerts", "a.jsonl");
    assertThat(o.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(o.err()).contains("--container");
  }

  @Test
  void enforceNeedsProtectMode() {
    Outcome o = run("runtime", "watch", "--container", "x", "--alerts", "a.jsonl", "--enforce");
    assertThat(o.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(o.err()).contains("--enforce needs --mode protect");
  }

  @Test
  void badModeDurationAndThresholdAreUsageErrors() {
    assertThat(run("runtime", "watch", "--container", "x", "--alerts", "a", "--mode", "kill").err())
        .contains("--mode must be monitor or protect");
    Outcome d = run("runtime", "watch", "--container", "x", "--alerts", "a", "--learn", "soon");
    assertThat(d.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(d.err()).contains("'soon' is not a duration");
    Outcome t = run("runtime", "watch", "--container", "x", "--alerts", "a", "--threshold", "2");
    assertThat(t.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(t.err()).contains("--threshold must be in (0, 1]");
  }

  @Test
  void aBadWebhookIsRefusedBeforeTheSensorStarts() {
    Outcome o =
        run("runtime", "watch", "--container", "x", "--alerts", "a", "--webhook", "ftp://h/x");
    assertThat(o.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(o.err()).contains("webhook URL ftp://h/x must be http:// or https://");
  }

  @Test
  void durationsParse() {
    DurationConverter c = new DurationConverter();
    assertThat(c.convert("30s").toSeconds()).isEqualTo(30);
    assertThat(c.convert("10m").toMinutes()).isEqualTo(10);
    assertThat(c.convert("2h").toHours()).isEqualTo(2);
    assertThat(c.convert("500ms").toMillis()).isEqualTo(500);
    assertThat(c.convert("45").toSeconds()).isEqualTo(45);
  }
}
