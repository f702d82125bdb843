package dev.bulkhead.config.compliance;

import dev.bulkhead.config.model.ConfigFinding;
import dev.bulkhead.config.model.ResourceRef;
import dev.bulkhead.core.report.Printable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Writes the report for a terminal: the score, then one line per control (id, status, resources
 * passing, title) and, under each failed control, its failing resources with the findings behind
 * them. Text from scanned files is made printable first.
 */
public final class ComplianceTableWriter implements ComplianceWriter {
  private static final int MAX_FINDINGS_PER_RESOURCE = 5;

  @Override
  public String format() {
    return "table";
  }

  @Override
  public void write(ComplianceReport report, OutputStream out) throws IOException {
    PrintWriter w =
        new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), false) {
          @Override
          public void println() {
            write('\n');
          }
        };
    Framework f = report.framework();
    w.println("Compliance: " + f.name() + " " + f.version() + " (" + f.id() + ")");
    long judged =
        report.controls().stream()
            .filter(c -> c.status() != ControlStatus.MANUAL && c.percent() != null)
            .count();
    w.println(
        "Score: "
            + (report.score() == null ? "n/a" : percent(report.score()))
            + " over "
            + judged
            + " automated controls, "
            + report.resources()
            + " resources");
    w.println(
        "Controls: "
            + report.count(ControlStatus.PASS)
            + " pass, "
            + report.count(ControlStatus.FAIL)
            + " fail, "
            + report.count(ControlStatus.MANUAL)
            + " manual");
    w.println();
    int idWidth = 2;
    for (ControlResult r : report.controls()) {
      idWidth = Math.max(idWidth, r.control().id().length());
    }
    String row = "%-" + idWidth + "s  %-6s  %-8s  %s%n";
    w.printf(Locale.ROOT, row, "ID", "STATUS", "PASSING", "TITLE");
    for (ControlResult r : report.controls()) {
      String passing = r.status() == ControlStatus.MANUAL ? "-" : r.passing() + "/" + r.resources();
      w.printf(Locale.ROOT, row, r.control().id(), r.status().name(), passing, r.control().title());
      for (ControlResult.Failure fail : r.failures()) {
        w.println("    - " + Printable.of(describe(fail.resource())));
        int shown = 0;
        for (ConfigFinding finding : fail.findings()) {
          if (shown++ == MAX_FINDINGS_PER_RESOURCE) {
            w.println(
                "        ... "
                    + (fail.findings().size() - MAX_FINDINGS_PER_RESOURCE)
                    + " more findings");
            break;
          }
          w.println(
              "        "
                  + finding.rule().id()
                  + " at "
                  + Printable.of(finding.location().file())
                  + ":"
                  + finding.location().line()
                  + ":"
                  + finding.location().column()
                  + ": "
                  + Printable.of(finding.message()).replace('\n', ' '));
        }
      }
      if (r.suppressed() > 0) {
        w.println("    (" + r.suppressed() + " suppressed findings not counted)");
      }
    }
    w.flush();
  }

  static String describe(ResourceRef r) {
    StringBuilder b = new StringBuilder(r.kind() == null ? "?" : r.kind()).append(' ');
    if (r.namespace() != null && !r.namespace().isEmpty()) {
      b.append(r.namespace()).append('/');
    }
    return b.append(r.name() == null ? "?" : r.name()).toString();
  }

  static String percent(double d) {
    return String.format(Locale.ROOT, "%.1f%%", d);
  }
}
