package dev.bulkhead.core.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.bulkhead.core.Finding;
import dev.bulkhead.core.OsInfo;
import dev.bulkhead.core.Package;
import dev.bulkhead.core.PackageIndex;
import dev.bulkhead.core.Report;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes a report as an SPDX 2.3 JSON document: the scanned target as the described package, one
 * package per installed package (purl as a {@code PACKAGE-MANAGER} external reference, source
 * package in {@code sourceInfo}, layer and file in {@code comment}), the operating system as an
 * {@code OPERATING_SYSTEM} package, and {@code CONTAINS} relationships. SPDX 2.3 has no
 * vulnerability section: findings become {@code SECURITY advisory} references on their package.
 *
 * @see <a href="https://spdx.github.io/spdx-spec/v2.3/">SPDX 2.3</a>
 */
public final class SpdxWriter implements ReportWriter {
  /** The prefix {@link #write} gives {@code sourceInfo} before the source package name. */
  public static final String SOURCE_INFO_PREFIX = "built package from: ";

  static final String NAMESPACE_BASE = "https://bulkhead.dev/spdxdocs/";
  private static final JsonFactory FACTORY = new JsonFactory();

  private final String toolVersion;
  private final Clock clock;

  /** Creates a writer naming the given Bulkhead version as the creating tool. */
  public SpdxWriter(String toolVersion) {
    this(toolVersion, Clock.systemUTC());
  }

  /** Creates a writer with a clock for the creation time (tests). */
  public SpdxWriter(String toolVersion, Clock clock) {
    this.toolVersion = toolVersion;
    this.clock = clock;
  }

  @Override
  public String format() {
    return "spdx-json";
  }

  @Override
  public void write(Report report, OutputStream out) throws IOException {
    Map<Package, List<Finding>> findings = new IdentityHashMap<>();
    PackageIndex index = new PackageIndex(report.packages());
    for (Finding f : report.findings()) {
      Package p = index.packageOf(f);
      if (p != null) {
        findings.computeIfAbsent(p, k -> new ArrayList<>()).add(f);
      }
    }
    List<String> contained = new ArrayList<>();
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("spdxVersion", "SPDX-2.3");
      g.writeStringField("dataLicense", "CC0-1.0");
      g.writeStringField("SPDXID", "SPDXRef-DOCUMENT");
      g.writeStringField("name", report.target());
      g.writeStringField(
          "documentNamespace",
          NAMESPACE_BASE + idString(report.target()) + "-" + UUID.randomUUID());
      g.writeObjectFieldStart("creationInfo");
      g.writeStringField("created", Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
      g.writeArrayFieldStart("creators");
      g.writeString("Tool: bulkhead-" + toolVersion);
      g.writeEndArray();
      g.writeEndObject();
      g.writeArrayFieldStart("documentDescribes");
      g.writeString("SPDXRef-Target");
      g.writeEndArray();
      g.writeArrayFieldStart("packages");
      g.writeStartObject();
      g.writeStringField("SPDXID", "SPDXRef-Target");
      g.writeStringField("name", report.target());
      g.writeStringField("downloadLocation", "NOASSERTION");
      g.writeBooleanField("filesAnalyzed", false);
      g.writeStringField(
          "primaryPackagePurpose", report.layers().isEmpty() ? "SOURCE" : "CONTAINER");
      g.writeEndObject();
      if (report.os() != null) {
        writeOs(g, report.os());
        contained.add("SPDXRef-OperatingSystem");
      }
      List<Package> packages = report.packages();
      for (int i = 0; i < packages.size(); i++) {
        String id = "SPDXRef-Package-" + (i + 1) + "-" + idString(packages.get(i).name());
        writePackage(g, id, packages.get(i), findings.getOrDefault(packages.get(i), List.of()));
        contained.add(id);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("relationships");
      writeRelationship(g, "SPDXRef-DOCUMENT", "DESCRIBES", "SPDXRef-Target");
      for (String id : contained) {
        writeRelationship(g, "SPDXRef-Target", "CONTAINS", id);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write('\n');
    out.flush();
  }

  private static void writeOs(JsonGenerator g, OsInfo os) throws IOException {
    g.writeStartObject();
    g.writeStringField("SPDXID", "SPDXRef-OperatingSystem");
    g.writeStringField("name", os.family() == null ? "unknown" : os.family());
    if (os.version() != null) {
      g.writeStringField("versionInfo", os.version());
    }
    g.writeStringField("downloadLocation", "NOASSERTION");
    g.writeBooleanField("filesAnalyzed", false);
    if (os.prettyName() != null) {
      g.writeStringField("description", os.prettyName());
    }
    if (os.codename() != null) {
      g.writeStringField("comment", "codename " + os.codename());
    }
    g.writeStringField("primaryPackagePurpose", "OPERATING_SYSTEM");
    g.writeEndObject();
  }

  private static void writePackage(JsonGenerator g, String id, Package p, List<Finding> findings)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("SPDXID", id);
    g.writeStringField("name", p.name());
    if (p.version() != null && !p.version().isEmpty()) {
      g.writeStringField("versionInfo", p.version());
    }
    g.writeStringField("downloadLocation", "NOASSERTION");
    g.writeBooleanField("filesAnalyzed", false);
    if (p.sourceName() != null && !p.sourceName().isEmpty()) {
      String version = p.sourceVersion() == null ? "" : " " + p.sourceVersion();
      g.writeStringField("sourceInfo", SOURCE_INFO_PREFIX + p.sourceName() + version);
    }
    List<String> where = new ArrayList<>();
    if (p.layer() != null) {
      where.add("layer " + p.layer());
    }
    if (p.path() != null) {
      where.add("path " + p.path());
    }
    if (!where.isEmpty()) {
      g.writeStringField("comment", String.join("; ", where));
    }
    g.writeStringField("primaryPackagePurpose", "LIBRARY");
    Set<String> advisories = new LinkedHashSet<>();
    for (Finding f : findings) {
      advisories.add(advisoryUrl(f));
    }
    if ((p.purl() != null && !p.purl().isBlank()) || !advisories.isEmpty()) {
      g.writeArrayFieldStart("externalRefs");
      if (p.purl() != null && !p.purl().isBlank()) {
        writeRef(g, "PACKAGE-MANAGER", "purl", p.purl());
      }
      for (String url : advisories) {
        writeRef(g, "SECURITY", "advisory", url);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static String advisoryUrl(Finding f) {
    if (!f.references().isEmpty()) {
      return f.references().get(0);
    }
    String id = f.vulnerabilityId();
    if (id.toUpperCase(Locale.ROOT).startsWith("CVE-")) {
      return "https://nvd.nist.gov/vuln/detail/" + id;
    }
    return "https://osv.dev/vulnerability/" + id;
  }

  private static void writeRef(JsonGenerator g, String category, String type, String locator)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("referenceCategory", category);
    g.writeStringField("referenceType", type);
    g.writeStringField("referenceLocator", locator);
    g.writeEndObject();
  }

  private static void writeRelationship(JsonGenerator g, String from, String type, String to)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("spdxElementId", from);
    g.writeStringField("relationshipType", type);
    g.writeStringField("relatedSpdxElement", to);
    g.writeEndObject();
  }

  /** Returns {@code s} with everything but letters, digits, '.' and '-' replaced by '-'. */
  static String idString(String s) {
    String id = s.replaceAll("[^A-Za-z0-9.-]", "-");
    return id.length() > 64 ? id.substring(0, 64) : id;
  }
}
