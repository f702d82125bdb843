package dev.bulkhead.config.audit;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.bulkhead.config.model.ConfigFinding;
import dev.bulkhead.config.model.Rule;
import dev.bulkhead.core.Severity;
import dev.bulkhead.core.report.Sarif;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes an {@link AuditReport} as a table, as JSON ({@code {"schemaVersion":1, "findings":[...],
 * "warnings":[...]}}, the shape of {@code bulkhead config}) or as SARIF 2.1.0.
 */
public final class AuditReportWriter {
  /** The formats {@link #write} accepts. */
  public static final List<String> FORMATS = List.of("table", "json", "sarif");

  private static final JsonFactory JSON = new JsonFactory();

  private final String format;
  private final String toolVersion;

  /**
   * A writer for {@code format}.
   *
   * @throws IllegalArgumentException for an unknown format, naming the known ones
   */
  public AuditReportWriter(String format, String toolVersion) {
    String f = format.toLowerCase(Locale.ROOT);
    if (!FORMATS.contains(f)) {
      throw new IllegalArgumentException(
          "unknown report format '" + format + "'; use table, json or sarif");
    }
    this.format = f;
    this.toolVersion = toolVersion;
  }

  /** Writes {@code report} to {@code out} (not closed). */
  public void write(AuditReport report, OutputStream out) throws IOException {
    switch (format) {
      case "json":
        json(report, out);
        break;
      case "sarif":
        sarif(report, out);
        break;
      default:
        table(report, out);
        break;
    }
  }

  private static List<ConfigFinding> sorted(AuditReport r) {
    return r.findings().stream()
        .sorted(
            Comparator.comparing((ConfigFinding f) -> f.resource().kind().equals("Engine") ? 0 : 1)
                .thenComparing(f -> f.resource().name())
                .thenComparing(f -> -f.severity().ordinal())
                .thenComparing(f -> f.rule().id()))
        .toList();
  }

  private void json(AuditReport r, OutputStream out) throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeNumberField("schemaVersion", 1);
      g.writeArrayFieldStart("findings");
      for (ConfigFinding f : sorted(r)) {
        g.writeStartObject();
        g.writeStringField("ruleId", f.rule().id());
        g.writeStringField("severity", f.severity().name());
        g.writeStringField("title", f.rule().title());
        g.writeStringField("file", f.location().file());
        g.writeNumberField("line", f.location().line());
        g.writeNumberField("column", f.location().column());
        g.writeObjectFieldStart("resource");
        g.writeStringField("kind", f.resource().kind());
        g.writeStringField("namespace", f.resource().namespace());
        g.writeStringField("name", f.resource().name());
        g.writeEndObject();
        g.writeStringField("message", f.message());
        g.writeArrayFieldStart("frameworks");
        for (String fw : f.rule().frameworks()) {
          g.writeString(fw);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("warnings");
      for (String w : r.warnings()) {
        g.writeString(w);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  private void sarif(AuditReport r, OutputStream out) throws IOException {
    Map<String, Rule> rules = new LinkedHashMap<>();
    List<ConfigFinding> findings = sorted(r);
    findings.forEach(f -> rules.putIfAbsent(f.rule().id(), f.rule()));
    List<String> ids = List.copyOf(rules.keySet());
    try (JsonGenerator g = Sarif.generator(out)) {
      Sarif.startRun(g, toolVersion);
      g.writeArrayFieldStart("rules");
      for (Rule rule : rules.values()) {
        g.writeStartObject();
        g.writeStringField("id", rule.id());
        g.writeObjectFieldStart("shortDescription");
        g.writeStringField("text", rule.title());
        g.writeEndObject();
        g.writeObjectFieldStart("fullDescription");
        g.writeStringField("text", rule.description());
        g.writeEndObject();
        g.writeObjectFieldStart("help");
        g.writeStringField("text", rule.remediation());
        g.writeEndObject();
        if (!rule.references().isEmpty()) {
          g.writeStringField("helpUri", rule.references().get(0));
        }
        g.writeObjectFieldStart("defaultConfiguration");
        g.writeStringField("level", Sarif.level(rule.severity()));
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeArrayFieldStart("tags");
        g.writeString("security");
        for (String fw : rule.frameworks()) {
          g.writeString(fw);
        }
        g.writeEndArray();
        g.writeStringField("security-severity", Sarif.securitySeverity(rule.severity()));
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndObject();
      g.writeArrayFieldStart("results");
      for (ConfigFinding f : findings) {
        g.writeStartObject();
        g.writeStringField("ruleId", f.rule().id());
        g.writeNumberField("ruleIndex", ids.indexOf(f.rule().id()));
        g.writeStringField("level", Sarif.level(f.severity()));
        g.writeObjectFieldStart("message");
        g.writeStringField(
            "text", f.resource().kind() + " " + f.resource().name() + ": " + f.message());
        g.writeEndObject();
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        g.writeObjectFieldStart("physicalLocation");
        g.writeObjectFieldStart("artifactLocation");
        g.writeStringField("uri", f.location().file());
        g.writeEndObject();
        if (f.location().line() > 0) {
          g.writeObjectFieldStart("region");
          g.writeNumberField("startLine", f.location().line());
          if (f.location().column() > 0) {
            g.writeNumberField("startColumn", f.location().column());
          }
          g.writeEndObject();
        }
        g.writeEndObject();
        g.writeArrayFieldStart("logicalLocations");
        g.writeStartObject();
        g.writeStringField("name", f.resource().name());
        g.writeStringField("fullyQualifiedName", f.resource().kind() + "/" + f.resource().name());
        g.writeStringField("kind", "resource");
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("invocations");
      g.writeStartObject();
      g.writeBooleanField("executionSuccessful", true);
      g.writeArrayFieldStart("toolExecutionNotifications");
      for (String w : r.warnings()) {
        g.writeStartObject();
        g.writeStringField("level", "warning");
        g.writeObjectFieldStart("message");
        g.writeStringField("text", w);
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  private static void table(AuditReport r, OutputStream out) {
    PrintWriter w = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
    w.println("Audit of " + r.engine());
    w.println();
    String current = null;
    for (ConfigFinding f : sorted(r)) {
      String res = f.resource().kind() + " " + f.resource().name();
      if (!res.equals(current)) {
        if (current != null) {
          w.println();
        }
        w.println(res);
        current = res;
      }
      w.printf(
          Locale.ROOT,
          "  %-8s %-15s %s%n",
          f.severity().name(),
          f.rule().id(),
          f.rule().title() + " [" + String.join(", ", f.rule().frameworks()) + "]");
      w.println("                           " + f.message());
    }
    if (r.findings().isEmpty()) {
      w.println("No findings.");
    }
    w.println();
    Map<Severity, Long> counts = new LinkedHashMap<>();
    for (Severity s : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW)) {
      counts.put(s, r.findings().stream().filter(f -> f.severity() == s).count());
    }
    StringBuilder sum = new StringBuilder("Total: " + r.findings().size());
    counts.forEach((s, n) -> sum.append(", ").append(s.name()).append(' ').append(n));
    w.println(sum);
    for (String warning : r.warnings()) {
      w.println("note: " + warning);
    }
    w.flush();
  }
}
