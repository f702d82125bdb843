package dev.bulkhead.core.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.bulkhead.core.ContentFinding;
import dev.bulkhead.core.Finding;
import dev.bulkhead.core.Layer;
import dev.bulkhead.core.OsInfo;
import dev.bulkhead.core.Package;
import dev.bulkhead.core.Report;
import dev.bulkhead.core.SuppressedFinding;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes the JSON report whose field names are a contract (docs/json-report.md): {@code
 * schemaVersion}, {@code target}, {@code os}, {@code layers}, {@code packages}, {@code findings},
 * {@code secrets}, {@code malware}, {@code suppressed}, {@code warnings}. Fields are written in a
 * fixed order; absent values are {@code null}.
 */
public final class JsonReportWriter implements ReportWriter {
  private static final JsonFactory FACTORY = new JsonFactory();

  @Override
  public String format() {
    return "json";
  }

  @Override
  public void write(Report report, OutputStream out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeNumberField("schemaVersion", report.schemaVersion());
      g.writeStringField("target", report.target());
      writeOs(g, report.os());
      g.writeArrayFieldStart("layers");
      for (Layer l : report.layers()) {
        g.writeStartObject();
        g.writeNumberField("index", l.index());
        g.writeStringField("digest", l.digest());
        g.writeStringField("diffId", l.diffId());
        g.writeStringField("createdBy", l.createdBy());
        g.writeNumberField("size", l.size());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("packages");
      for (Package p : report.packages()) {
        writePackage(g, p);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("findings");
      for (Finding f : report.findings()) {
        writeFinding(g, f);
      }
      g.writeEndArray();
      writeContent(g, "secrets", report.contentFindings(ContentFinding.SECRET));
      writeContent(g, "malware", report.contentFindings(ContentFinding.MALWARE));
      g.writeArrayFieldStart("suppressed");
      for (SuppressedFinding s : report.suppressed()) {
        writeSuppressed(g, s);
      }
      g.writeEndArray();
      writeStrings(g, "warnings", report.warnings());
      g.writeEndObject();
    }
    out.write('\n');
    out.flush();
  }

  private static void writeOs(JsonGenerator g, OsInfo os) throws IOException {
    if (os == null) {
      g.writeNullField("os");
      return;
    }
    g.writeObjectFieldStart("os");
    g.writeStringField("family", os.family());
    g.writeStringField("version", os.version());
    g.writeStringField("codename", os.codename());
    g.writeStringField("name", os.prettyName());
    g.writeEndObject();
  }

  private static void writePackage(JsonGenerator g, Package p) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", p.name());
    g.writeStringField("version", p.version());
    g.writeStringField("sourceName", p.sourceName());
    g.writeStringField("sourceVersion", p.sourceVersion());
    g.writeStringField("type", p.type());
    g.writeStringField("layer", p.layer());
    g.writeStringField("arch", p.arch());
    g.writeStringField("purl", p.purl());
    g.writeStringField("layerCommand", p.layerCommand());
    g.writeStringField("path", p.path());
    g.writeEndObject();
  }

  private static void writeSuppressed(JsonGenerator g, SuppressedFinding s) throws IOException {
    g.writeStartObject();
    writeFindingFields(g, s.finding());
    g.writeStringField("purl", s.purl());
    g.writeObjectFieldStart("suppression");
    g.writeStringField("kind", s.kind());
    g.writeStringField("status", s.status());
    g.writeStringField("justification", s.justification());
    g.writeStringField("reason", s.reason());
    g.writeStringField("source", s.source());
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void writeFinding(JsonGenerator g, Finding f) throws IOException {
    g.writeStartObject();
    writeFindingFields(g, f);
    // Language-package findings name the package URL and the file (nested archives included).
    if (f.purl() != null) {
      g.writeStringField("purl", f.purl());
    }
    if (f.path() != null) {
      g.writeStringField("path", f.path());
    }
    g.writeEndObject();
  }

  private static void writeFindingFields(JsonGenerator g, Finding f) throws IOException {
    g.writeStringField("vulnerabilityId", f.vulnerabilityId());
    g.writeStringField("packageName", f.packageName());
    g.writeStringField("installedVersion", f.installedVersion());
    g.writeStringField("fixedVersion", f.fixedVersion());
    g.writeStringField("status", f.status());
    g.writeStringField("severity", f.severity().name());
    g.writeStringField("title", f.title());
    g.writeStringField("layer", f.layer());
    g.writeStringField("packageType", f.packageType());
    g.writeStringField("sourceName", f.sourceName());
    g.writeStringField("dataSource", f.dataSource());
    writeStrings(g, "aliases", f.aliases());
    writeStrings(g, "references", f.references());
  }

  private static void writeContent(JsonGenerator g, String field, List<ContentFinding> items)
      throws IOException {
    g.writeArrayFieldStart(field);
    for (ContentFinding f : items) {
      g.writeStartObject();
      g.writeStringField("ruleId", f.ruleId());
      g.writeStringField("category", f.category());
      g.writeStringField("severity", f.severity().name());
      g.writeStringField("title", f.title());
      g.writeStringField("path", f.path());
      g.writeNumberField("line", f.line());
      g.writeStringField("excerpt", f.excerpt());
      g.writeStringField("layer", f.layer());
      g.writeStringField("status", f.status());
      g.writeStringField("removedIn", f.removedIn());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void writeStrings(JsonGenerator g, String field, List<String> values)
      throws IOException {
    g.writeArrayFieldStart(field);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }
}
