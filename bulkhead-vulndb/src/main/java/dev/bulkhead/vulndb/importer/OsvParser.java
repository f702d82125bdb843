package dev.bulkhead.vulndb.importer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulkhead.vulndb.model.Advisory;
import dev.bulkhead.vulndb.model.Affected;
import dev.bulkhead.vulndb.model.Range;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Turns one OSV document (https://ossf.github.io/osv-schema/) into an {@link Advisory}.
 *
 * <p>Keeps the highest CVSS v3.x or v4.0 score computed from the vectors it finds (top-level and
 * per-package {@code severity}, RustSec's {@code database_specific.cvss}) and the data's own
 * severity word ({@code database_specific.severity}, or a package's {@code
 * ecosystem_specific.severity}/{@code urgency}).
 */
final class OsvParser {
  private OsvParser() {}

  private static final Set<String> EVENT_KINDS =
      Set.of("introduced", "fixed", "last_affected", "limit");

  /**
   * Parses one advisory.
   *
   * @throws IllegalArgumentException naming what is wrong when the document is not an OSV advisory
   */
  static Advisory parse(JsonNode doc) {
    if (doc == null || !doc.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    String id = Trees.text(doc, "id");
    if (id == null) {
      throw new IllegalArgumentException("no \"id\"");
    }
    JsonNode affectedNode = doc.get("affected");
    if (affectedNode != null && !affectedNode.isArray() && !affectedNode.isNull()) {
      throw new IllegalArgumentException(id + ": \"affected\" is not an array");
    }
    List<String> vectors = new ArrayList<>();
    collectVectors(doc.get("severity"), vectors);
    String severity = Trees.text(doc.path("database_specific"), "severity");
    List<Affected> affected = new ArrayList<>();
    if (affectedNode != null) {
      for (JsonNode a : affectedNode) {
        JsonNode pkg = a.path("package");
        String ecosystem = Trees.text(pkg, "ecosystem");
        String name = Trees.text(pkg, "name");
        if (ecosystem == null || name == null) {
          throw new IllegalArgumentException(
              id + ": an affected entry lacks package ecosystem/name");
        }
        collectVectors(a.get("severity"), vectors);
        String cvss = Trees.text(a.path("database_specific"), "cvss");
        if (cvss != null) {
          vectors.add(cvss);
        }
        String pkgSeverity = Trees.text(a.path("ecosystem_specific"), "severity");
        if (pkgSeverity == null) {
          pkgSeverity = Trees.text(a.path("ecosystem_specific"), "urgency");
        }
        if (pkgSeverity == null) {
          pkgSeverity = Trees.text(a.path("database_specific"), "severity");
        }
        affected.add(
            new Affected(
                ecosystem,
                name,
                Trees.text(pkg, "purl"),
                null,
                null,
                pkgSeverity,
                ranges(id, a.get("ranges")),
                Trees.texts(a, "versions")));
      }
    }
    String bestVector = null;
    Double bestScore = null;
    for (String v : vectors) {
      OptionalDouble score = Cvss3.baseScore(v);
      if (score.isEmpty()) {
        score = Cvss4.score(v);
      }
      if (score.isPresent() && (bestScore == null || score.getAsDouble() > bestScore)) {
        bestScore = score.getAsDouble();
        bestVector = v;
      }
    }
    List<String> references = new ArrayList<>();
    JsonNode refs = doc.get("references");
    if (refs != null && refs.isArray()) {
      for (JsonNode r : refs) {
        String url = Trees.text(r, "url");
        if (url != null) {
          references.add(url);
        }
      }
    }
    String summary = Trees.text(doc, "summary");
    String details = Trees.text(doc, "details");
    // Distro records (DEBIAN-CVE-…, ALPINE-CVE-…, DSA-…) name the CVE they track in "upstream"
    // rather than "aliases"; folding needs both so one CVE shows once per package.
    Set<String> aliases = new LinkedHashSet<>(Trees.texts(doc, "aliases"));
    aliases.addAll(Trees.texts(doc, "upstream"));
    aliases.remove(id);
    return new Advisory(
        id,
        id,
        Trees.text(doc, "modified"),
        Trees.text(doc, "published"),
        Trees.text(doc, "withdrawn"),
        Limits.title(summary != null ? summary : details),
        Limits.details(details),
        severity,
        bestVector,
        bestScore,
        List.copyOf(aliases),
        references,
        affected);
  }

  private static void collectVectors(JsonNode severity, List<String> out) {
    if (severity != null && severity.isArray()) {
      for (JsonNode s : severity) {
        String score = Trees.text(s, "score");
        if (score != null) {
          out.add(score);
        }
      }
    }
  }

  private static List<Range> ranges(String id, JsonNode node) {
    List<Range> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isArray()) {
      throw new IllegalArgumentException(id + ": \"ranges\" is not an array");
    }
    for (JsonNode r : node) {
      String type = Trees.text(r, "type");
      List<Range.Event> events = new ArrayList<>();
      JsonNode ev = r.get("events");
      if (type == null || ev == null || !ev.isArray()) {
        throw new IllegalArgumentException(id + ": a range lacks \"type\" or \"events\"");
      }
      for (JsonNode e : ev) {
        var fields = e.fields();
        while (fields.hasNext()) {
          var f = fields.next();
          if (EVENT_KINDS.contains(f.getKey()) && f.getValue().isValueNode()) {
            events.add(new Range.Event(f.getKey(), f.getValue().asText().strip()));
          }
        }
      }
      out.add(new Range(type, events));
    }
    return out;
  }
}
