package dev.bulkhead.config.report;

import dev.bulkhead.config.engine.ConfigReport;
import dev.bulkhead.config.engine.ConfigWarning;
import dev.bulkhead.config.model.ConfigFinding;
import dev.bulkhead.config.model.ResourceRef;
import dev.bulkhead.core.Severity;
import dev.bulkhead.core.report.Printable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Writes findings for a terminal: one block per finding ({@code file:line:col SEVERITY RULE title},
 * then the resource and message), warnings, and a summary line. Text from the scanned files passes
 * through {@link Printable} so it cannot drive the terminal.
 */
public final class ConfigTableWriter implements ConfigReportWriter {
  @Override
  public String format() {
    return "table";
  }

  @Override
  public void write(ConfigReport report, OutputStream out) throws IOException {
    PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), false);
    List<ConfigFinding> active = report.active();
    for (ConfigFinding f : active) {
      w.printf(
          "%s:%d:%d  %-8s  %s  %s%n",
          Printable.of(f.location().file()),
          f.location().line(),
          f.location().column(),
          f.severity(),
          f.rule().id(),
          f.rule().title());
      w.printf("    %s%s%n", resource(f.resource()), Printable.of(f.message()));
    }
    if (!report.warnings().isEmpty()) {
      w.println();
      for (ConfigWarning warning : report.warnings()) {
        w.println("warning: " + Printable.of(warning.message()));
      }
    }
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (ConfigFinding f : active) {
      counts.merge(f.severity(), 1, Integer::sum);
    }
    StringBuilder by = new StringBuilder();
    for (Severity s : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW)) {
      if (counts.containsKey(s)) {
        by.append(by.length() == 0 ? " (" : ", ").append(s).append(": ").append(counts.get(s));
      }
    }
    if (by.length() > 0) {
      by.append(')');
    }
    if (!active.isEmpty() || !report.warnings().isEmpty()) {
      w.println();
    }
    w.printf(
        "%d findings%s, %d suppressed, %d warnings; %d files, %d resources scanned%n",
        active.size(),
        by,
        report.suppressed().size(),
        report.warnings().size(),
        report.files(),
        report.resources().size());
    w.flush();
  }

  private static String resource(ResourceRef r) {
    if (r == null) {
      return "";
    }
    String ns = r.namespace() == null ? "" : r.namespace() + "/";
    return Printable.of(r.kind() + " " + ns + r.name()) + ": ";
  }
}
