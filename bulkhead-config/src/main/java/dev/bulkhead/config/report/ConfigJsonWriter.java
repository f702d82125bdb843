package dev.bulkhead.config.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.bulkhead.config.engine.ConfigReport;
import dev.bulkhead.config.engine.ConfigWarning;
import dev.bulkhead.config.model.ConfigFinding;
import dev.bulkhead.config.model.ResourceRef;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes the config report as JSON (schemaVersion 1, described in docs/CONFIG.md): {@code findings}
 * that count, {@code suppressed} ones with why, {@code warnings} with positions and a {@code
 * summary}.
 */
public final class ConfigJsonWriter implements ConfigReportWriter {
  private static final JsonFactory FACTORY = new JsonFactory();

  @Override
  public String format() {
    return "json";
  }

  @Override
  public void write(ConfigReport report, OutputStream out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeNumberField("schemaVersion", 1);
      g.writeArrayFieldStart("findings");
      for (ConfigFinding f : report.active()) {
        finding(g, f);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("suppressed");
      for (ConfigFinding f : report.suppressed()) {
        finding(g, f);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("warnings");
      for (ConfigWarning w : report.warnings()) {
        g.writeStartObject();
        g.writeStringField("file", w.location().file());
        g.writeNumberField("line", w.location().line());
        g.writeNumberField("column", w.location().column());
        g.writeStringField("message", w.message());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeObjectFieldStart("summary");
      g.writeNumberField("files", report.files());
      g.writeNumberField("resources", report.resources().size());
      g.writeNumberField("findings", report.active().size());
      g.writeNumberField("suppressed", report.suppressed().size());
      g.writeNumberField("warnings", report.warnings().size());
      g.writeEndObject();
      g.writeEndObject();
    }
    out.write('\n');
    out.flush();
  }

  private static void finding(JsonGenerator g, ConfigFinding f) throws IOException {
    g.writeStartObject();
    g.writeStringField("ruleId", f.rule().id());
    g.writeStringField("severity", f.severity().name());
    g.writeStringField("title", f.rule().title());
    g.writeStringField("file", f.location().file());
    g.writeNumberField("line", f.location().line());
    g.writeNumberField("column", f.location().column());
    ResourceRef r = f.resource();
    if (r == null) {
      g.writeNullField("resource");
    } else {
      g.writeObjectFieldStart("resource");
      g.writeStringField("kind", r.kind());
      g.writeStringField("namespace", r.namespace());
      g.writeStringField("name", r.name());
      g.writeEndObject();
    }
    g.writeStringField("message", f.message());
    g.writeArrayFieldStart("frameworks");
    for (String fw : f.rule().frameworks()) {
      g.writeString(fw);
    }
    g.writeEndArray();
    if (f.suppression() != null) {
      g.writeObjectFieldStart("suppression");
      g.writeStringField("source", f.suppression().source());
      g.writeStringField("reason", f.suppression().reason());
      g.writeEndObject();
    }
    g.writeEndObject();
  }
}
