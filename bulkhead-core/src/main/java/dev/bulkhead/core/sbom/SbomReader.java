package dev.bulkhead.core.sbom;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.OsInfo;
import dev.bulkhead.core.Package;
import dev.bulkhead.core.io.JsonFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a CycloneDX (1.2 to 1.6) or SPDX 2.x JSON SBOM into {@link Package}s: every component with
 * a package URL becomes a package named as Bulkhead's analyzers name them, with its source package
 * (Bulkhead and Trivy properties, SPDX {@code sourceInfo}, or the purl {@code upstream} qualifier),
 * and the operating system comes from an operating-system component or the purls' {@code distro}
 * qualifier.
 */
public final class SbomReader {
  /** The largest SBOM file accepted. */
  public static final long MAX_BYTES = 64L << 20;

  /** The most components read from one SBOM. */
  public static final int MAX_COMPONENTS = 200_000;

  private static final String[] SOURCE_NAME_PROPS = {
    "bulkhead:source_name", "aquasecurity:trivy:SrcName"
  };
  private static final String[] SOURCE_VERSION_PROPS = {
    "bulkhead:source_version", "aquasecurity:trivy:SrcVersion"
  };
  private static final String[] LAYER_PROPS = {
    "bulkhead:layer_diff_id", "aquasecurity:trivy:LayerDiffID"
  };
  private static final String[] PATH_PROPS = {
    "bulkhead:path", "aquasecurity:trivy:FilePath", "syft:location:0:path"
  };

  private SbomReader() {}

  /**
   * Reads an SBOM file, detecting CycloneDX by {@code bomFormat} and SPDX by {@code spdxVersion}.
   *
   * @throws BulkheadException naming the file when it is missing, too large, not JSON, neither
   *     format, or lists more than {@link #MAX_COMPONENTS} components
   */
  public static Sbom read(Path file) throws BulkheadException {
    return JsonFiles.stream(file, MAX_BYTES, "SBOM", parser -> read(file, parser));
  }

  /**
   * Reads the top-level object field by field, handing each element of {@code components}
   * (CycloneDX) and {@code packages} (SPDX) over as it is parsed, so memory holds one component
   * tree at a time rather than the whole document.
   */
  private static Sbom read(Path file, JsonParser parser) throws IOException, BulkheadException {
    Collector cdx = new Collector(file, Sbom.CYCLONEDX);
    Collector spdx = new Collector(file, Sbom.SPDX);
    ObjectNode header = JsonNodeFactory.instance.objectNode();
    JsonToken first = parser.nextToken();
    if (first == null) {
      throw new BulkheadException("SBOM " + file + " is empty; pass a CycloneDX or SPDX JSON file");
    }
    if (first == JsonToken.START_OBJECT) {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (value == JsonToken.START_ARRAY && field.equals("components")) {
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            cdx.component(parser.readValueAsTree());
          }
        } else if (value == JsonToken.START_ARRAY && field.equals("packages")) {
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            spdx.spdxPackage(parser.readValueAsTree());
          }
        } else {
          header.set(field, parser.readValueAsTree());
        }
      }
    }
    if ("CycloneDX".equals(header.path("bomFormat").asText())) {
      return cdx.finishCycloneDx(header);
    }
    if (header.path("spdxVersion").asText().startsWith("SPDX-2")) {
      return spdx.finishSpdx(header);
    }
    throw new BulkheadException(
        "SBOM "
            + file
            + " is neither a CycloneDX JSON BOM (\"bomFormat\": \"CycloneDX\") nor an SPDX 2.x"
            + " JSON document (\"spdxVersion\": \"SPDX-2.3\"); XML, tag-value and SPDX 3 are not"
            + " read");
  }

  /** Collects packages, the OS and warnings while walking one document. */
  private static final class Collector {
    private final Path file;
    private final String format;
    private final List<Package> packages = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, Integer> distros = new LinkedHashMap<>();
    private OsInfo os;
    private final Set<String> withoutPurlIds = new HashSet<>();
    private int withoutPurl;
    private int badPurl;
    private int seen;

    Collector(Path file, String format) {
      this.file = file;
      this.format = format;
    }

    /** Takes one top-level CycloneDX component with the components nested in it. */
    void component(JsonNode top) throws BulkheadException {
      Deque<JsonNode> todo = new ArrayDeque<>();
      todo.push(top);
      while (!todo.isEmpty()) {
        JsonNode c = todo.pop();
        count();
        if (!c.isObject()) {
          continue;
        }
        for (JsonNode child : c.path("components")) {
          todo.push(child);
        }
        if (osFromComponent(c)) {
          continue;
        }
        Map<String, String> props = new HashMap<>();
        for (JsonNode p : c.path("properties")) {
          props.putIfAbsent(p.path("name").asText(), p.path("value").asText(null));
        }
        add(
            text(c, "purl"),
            text(c, "name"),
            text(c, "version"),
            first(props, SOURCE_NAME_PROPS),
            first(props, SOURCE_VERSION_PROPS),
            first(props, LAYER_PROPS),
            first(props, PATH_PROPS));
      }
    }

    Sbom finishCycloneDx(JsonNode header) throws BulkheadException {
      JsonNode meta = header.path("metadata").path("component");
      if (meta.isObject()) {
        OsInfo before = os;
        for (JsonNode child : meta.path("components")) {
          component(child);
        }
        if (osFromComponent(meta) && before != null) {
          os = before;
        }
      }
      return finish(text(meta, "name"));
    }

    /** Takes one SPDX package. */
    void spdxPackage(JsonNode p) throws BulkheadException {
      count();
      if ("OPERATING_SYSTEM".equals(text(p, "primaryPackagePurpose"))) {
        String comment = text(p, "comment");
        String codename =
            comment != null && comment.startsWith("codename ") ? comment.substring(9) : null;
        os = osOf(text(p, "name"), text(p, "versionInfo"), codename, text(p, "description"));
        return;
      }
      String purl = null;
      for (JsonNode ref : p.path("externalRefs")) {
        if ("purl".equals(text(ref, "referenceType"))) {
          purl = text(ref, "referenceLocator");
          break;
        }
      }
      String sourceName = null;
      String sourceVersion = null;
      String info = text(p, "sourceInfo");
      if (info != null && info.startsWith("built package from: ")) {
        String[] parts = info.substring("built package from: ".length()).strip().split("\\s+");
        sourceName = parts[0].isEmpty() ? null : parts[0];
        sourceVersion = parts.length > 1 ? parts[1] : null;
      }
      String layer = null;
      String path = null;
      String comment = text(p, "comment");
      if (comment != null) {
        for (String part : comment.split("; ")) {
          if (part.startsWith("layer ")) {
            layer = part.substring(6);
          } else if (part.startsWith("path ")) {
            path = part.substring(5);
          }
        }
      }
      if (purl == null && text(p, "SPDXID") != null) {
        withoutPurlIds.add(text(p, "SPDXID"));
      }
      add(purl, text(p, "name"), text(p, "versionInfo"), sourceName, sourceVersion, layer, path);
    }

    Sbom finishSpdx(JsonNode header) {
      if (withoutPurlIds.contains(firstDescribed(header))) {
        withoutPurl--; // the described target itself carries no purl, and needs none
      }
      return finish(text(header, "name"));
    }

    private static String firstDescribed(JsonNode root) {
      JsonNode described = root.path("documentDescribes");
      if (described.isArray() && described.size() > 0) {
        return described.get(0).asText();
      }
      for (JsonNode r : root.path("relationships")) {
        if ("DESCRIBES".equals(r.path("relationshipType").asText())
            && "SPDXRef-DOCUMENT".equals(r.path("spdxElementId").asText())) {
          return r.path("relatedSpdxElement").asText();
        }
      }
      return "";
    }

    private void count() throws BulkheadException {
      if (++seen > MAX_COMPONENTS) {
        throw new BulkheadException(
            "SBOM "
                + file
                + " lists more than "
                + MAX_COMPONENTS
                + " components; split it or scan the image itself");
      }
    }

    private boolean osFromComponent(JsonNode c) {
      if (!"operating-system".equals(text(c, "type"))) {
        return false;
      }
      String codename = null;
      for (JsonNode p : c.path("properties")) {
        if ("bulkhead:os_codename".equals(p.path("name").asText())) {
          codename = text(p, "value");
        }
      }
      os = osOf(text(c, "name"), text(c, "version"), codename, text(c, "description"));
      return true;
    }

    private void add(
        String purlText,
        String componentName,
        String componentVersion,
        String sourceName,
        String sourceVersion,
        String layer,
        String path) {
      if (purlText == null || purlText.isBlank()) {
        withoutPurl++;
        return;
      }
      Purl purl = Purl.parseOrNull(purlText);
      if (purl == null) {
        badPurl++;
        return;
      }
      String version = purl.version() != null ? purl.version() : componentVersion;
      if (version == null) {
        withoutPurl++;
        return;
      }
      String epoch = purl.qualifiers().get("epoch");
      if ("rpm".equals(purl.type()) && epoch != null && !version.contains(":")) {
        version = epoch + ":" + version;
      }
      String upstream = purl.qualifiers().get("upstream");
      if (sourceName == null && upstream != null) {
        int at = upstream.indexOf('@');
        sourceName = at > 0 ? upstream.substring(0, at) : upstream;
        sourceVersion = at > 0 ? upstream.substring(at + 1) : null;
      }
      String distro = purl.qualifiers().get("distro");
      if (distro != null && Purl.isOsType(purl.type())) {
        distros.merge(
            purl.namespace() == null ? distro : purl.namespace() + "\u0000" + distro,
            1,
            Integer::sum);
      }
      String name = nameOf(purl, componentName);
      packages.add(
          new Package(
              name,
              version,
              purl.qualifiers().get("arch"),
              sourceName == null ? name : sourceName,
              sourceVersion == null ? version : sourceVersion,
              purl.type(),
              purlText.strip(),
              layer,
              null,
              path));
    }

    private Sbom finish(String subject) {
      if (os == null && !distros.isEmpty()) {
        String top =
            distros.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        int nul = top.indexOf('\u0000');
        os = osFromDistro(nul < 0 ? null : top.substring(0, nul), top.substring(nul + 1));
      }
      if (withoutPurl > 0) {
        warnings.add(
            "SBOM "
                + file
                + ": "
                + withoutPurl
                + " components without a package URL (or version) were skipped");
      }
      if (badPurl > 0) {
        warnings.add(
            "SBOM " + file + ": " + badPurl + " components with a malformed package URL skipped");
      }
      return new Sbom(format, subject, os, packages, warnings);
    }
  }

  /**
   * Returns the package name Bulkhead's analyzers would give: {@code group:artifact} for Maven,
   * {@code namespace/name} for npm scopes, Go modules, Composer and the like, the bare name for OS
   * packages (whose namespace is the distribution), and for PyPI the component's own spelling when
   * it normalises to the purl name.
   */
  static String nameOf(Purl purl, String componentName) {
    String ns = purl.namespace();
    switch (purl.type()) {
      case "deb", "apk", "rpm", "alpm", "apkg" -> {
        return purl.name();
      }
      case "maven" -> {
        return ns == null ? purl.name() : ns + ":" + purl.name();
      }
      case "pypi" -> {
        if (componentName != null
            && Purl.normalisePypi(componentName).equals(Purl.normalisePypi(purl.name()))) {
          return componentName;
        }
        return purl.name();
      }
      default -> {
        return ns == null ? purl.name() : ns + "/" + purl.name();
      }
    }
  }

  /**
   * Reads a purl {@code distro} qualifier: {@code debian-12}, {@code alpine-3.11.5}, {@code
   * rocky-9.3}, or a bare Debian codename ({@code bookworm}) or version with the namespace as the
   * family.
   */
  static OsInfo osFromDistro(String namespace, String distro) {
    String d = distro.strip().toLowerCase(Locale.ROOT);
    int dash = d.lastIndexOf('-');
    if (dash > 0 && dash < d.length() - 1 && Character.isDigit(d.charAt(dash + 1))) {
      return OsInfo.of(d.substring(0, dash), d.substring(dash + 1));
    }
    String family = namespace == null ? null : namespace.toLowerCase(Locale.ROOT);
    if (Character.isDigit(d.isEmpty() ? 'x' : d.charAt(0))) {
      return family == null ? null : OsInfo.of(family, d);
    }
    String version = dev.bulkhead.core.DebianReleases.versionOf(d);
    if (version != null) {
      return new OsInfo("debian", version, d, null);
    }
    return family == null ? null : new OsInfo(family, null, d, null);
  }

  private static OsInfo osOf(String name, String version, String codename, String description) {
    if (name == null) {
      return null;
    }
    return new OsInfo(name.toLowerCase(Locale.ROOT), version, codename, description);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || !v.isValueNode() || v.isNull() ? null : v.asText();
  }

  private static String first(Map<String, String> props, String[] names) {
    for (String n : names) {
      String v = props.get(n);
      if (v != null && !v.isEmpty()) {
        return v;
      }
    }
    return null;
  }
}
