package dev.bulkhead.config.compliance;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.bulkhead.config.model.ConfigFinding;
import dev.bulkhead.config.model.Location;
import dev.bulkhead.core.report.Sarif;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/**
 * Writes SARIF 2.1.0: one rule per control of the framework (id {@code <framework>/<control>}), one
 * result per failing resource of a failed control, located at the first finding behind it with its
 * line and column. Manual and passed controls appear only as rules, so code scanning shows what is
 * left to fix.
 *
 * @see <a href="https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html">SARIF 2.1.0</a>
 */
public final class ComplianceSarifWriter implements ComplianceWriter {

  private final String toolVersion;

  /** Creates a writer naming the given Bulkhead version as the tool version. */
  public ComplianceSarifWriter(String toolVersion) {
    this.toolVersion = toolVersion;
  }

  @Override
  public String format() {
    return "sarif";
  }

  @Override
  public void write(ComplianceReport report, OutputStream out) throws IOException {
    Framework f = report.framework();
    try (JsonGenerator g = Sarif.generator(out)) {
      Sarif.startRun(g, toolVersion);
      g.writeArrayFieldStart("rules");
      for (ControlResult r : report.controls()) {
        Control c = r.control();
        g.writeStartObject();
        g.writeStringField("id", ruleId(f, c));
        g.writeObjectFieldStart("shortDescription");
        g.writeStringField("text", c.id() + " " + c.title());
        g.writeEndObject();
        g.writeStringField("helpUri", f.reference());
        g.writeObjectFieldStart("help");
        g.writeStringField(
            "text",
            f.name() + " " + f.version() + ", " + c.section() + ": " + c.id() + " " + c.title());
        g.writeEndObject();
        g.writeObjectFieldStart("defaultConfiguration");
        g.writeStringField("level", c.automated() ? "error" : "note");
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeArrayFieldStart("tags");
        g.writeString("compliance");
        g.writeString(f.id());
        g.writeString(c.automated() ? "automated" : "manual");
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndObject();
      g.writeArrayFieldStart("results");
      for (ControlResult r : report.controls()) {
        for (ControlResult.Failure fail : r.failures()) {
          writeResult(g, f, r.control(), fail);
        }
      }
      g.writeEndArray();
      g.writeObjectFieldStart("properties");
      g.writeStringField("framework", f.id());
      if (report.score() == null) {
        g.writeNullField("score");
      } else {
        g.writeNumberField("score", report.score());
      }
      g.writeNumberField("resources", report.resources());
      g.writeEndObject();
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write('\n');
    out.flush();
  }

  private static void writeResult(
      JsonGenerator g, Framework f, Control c, ControlResult.Failure fail) throws IOException {
    ConfigFinding first = fail.findings().get(0);
    Location at = first.location();
    g.writeStartObject();
    g.writeStringField("ruleId", ruleId(f, c));
    g.writeStringField("level", "error");
    g.writeObjectFieldStart("message");
    StringBuilder text =
        new StringBuilder(ComplianceTableWriter.describe(fail.resource()))
            .append(" fails ")
            .append(c.id())
            .append(" ")
            .append(c.title())
            .append(": ");
    for (int i = 0; i < fail.findings().size(); i++) {
      ConfigFinding finding = fail.findings().get(i);
      text.append(i == 0 ? "" : "; ").append(finding.rule().id()).append(' ');
      text.append(finding.message());
    }
    g.writeStringField("text", text.toString());
    g.writeEndObject();
    g.writeArrayFieldStart("locations");
    g.writeStartObject();
    g.writeObjectFieldStart("physicalLocation");
    g.writeObjectFieldStart("artifactLocation");
    g.writeStringField("uri", uriOf(at.file()));
    g.writeEndObject();
    g.writeObjectFieldStart("region");
    g.writeNumberField("startLine", Math.max(1, at.line()));
    if (at.column() > 0) {
      g.writeNumberField("startColumn", at.column());
    }
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndArray();
    g.writeObjectFieldStart("partialFingerprints");
    g.writeStringField(
        "bulkhead/v1",
        ruleId(f, c) + "/" + ComplianceTableWriter.describe(fail.resource()) + "/" + at.file());
    g.writeEndObject();
    g.writeEndObject();
  }

  private static String ruleId(Framework f, Control c) {
    return f.id() + "/" + c.id();
  }

  /** Escapes a file path for use as a SARIF uri-reference. */
  static String uriOf(String path) {
    StringBuilder b = new StringBuilder(path.length());
    for (char c : path.toCharArray()) {
      if (c == '%' || c == '[' || c == ']' || c == ' ' || c == '#' || c == '?' || c < 0x20) {
        b.append(String.format(Locale.ROOT, "%%%02X", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
