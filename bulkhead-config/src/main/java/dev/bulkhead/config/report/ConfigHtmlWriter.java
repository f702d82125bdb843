package dev.bulkhead.config.report;

import dev.bulkhead.config.engine.ConfigReport;
import dev.bulkhead.config.engine.ConfigWarning;
import dev.bulkhead.config.model.ConfigFinding;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Writes a simple self-contained HTML page of findings and warnings (no scripts, no external
 * resources; every value escaped).
 */
public final class ConfigHtmlWriter implements ConfigReportWriter {
  @Override
  public String format() {
    return "html";
  }

  @Override
  public void write(ConfigReport report, OutputStream out) throws IOException {
    PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), false);
    w.println("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
    w.println("<title>Bulkhead configuration findings</title><style>");
    w.println("body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}");
    w.println("td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}");
    w.println(".CRITICAL{color:#900;font-weight:bold}.HIGH{color:#c30}.MEDIUM{color:#a60}");
    w.println("</style></head><body><h1>Configuration findings</h1>");
    w.printf(
        "<p>%d findings, %d suppressed, %d warnings; %d files, %d resources.</p>%n",
        report.active().size(),
        report.suppressed().size(),
        report.warnings().size(),
        report.files(),
        report.resources().size());
    w.println("<table><tr><th>Severity</th><th>Rule</th><th>Where</th><th>Resource</th>");
    w.println("<th>Message</th><th>Suppressed</th></tr>");
    for (ConfigFinding f : report.findings()) {
      w.printf(
          "<tr><td class=\"%s\">%s</td><td>%s<br>%s</td><td>%s:%d:%d</td><td>%s</td><td>%s</td>"
              + "<td>%s</td></tr>%n",
          f.severity(),
          f.severity(),
          Html.escape(f.rule().id()),
          Html.escape(f.rule().title()),
          Html.escape(f.location().file()),
          f.location().line(),
          f.location().column(),
          f.resource() == null
              ? ""
              : Html.escape(
                  f.resource().kind()
                      + " "
                      + (f.resource().namespace() == null ? "" : f.resource().namespace() + "/")
                      + f.resource().name()),
          Html.escape(f.message()),
          f.suppression() == null
              ? ""
              : Html.escape(f.suppression().source() + ": " + f.suppression().reason()));
    }
    w.println("</table>");
    if (!report.warnings().isEmpty()) {
      w.println("<h2>Warnings</h2><ul>");
      for (ConfigWarning warning : report.warnings()) {
        w.println("<li>" + Html.escape(warning.message()) + "</li>");
      }
      w.println("</ul>");
    }
    w.println("</body></html>");
    w.flush();
  }
}
