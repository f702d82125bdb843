package dev.bulkhead.vulndb.importer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.digest.DigestingInputStream;
import dev.bulkhead.core.digest.Digests;
import dev.bulkhead.core.io.LimitedInputStream;
import dev.bulkhead.vulndb.model.Advisory;
import dev.bulkhead.vulndb.model.Affected;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Imports one Alpine secdb file ({@code {distroversion, reponame, packages: [{pkg: {name, secfixes:
 * {fixedVersion: [ids]}}}]}}), JSON or YAML.
 *
 * <p>Each (origin package, CVE) becomes an advisory keyed {@code package/CVE}, ecosystem {@code
 * alpine:vX.Y}, one affected row per fixed version listed ({@code 0}: never affected). A secfix
 * line may hold several ids and trailing words: every CVE on it is its own advisory, other ids on
 * the same line (XSA-, TALOS-, ZBX-, GHSA-) become its aliases, the rest is dropped.
 */
final class AlpineSecdbImporter {
  private AlpineSecdbImporter() {}

  private static final Pattern CVE = Pattern.compile("CVE[- _](\\d{4})-(\\d{4,})");
  private static final Pattern OTHER_ID =
      Pattern.compile(
          "\\b(XSA-\\d+|TALOS-\\d{4}-\\d+|ZBX-\\d+|GHSA(?:-[0-9a-z]{4}){3}|OSV-\\d{4}-\\d+)\\b");
  private static final Pattern BRANCH = Pattern.compile("v\\d+\\.\\d+|edge");

  static void importFile(Path file, Format format, AdvisorySink sink) throws BulkheadException {
    JsonNode doc;
    String sha;
    try (DigestingInputStream digest =
            new DigestingInputStream(Files.newInputStream(file), Digests.sha256());
        InputStream in = new LimitedInputStream(digest, Limits.MAX_TREE_FILE, file.toString())) {
      doc =
          format == Format.ALPINE_SECDB_JSON
              ? Trees.json(in)
              : Trees.yaml(in, Limits.MAX_TREE_FILE);
      in.transferTo(java.io.OutputStream.nullOutputStream());
      sha = Digests.hex(digest.digest());
    } catch (IOException | YamlEngineException | IllegalArgumentException e) {
      throw malformed(file, String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
    }
    String branch = Trees.text(doc, "distroversion");
    String repo = Trees.text(doc, "reponame");
    if (branch == null || !BRANCH.matcher(branch).matches()) {
      throw malformed(file, "\"distroversion\" is missing or not like v3.11", null);
    }
    JsonNode packages = doc.get("packages");
    if (packages != null && !packages.isNull() && !packages.isArray()) {
      throw malformed(file, "\"packages\" is not a list", null);
    }
    String source = "alpine-secdb:" + branch + "/" + (repo == null ? "main" : repo);
    sink.begin(source, format.id(), true);
    try {
      for (JsonNode entry : packages == null ? List.<JsonNode>of() : packages) {
        JsonNode pkg = entry.path("pkg");
        String name = Trees.text(pkg, "name");
        if (name == null) {
          sink.warn(file + ": a package entry has no pkg.name; skipped");
          continue;
        }
        for (Advisory a : advisories(file, "alpine:" + branch, name, pkg.get("secfixes"), sink)) {
          sink.accept(a);
        }
      }
      sink.end(sha);
    } catch (BulkheadException | RuntimeException e) {
      sink.abort();
      throw e;
    }
  }

  private static List<Advisory> advisories(
      Path file, String ecosystem, String pkg, JsonNode secfixes, AdvisorySink sink) {
    // id -> fixed versions, and id -> aliases, in file order.
    Map<String, Set<String>> fixed = new LinkedHashMap<>();
    Map<String, Set<String>> aliases = new LinkedHashMap<>();
    if (secfixes == null || secfixes.isNull()) {
      return List.of();
    }
    if (!secfixes.isObject()) {
      sink.warn(file + ": " + pkg + " secfixes is not a map; skipped");
      return List.of();
    }
    Iterator<Map.Entry<String, JsonNode>> it = secfixes.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String version = e.getKey().strip();
      JsonNode lines = e.getValue();
      if (lines == null || !lines.isArray()) {
        continue;
      }
      for (JsonNode line : lines) {
        List<String> cves = new ArrayList<>();
        List<String> others = new ArrayList<>();
        String text = line.asText();
        Matcher m = CVE.matcher(text);
        while (m.find()) {
          cves.add("CVE-" + m.group(1) + "-" + m.group(2));
        }
        Matcher o = OTHER_ID.matcher(text);
        while (o.find()) {
          others.add(o.group(1));
        }
        List<String> primaries = cves.isEmpty() ? others : cves;
        if (primaries.isEmpty()) {
          sink.warn(file + ": " + pkg + " " + version + ": no id in \"" + text.strip() + "\"");
          continue;
        }
        for (String id : primaries) {
          fixed.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(version);
          Set<String> al = aliases.computeIfAbsent(id, k -> new LinkedHashSet<>());
          if (!cves.isEmpty()) {
            al.addAll(others);
          }
        }
      }
    }
    List<Advisory> out = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : fixed.entrySet()) {
      List<Affected> affected = new ArrayList<>();
      for (String v : e.getValue()) {
        affected.add(Affected.distro(ecosystem, pkg, "resolved", v, null));
      }
      out.add(
          new Advisory(
              pkg + "/" + e.getKey(),
              e.getKey(),
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              List.copyOf(aliases.get(e.getKey())),
              List.of(),
              affected));
    }
    return out;
  }

  private static BulkheadException malformed(Path file, String what, Exception cause) {
    return new BulkheadException(
        "import " + file + " failed: malformed Alpine secdb (" + what + "); fetch it again", cause);
  }
}
