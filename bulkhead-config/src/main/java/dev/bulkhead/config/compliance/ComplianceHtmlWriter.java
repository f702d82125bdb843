package dev.bulkhead.config.compliance;

import dev.bulkhead.config.model.ConfigFinding;
import dev.bulkhead.config.report.Html;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a self-contained HTML page: inline CSS, no scripts, no external assets (a
 * Content-Security-Policy forbids loading any), every text from the scan HTML-escaped. Controls are
 * grouped by section; failed ones list their resources with the findings behind them.
 */
public final class ComplianceHtmlWriter implements ComplianceWriter {
  private static final String CSS =
      String.join(
          "\n",
          "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2rem auto;"
              + "max-width:72rem;padding:0 1rem;color:#1f2328;background:#fff}",
          "h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin-top:2rem;"
              + "border-bottom:1px solid #d0d7de;padding-bottom:.3rem}",
          ".meta{color:#59636e;margin-top:0}",
          ".score{font-size:2.4rem;font-weight:700;margin:.5rem 0}",
          ".counts span{display:inline-block;margin-right:1rem;font-weight:600}",
          "table{border-collapse:collapse;width:100%;font-size:.92rem}",
          "th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #eaeef2;"
              + "vertical-align:top}",
          "th{background:#f6f8fa}td.id{white-space:nowrap;font-family:ui-monospace,monospace}",
          ".st{display:inline-block;min-width:4.2rem;text-align:center;border-radius:1rem;"
              + "padding:.05rem .5rem;font-size:.8rem;font-weight:700;color:#fff}",
          ".PASS{background:#1a7f37}.FAIL{background:#cf222e}.MANUAL{background:#6e7781}",
          ".bar{background:#eaeef2;height:.5rem;width:6rem;border-radius:.25rem;overflow:hidden}",
          ".bar i{display:block;height:100%;background:#1a7f37}",
          "details{margin:.2rem 0 .4rem}summary{cursor:pointer;color:#0969da}",
          "ul{margin:.3rem 0;padding-left:1.2rem}code{font-size:.85rem;background:#f6f8fa;"
              + "padding:0 .2rem;border-radius:.2rem}",
          ".note{color:#59636e;font-size:.85rem}");

  private final String toolVersion;

  /** Creates a writer naming the given Bulkhead version in the page footer. */
  public ComplianceHtmlWriter(String toolVersion) {
    this.toolVersion = toolVersion;
  }

  @Override
  public String format() {
    return "html";
  }

  @Override
  public void write(ComplianceReport report, OutputStream out) throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    Framework f = report.framework();
    String title = f.name() + " " + f.version() + " compliance report";
    w.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    w.write(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
            + " style-src 'unsafe-inline'\">\n");
    w.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    w.write(
        "<title>"
            + Html.escape(title)
            + "</title>\n<style>\n"
            + CSS
            + "\n</style>\n</head>\n<body>\n");
    w.write("<h1>" + Html.escape(title) + "</h1>\n");
    w.write(
        "<p class=\"meta\">Framework <code>"
            + Html.escape(f.id())
            + "</code> &middot; <a href=\""
            + Html.escape(f.reference())
            + "\" rel=\"noreferrer\">reference</a> &middot; "
            + report.resources()
            + " resources &middot; Bulkhead "
            + Html.escape(toolVersion)
            + "</p>\n");
    w.write(
        "<div class=\"score\">"
            + (report.score() == null
                ? "n/a"
                : Html.escape(ComplianceTableWriter.percent(report.score())))
            + "</div>\n");
    w.write(
        "<p class=\"counts\"><span>"
            + report.count(ControlStatus.PASS)
            + " passed</span><span>"
            + report.count(ControlStatus.FAIL)
            + " failed</span><span>"
            + report.count(ControlStatus.MANUAL)
            + " manual</span></p>\n");
    w.write(
        "<p class=\"note\">The score is the share of resources passing each automated control,"
            + " averaged over those controls. Manual controls need review by a person.</p>\n");
    Map<String, List<ControlResult>> sections = new LinkedHashMap<>();
    for (ControlResult r : report.controls()) {
      sections.computeIfAbsent(r.control().section(), k -> new java.util.ArrayList<>()).add(r);
    }
    for (Map.Entry<String, List<ControlResult>> e : sections.entrySet()) {
      w.write("<h2>" + Html.escape(e.getKey()) + "</h2>\n<table>\n");
      w.write(
          "<thead><tr><th>ID</th><th>Status</th><th>Passing</th><th>Control</th></tr></thead>\n"
              + "<tbody>\n");
      for (ControlResult r : e.getValue()) {
        writeControl(w, r);
      }
      w.write("</tbody>\n</table>\n");
    }
    w.write("</body>\n</html>\n");
    w.flush();
  }

  private static void writeControl(Writer w, ControlResult r) throws IOException {
    String status = r.status().name();
    w.write("<tr><td class=\"id\">" + Html.escape(r.control().id()) + "</td>");
    w.write("<td><span class=\"st " + status + "\">" + status + "</span></td><td>");
    if (r.percent() != null && r.status() != ControlStatus.MANUAL) {
      w.write(
          r.passing()
              + "/"
              + r.resources()
              + "<div class=\"bar\"><i style=\"width:"
              + String.format(Locale.ROOT, "%.1f", r.percent())
              + "%\"></i></div>");
    } else {
      w.write("&ndash;");
    }
    w.write("</td><td>" + Html.escape(r.control().title()));
    if (!r.note().isEmpty()) {
      w.write("<div class=\"note\">" + Html.escape(r.note()) + "</div>");
    }
    if (r.suppressed() > 0) {
      w.write("<div class=\"note\">" + r.suppressed() + " suppressed findings not counted</div>");
    }
    if (!r.failures().isEmpty()) {
      w.write(
          "<details open><summary>"
              + r.failures().size()
              + (r.failures().size() == 1 ? " failing resource" : " failing resources")
              + "</summary><ul>");
      for (ControlResult.Failure fail : r.failures()) {
        w.write(
            "<li><strong>"
                + Html.escape(ComplianceTableWriter.describe(fail.resource()))
                + "</strong>");
        w.write("<ul>");
        for (ConfigFinding f : fail.findings()) {
          w.write(
              "<li><code>"
                  + Html.escape(f.rule().id())
                  + "</code> "
                  + Html.escape(f.location().file())
                  + ":"
                  + f.location().line()
                  + ":"
                  + f.location().column()
                  + " &mdash; "
                  + Html.escape(f.message())
                  + "</li>");
        }
        w.write("</ul></li>");
      }
      w.write("</ul></details>");
    }
    w.write("</td></tr>\n");
  }
}
