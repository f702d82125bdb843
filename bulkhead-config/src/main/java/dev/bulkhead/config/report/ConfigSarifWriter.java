package dev.bulkhead.config.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.bulkhead.config.engine.ConfigReport;
import dev.bulkhead.config.model.ConfigFinding;
import dev.bulkhead.config.model.Rule;
import dev.bulkhead.core.report.Sarif;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes SARIF 2.1.0 for code scanning: one rule per rule id with help text and a {@code
 * security-severity}, one result per finding with a region (start line and column), suppressed
 * findings carrying a SARIF suppression ({@code inSource} for annotations, {@code external}
 * otherwise).
 *
 * @see <a href="https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html">SARIF 2.1.0</a>
 */
public final class ConfigSarifWriter implements ConfigReportWriter {

  private final String toolVersion;

  /** A writer naming {@code toolVersion} as the Bulkhead version. */
  public ConfigSarifWriter(String toolVersion) {
    this.toolVersion = toolVersion;
  }

  @Override
  public String format() {
    return "sarif";
  }

  @Override
  public void write(ConfigReport report, OutputStream out) throws IOException {
    Map<String, Rule> rules = new LinkedHashMap<>();
    for (ConfigFinding f : report.findings()) {
      rules.putIfAbsent(f.rule().id(), f.rule());
    }
    try (JsonGenerator g = Sarif.generator(out)) {
      Sarif.startRun(g, toolVersion);
      g.writeArrayFieldStart("rules");
      for (Rule r : rules.values()) {
        rule(g, r);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndObject();
      g.writeArrayFieldStart("results");
      for (ConfigFinding f : report.findings()) {
        result(g, f);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write('\n');
    out.flush();
  }

  private static void rule(JsonGenerator g, Rule r) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", r.id());
    g.writeStringField("name", r.id().replace("-", ""));
    g.writeObjectFieldStart("shortDescription");
    g.writeStringField("text", r.title());
    g.writeEndObject();
    g.writeObjectFieldStart("fullDescription");
    g.writeStringField("text", r.description() == null ? r.title() : r.description());
    g.writeEndObject();
    if (!r.references().isEmpty()) {
      g.writeStringField("helpUri", r.references().get(0));
    }
    g.writeObjectFieldStart("help");
    g.writeStringField("text", r.remediation() == null ? r.title() : r.remediation());
    g.writeEndObject();
    g.writeObjectFieldStart("defaultConfiguration");
    g.writeStringField("level", Sarif.level(r.severity()));
    g.writeEndObject();
    g.writeObjectFieldStart("properties");
    g.writeStringField("security-severity", Sarif.securitySeverity(r.severity()));
    g.writeArrayFieldStart("tags");
    g.writeString("security");
    g.writeString("misconfiguration");
    for (String fw : r.frameworks()) {
      g.writeString(fw);
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void result(JsonGenerator g, ConfigFinding f) throws IOException {
    g.writeStartObject();
    g.writeStringField("ruleId", f.rule().id());
    g.writeStringField("level", Sarif.level(f.severity()));
    g.writeObjectFieldStart("message");
    String res =
        f.resource() == null
            ? ""
            : f.resource().kind()
                + " "
                + (f.resource().namespace() == null ? "" : f.resource().namespace() + "/")
                + f.resource().name()
                + ": ";
    g.writeStringField("text", res + f.message());
    g.writeEndObject();
    g.writeArrayFieldStart("locations");
    g.writeStartObject();
    g.writeObjectFieldStart("physicalLocation");
    g.writeObjectFieldStart("artifactLocation");
    g.writeStringField("uri", uri(f.location().file()));
    g.writeEndObject();
    g.writeObjectFieldStart("region");
    g.writeNumberField("startLine", Math.max(1, f.location().line()));
    if (f.location().column() > 0) {
      g.writeNumberField("startColumn", f.location().column());
    }
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndArray();
    if (f.suppression() != null) {
      g.writeArrayFieldStart("suppressions");
      g.writeStartObject();
      g.writeStringField(
          "kind", "annotation".equals(f.suppression().source()) ? "inSource" : "external");
      g.writeStringField(
          "justification", f.suppression().source() + ": " + f.suppression().reason());
      g.writeEndObject();
      g.writeEndArray();
    }
    g.writeObjectFieldStart("partialFingerprints");
    g.writeStringField(
        "bulkhead/v1",
        f.rule().id()
            + "/"
            + f.location().file()
            + "/"
            + (f.resource() == null ? "" : f.resource().kind() + "/" + f.resource().name())
            + "/"
            + f.message());
    g.writeEndObject();
    g.writeEndObject();
  }

  private static String uri(String file) {
    String p = file.replace('\\', '/');
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    return p.equals("-") ? "stdin" : p.replace(" ", "%20");
  }
}
