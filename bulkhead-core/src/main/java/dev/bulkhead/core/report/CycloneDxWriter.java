package dev.bulkhead.core.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.bulkhead.core.Finding;
import dev.bulkhead.core.OsInfo;
import dev.bulkhead.core.Package;
import dev.bulkhead.core.Report;
import dev.bulkhead.core.Severity;
import dev.bulkhead.core.SuppressedFinding;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a report as a CycloneDX 1.6 JSON BOM: one component per package (with its purl, and the
 * layer diff id and database file as properties), the operating system as a component, a flat
 * dependency list under the scanned target, and, when the report holds findings, a {@code
 * vulnerabilities} list (a VDR) whose suppressed entries carry a VEX {@code analysis}.
 *
 * @see <a href="https://cyclonedx.org/docs/1.6/json/">CycloneDX 1.6 JSON reference</a>
 */
public final class CycloneDxWriter implements ReportWriter {
  /** The property naming the diff id of the layer that introduced a package. */
  public static final String PROP_LAYER = "bulkhead:layer_diff_id";

  /** The property naming the file a package was read from. */
  public static final String PROP_PATH = "bulkhead:path";

  /** The property naming a package's source package. */
  public static final String PROP_SOURCE_NAME = "bulkhead:source_name";

  /** The property naming a package's source package version. */
  public static final String PROP_SOURCE_VERSION = "bulkhead:source_version";

  /** The property of the operating-system component naming the release codename. */
  public static final String PROP_OS_CODENAME = "bulkhead:os_codename";

  static final String TARGET_REF = "bulkhead:target";
  static final String OS_REF = "bulkhead:os";
  private static final JsonFactory FACTORY = new JsonFactory();

  private final String toolVersion;
  private final Clock clock;

  /** Creates a writer naming the given Bulkhead version as the tool. */
  public CycloneDxWriter(String toolVersion) {
    this(toolVersion, Clock.systemUTC());
  }

  /** Creates a writer with a clock for the timestamp (tests). */
  public CycloneDxWriter(String toolVersion, Clock clock) {
    this.toolVersion = toolVersion;
    this.clock = clock;
  }

  @Override
  public String format() {
    return "cyclonedx";
  }

  @Override
  public void write(Report report, OutputStream out) throws IOException {
    BomRefs refs = new BomRefs(report, "bulkhead:pkg:");
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("$schema", "http://cyclonedx.org/schema/bom-1.6.schema.json");
      g.writeStringField("bomFormat", "CycloneDX");
      g.writeStringField("specVersion", "1.6");
      g.writeStringField("serialNumber", "urn:uuid:" + UUID.randomUUID());
      g.writeNumberField("version", 1);
      writeMetadata(g, report);
      List<String> componentRefs = new ArrayList<>();
      g.writeArrayFieldStart("components");
      if (report.os() != null) {
        writeOs(g, report.os());
        componentRefs.add(OS_REF);
      }
      for (Package p : report.packages()) {
        writeComponent(g, p, refs.of(p));
        componentRefs.add(refs.of(p));
      }
      g.writeEndArray();
      g.writeArrayFieldStart("dependencies");
      g.writeStartObject();
      g.writeStringField("ref", TARGET_REF);
      g.writeArrayFieldStart("dependsOn");
      for (String ref : componentRefs) {
        g.writeString(ref);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndArray();
      if (!report.findings().isEmpty() || !report.suppressed().isEmpty()) {
        g.writeArrayFieldStart("vulnerabilities");
        int n = 0;
        for (Finding f : report.findings()) {
          writeVulnerability(g, ++n, f, refs.of(f), null);
        }
        for (SuppressedFinding s : report.suppressed()) {
          writeVulnerability(g, ++n, s.finding(), refs.of(s.finding()), s);
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    }
    out.write('\n');
    out.flush();
  }

  private void writeMetadata(JsonGenerator g, Report report) throws IOException {
    g.writeObjectFieldStart("metadata");
    g.writeStringField("timestamp", Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
    g.writeObjectFieldStart("tools");
    g.writeArrayFieldStart("components");
    g.writeStartObject();
    g.writeStringField("type", "application");
    g.writeStringField("group", "dev.bulkhead");
    g.writeStringField("name", "bulkhead");
    g.writeStringField("version", toolVersion);
    g.writeEndObject();
    g.writeEndArray();
    g.writeEndObject();
    g.writeObjectFieldStart("component");
    g.writeStringField("type", report.layers().isEmpty() ? "application" : "container");
    g.writeStringField("bom-ref", TARGET_REF);
    g.writeStringField("name", report.target());
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void writeOs(JsonGenerator g, OsInfo os) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", "operating-system");
    g.writeStringField("bom-ref", OS_REF);
    g.writeStringField("name", os.family() == null ? "unknown" : os.family());
    if (os.version() != null) {
      g.writeStringField("version", os.version());
    }
    if (os.prettyName() != null) {
      g.writeStringField("description", os.prettyName());
    }
    if (os.codename() != null) {
      g.writeArrayFieldStart("properties");
      g.writeStartObject();
      g.writeStringField("name", PROP_OS_CODENAME);
      g.writeStringField("value", os.codename());
      g.writeEndObject();
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void writeComponent(JsonGenerator g, Package p, String ref) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", "library");
    g.writeStringField("bom-ref", ref);
    g.writeStringField("name", p.name());
    if (p.version() != null && !p.version().isEmpty()) {
      g.writeStringField("version", p.version());
    }
    if (p.purl() != null && !p.purl().isBlank()) {
      g.writeStringField("purl", p.purl());
    }
    Map<String, String> props = new java.util.LinkedHashMap<>();
    props.put("bulkhead:package_type", p.type());
    props.put(PROP_SOURCE_NAME, p.sourceName());
    props.put(PROP_SOURCE_VERSION, p.sourceVersion());
    props.put(PROP_LAYER, p.layer());
    props.put("bulkhead:layer_created_by", p.layerCommand());
    props.put(PROP_PATH, p.path());
    g.writeArrayFieldStart("properties");
    for (Map.Entry<String, String> e : props.entrySet()) {
      if (e.getValue() != null) {
        g.writeStartObject();
        g.writeStringField("name", e.getKey());
        g.writeStringField("value", e.getValue());
        g.writeEndObject();
      }
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void writeVulnerability(
      JsonGenerator g, int n, Finding f, String ref, SuppressedFinding suppressed)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("bom-ref", "bulkhead:vuln:" + n);
    g.writeStringField("id", f.vulnerabilityId());
    g.writeObjectFieldStart("source");
    g.writeStringField("name", f.dataSource() == null ? "bulkhead" : f.dataSource());
    if (!f.references().isEmpty()) {
      g.writeStringField("url", f.references().get(0));
    }
    g.writeEndObject();
    if (!f.aliases().isEmpty()) {
      g.writeArrayFieldStart("references");
      for (String alias : f.aliases()) {
        g.writeStartObject();
        g.writeStringField("id", alias);
        g.writeObjectFieldStart("source");
        g.writeStringField("name", sourceOfId(alias));
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeArrayFieldStart("ratings");
    g.writeStartObject();
    g.writeObjectFieldStart("source");
    g.writeStringField("name", f.dataSource() == null ? "bulkhead" : f.dataSource());
    g.writeEndObject();
    g.writeStringField("severity", severity(f.severity()));
    g.writeStringField("method", "other");
    g.writeEndObject();
    g.writeEndArray();
    if (f.title() != null && !f.title().isBlank()) {
      g.writeStringField("description", f.title());
    }
    if (f.fixedVersion() != null) {
      g.writeStringField(
          "recommendation", "Upgrade " + f.packageName() + " to " + f.fixedVersion());
    }
    if (!f.references().isEmpty()) {
      g.writeArrayFieldStart("advisories");
      for (String url : f.references()) {
        g.writeStartObject();
        g.writeStringField("url", url);
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    if (suppressed != null) {
      writeAnalysis(g, suppressed);
    }
    g.writeArrayFieldStart("affects");
    g.writeStartObject();
    g.writeStringField("ref", ref == null ? TARGET_REF : ref);
    g.writeArrayFieldStart("versions");
    g.writeStartObject();
    g.writeStringField("version", f.installedVersion());
    g.writeStringField("status", silencedByVex(suppressed) ? "unaffected" : "affected");
    g.writeEndObject();
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndArray();
    g.writeEndObject();
  }

  /** Tells whether a VEX statement (not an ignore entry) silenced the finding. */
  private static boolean silencedByVex(SuppressedFinding s) {
    return s != null && SuppressedFinding.VEX.equals(s.kind());
  }

  /**
   * Writes the analysis of a silenced finding. Only VEX statements become {@code not_affected} or
   * {@code resolved}: an ignore entry is an accepted risk, written as {@code exploitable} with
   * response {@code will_not_fix} (reason and expiry in {@code detail}), so that feeding this
   * document back as VEX never silences a finding after the entry expired.
   */
  private static void writeAnalysis(JsonGenerator g, SuppressedFinding s) throws IOException {
    g.writeObjectFieldStart("analysis");
    if (silencedByVex(s)) {
      g.writeStringField("state", "fixed".equals(s.status()) ? "resolved" : "not_affected");
      String justification = Justifications.toCycloneDx(s.justification());
      if (justification != null) {
        g.writeStringField("justification", justification);
      }
    } else {
      g.writeStringField("state", "exploitable");
      g.writeArrayFieldStart("response");
      g.writeString("will_not_fix");
      g.writeEndArray();
    }
    g.writeStringField("detail", describe(s));
    g.writeEndObject();
  }

  /** Returns one line saying what silenced a finding: status, justification, reason, file. */
  static String describe(SuppressedFinding s) {
    StringBuilder d = new StringBuilder();
    if (SuppressedFinding.VEX.equals(s.kind())) {
      d.append("VEX ").append(s.status());
      if (s.justification() != null) {
        d.append(" (").append(s.justification()).append(')');
      }
    } else {
      d.append("ignored");
    }
    if (s.reason() != null && !s.reason().isBlank()) {
      d.append(": ").append(s.reason());
    }
    return d.append(" [").append(s.source()).append(']').toString();
  }

  private static String sourceOfId(String id) {
    String upper = id.toUpperCase(Locale.ROOT);
    if (upper.startsWith("CVE-")) {
      return "NVD";
    }
    if (upper.startsWith("GHSA-")) {
      return "GitHub";
    }
    int dash = id.indexOf('-');
    return dash > 0 ? id.substring(0, dash) : "unknown";
  }

  static String severity(Severity s) {
    return s == Severity.UNKNOWN ? "unknown" : s.name().toLowerCase(Locale.ROOT);
  }
}
