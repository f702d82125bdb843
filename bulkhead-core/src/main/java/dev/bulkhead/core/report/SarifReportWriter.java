package dev.bulkhead.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.bulkhead.core.ContentFinding;
import dev.bulkhead.core.Finding;
import dev.bulkhead.core.Package;
import dev.bulkhead.core.Report;
import dev.bulkhead.core.SuppressedFinding;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes SARIF 2.1.0 as GitHub code scanning accepts it: one rule per vulnerability id with a
 * {@code security-severity} property, one result per affected package, located at the package
 * database file the package was read from.
 *
 * @see <a href="https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html">SARIF 2.1.0</a>
 * @see <a
 *     href="https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning">GitHub
 *     SARIF support</a>
 */
public final class SarifReportWriter implements ReportWriter {
  private final String toolVersion;

  /** Creates a writer naming the given Bulkhead version as the tool version. */
  public SarifReportWriter(String toolVersion) {
    this.toolVersion = toolVersion;
  }

  @Override
  public String format() {
    return "sarif";
  }

  @Override
  public void write(Report report, OutputStream out) throws IOException {
    Map<String, Finding> rules = new LinkedHashMap<>();
    for (Finding f : report.findings()) {
      rules.putIfAbsent(f.vulnerabilityId(), f);
    }
    for (SuppressedFinding s : report.suppressed()) {
      rules.putIfAbsent(s.finding().vulnerabilityId(), s.finding());
    }
    try (JsonGenerator g = Sarif.generator(out)) {
      Sarif.startRun(g, toolVersion);
      writeRules(g, rules, contentRules(report));
      g.writeArrayFieldStart("results");
      for (Finding f : report.findings()) {
        writeResult(g, report, f, null);
      }
      for (SuppressedFinding s : report.suppressed()) {
        writeResult(g, report, s.finding(), s);
      }
      for (ContentFinding f : report.contentFindings()) {
        writeContentResult(g, f);
      }
      g.writeEndArray();
      g.writeObjectFieldStart("properties");
      g.writeStringField("target", report.target());
      g.writeEndObject();
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write('\n');
    out.flush();
  }

  private static Map<String, ContentFinding> contentRules(Report report) {
    Map<String, ContentFinding> rules = new LinkedHashMap<>();
    for (ContentFinding f : report.contentFindings()) {
      rules.putIfAbsent(f.ruleId(), f);
    }
    return rules;
  }

  private static void writeRules(
      JsonGenerator g, Map<String, Finding> rules, Map<String, ContentFinding> contentRules)
      throws IOException {
    g.writeArrayFieldStart("rules");
    for (Finding f : rules.values()) {
      String title = f.title() == null || f.title().isBlank() ? f.vulnerabilityId() : f.title();
      g.writeStartObject();
      g.writeStringField("id", f.vulnerabilityId());
      g.writeStringField("name", "OsPackageVulnerability");
      g.writeObjectFieldStart("shortDescription");
      g.writeStringField("text", f.vulnerabilityId() + ": " + abbreviate(title, 200));
      g.writeEndObject();
      g.writeObjectFieldStart("fullDescription");
      g.writeStringField("text", title);
      g.writeEndObject();
      if (!f.references().isEmpty()) {
        g.writeStringField("helpUri", f.references().get(0));
      }
      g.writeObjectFieldStart("help");
      g.writeStringField(
          "text",
          "Vulnerability " + f.vulnerabilityId() + "\nSeverity: " + f.severity() + "\n" + title);
      g.writeEndObject();
      g.writeObjectFieldStart("defaultConfiguration");
      g.writeStringField("level", Sarif.level(f.severity()));
      g.writeEndObject();
      g.writeObjectFieldStart("properties");
      g.writeStringField("security-severity", Sarif.securitySeverity(f.severity()));
      g.writeArrayFieldStart("tags");
      g.writeString("vulnerability");
      g.writeString("security");
      g.writeString(f.severity().name());
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndObject();
    }
    for (ContentFinding f : contentRules.values()) {
      writeContentRule(g, f);
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void writeContentRule(JsonGenerator g, ContentFinding f) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", f.ruleId());
    g.writeStringField("name", ContentFinding.SECRET.equals(f.kind()) ? "Secret" : "Malware");
    g.writeObjectFieldStart("shortDescription");
    g.writeStringField("text", abbreviate(f.title(), 200));
    g.writeEndObject();
    g.writeObjectFieldStart("defaultConfiguration");
    g.writeStringField("level", Sarif.level(f.severity()));
    g.writeEndObject();
    g.writeObjectFieldStart("properties");
    g.writeStringField("security-severity", Sarif.securitySeverity(f.severity()));
    g.writeArrayFieldStart("tags");
    g.writeString(f.kind());
    g.writeString("security");
    g.writeString(f.category());
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void writeContentResult(JsonGenerator g, ContentFinding f) throws IOException {
    g.writeStartObject();
    g.writeStringField("ruleId", f.ruleId());
    g.writeStringField("level", Sarif.level(f.severity()));
    g.writeObjectFieldStart("message");
    String removed =
        ContentFinding.REMOVED.equals(f.status())
            ? " (deleted by a later layer, still present in the image)"
            : "";
    String excerpt = f.excerpt() == null || f.excerpt().isBlank() ? "" : ": " + f.excerpt();
    g.writeStringField("text", f.title() + removed + excerpt);
    g.writeEndObject();
    g.writeArrayFieldStart("locations");
    g.writeStartObject();
    g.writeObjectFieldStart("physicalLocation");
    g.writeObjectFieldStart("artifactLocation");
    g.writeStringField("uri", uriOf(f.path()));
    g.writeEndObject();
    g.writeObjectFieldStart("region");
    g.writeNumberField("startLine", Math.max(1, f.line()));
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndArray();
    g.writeObjectFieldStart("partialFingerprints");
    g.writeStringField(
        "bulkhead/v1", f.ruleId() + "/" + f.path() + "/" + f.line() + "/" + f.layer());
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void writeResult(
      JsonGenerator g, Report report, Finding f, SuppressedFinding suppressed) throws IOException {
    g.writeStartObject();
    g.writeStringField("ruleId", f.vulnerabilityId());
    g.writeStringField("level", Sarif.level(f.severity()));
    g.writeObjectFieldStart("message");
    String fix = f.fixedVersion() == null ? "no fixed version yet" : "fixed in " + f.fixedVersion();
    g.writeStringField(
        "text",
        String.format(
            Locale.ROOT,
            "Package %s %s is affected by %s (%s, %s) in %s",
            f.packageName(),
            f.installedVersion(),
            f.vulnerabilityId(),
            f.severity(),
            fix,
            report.target()));
    g.writeEndObject();
    g.writeArrayFieldStart("locations");
    g.writeStartObject();
    g.writeObjectFieldStart("physicalLocation");
    g.writeObjectFieldStart("artifactLocation");
    g.writeStringField("uri", locationOf(report, f));
    g.writeEndObject();
    g.writeObjectFieldStart("region");
    g.writeNumberField("startLine", 1);
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndArray();
    g.writeObjectFieldStart("partialFingerprints");
    g.writeStringField(
        "bulkhead/v1", f.vulnerabilityId() + "/" + f.packageName() + "/" + f.installedVersion());
    g.writeEndObject();
    if (suppressed != null) {
      // SARIF 2.1.0 section 3.35: an external suppression (VEX or ignore file), accepted.
      g.writeArrayFieldStart("suppressions");
      g.writeStartObject();
      g.writeStringField("kind", "external");
      g.writeStringField("status", "accepted");
      g.writeStringField("justification", CycloneDxWriter.describe(suppressed));
      g.writeObjectFieldStart("properties");
      g.writeStringField("source", suppressed.source());
      g.writeStringField("suppressionKind", suppressed.kind());
      g.writeEndObject();
      g.writeEndObject();
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static String locationOf(Report report, Finding f) {
    for (Package p : report.packages()) {
      if (p.name().equals(f.packageName())
          && p.version().equals(f.installedVersion())
          && p.path() != null) {
        return p.path();
      }
    }
    return report.target().replace(':', '/');
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

  static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
