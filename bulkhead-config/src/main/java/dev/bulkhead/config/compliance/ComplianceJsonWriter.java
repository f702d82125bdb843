package dev.bulkhead.config.compliance;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.bulkhead.config.model.ConfigFinding;
import dev.bulkhead.config.model.ResourceRef;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/**
 * Writes the report as JSON:
 *
 * <pre>{@code
 * {"schemaVersion":1,
 *  "framework":{"id","name","version","reference"},
 *  "score":87.5, "resources":12, "summary":{"pass":n,"fail":n,"manual":n},
 *  "controls":[{"id","title","section","automated","status":"pass|fail|manual","note",
 *               "resources","passing","percent","suppressed",
 *               "failures":[{"resource":{"kind","namespace","name"},
 *                            "findings":[{"ruleId","severity","title","file","line","column",
 *                                         "message"}]}]}]}
 * }</pre>
 *
 * {@code score} and {@code percent} are {@code null} when there was nothing to judge.
 */
public final class ComplianceJsonWriter implements ComplianceWriter {
  private static final JsonFactory FACTORY = new JsonFactory();

  @Override
  public String format() {
    return "json";
  }

  @Override
  public void write(ComplianceReport report, OutputStream out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeNumberField("schemaVersion", 1);
      Framework f = report.framework();
      g.writeObjectFieldStart("framework");
      g.writeStringField("id", f.id());
      g.writeStringField("name", f.name());
      g.writeStringField("version", f.version());
      g.writeStringField("reference", f.reference());
      g.writeEndObject();
      number(g, "score", report.score());
      g.writeNumberField("resources", report.resources());
      g.writeObjectFieldStart("summary");
      for (ControlStatus s : ControlStatus.values()) {
        g.writeNumberField(s.name().toLowerCase(Locale.ROOT), report.count(s));
      }
      g.writeEndObject();
      g.writeArrayFieldStart("controls");
      for (ControlResult r : report.controls()) {
        writeControl(g, r);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write('\n');
    out.flush();
  }

  private static void writeControl(JsonGenerator g, ControlResult r) throws IOException {
    Control c = r.control();
    g.writeStartObject();
    g.writeStringField("id", c.id());
    g.writeStringField("title", c.title());
    g.writeStringField("section", c.section());
    g.writeBooleanField("automated", c.automated());
    g.writeStringField("status", r.status().name().toLowerCase(Locale.ROOT));
    g.writeStringField("note", r.note());
    g.writeNumberField("resources", r.resources());
    g.writeNumberField("passing", r.passing());
    number(g, "percent", r.percent());
    g.writeNumberField("suppressed", r.suppressed());
    g.writeArrayFieldStart("failures");
    for (ControlResult.Failure fail : r.failures()) {
      g.writeStartObject();
      writeResource(g, fail.resource());
      g.writeArrayFieldStart("findings");
      for (ConfigFinding f : fail.findings()) {
        g.writeStartObject();
        g.writeStringField("ruleId", f.rule().id());
        g.writeStringField("severity", f.severity().name());
        g.writeStringField("title", f.rule().title());
        g.writeStringField("file", f.location().file());
        g.writeNumberField("line", f.location().line());
        g.writeNumberField("column", f.location().column());
        g.writeStringField("message", f.message());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void writeResource(JsonGenerator g, ResourceRef r) throws IOException {
    g.writeObjectFieldStart("resource");
    g.writeStringField("kind", r.kind());
    g.writeStringField("namespace", r.namespace());
    g.writeStringField("name", r.name());
    g.writeEndObject();
  }

  private static void number(JsonGenerator g, String field, Double value) throws IOException {
    if (value == null) {
      g.writeNullField(field);
    } else {
      g.writeNumberField(field, value);
    }
  }
}
