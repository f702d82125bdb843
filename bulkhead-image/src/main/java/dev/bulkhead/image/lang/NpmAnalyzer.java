package dev.bulkhead.image.lang;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulkhead.core.Package;
import dev.bulkhead.core.spi.AnalysisInput;
import dev.bulkhead.core.spi.AnalysisResult;
import dev.bulkhead.core.spi.Analyzer;
import dev.bulkhead.image.analyzer.Warnings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists npm packages from installed manifests and lock files.
 *
 * <ul>
 *   <li>{@code node_modules/NAME/package.json} and {@code node_modules/@SCOPE/NAME/package.json}
 *       (deeper {@code package.json} files inside a package are not package roots and are not
 *       accepted): {@code name} and {@code version}; a manifest without both is skipped with a
 *       warning. Root project manifests outside {@code node_modules} are not read: they name what
 *       is wanted, not what is installed.
 *   <li>{@code package-lock.json} and {@code npm-shrinkwrap.json} outside {@code node_modules}:
 *       v2/v3 {@code packages} map (keys {@code node_modules/...}; the root {@code ""}, links and
 *       entries without a version skipped; the name is the entry's {@code name} or the key after
 *       its last {@code node_modules/}), else the v1 {@code dependencies} tree. Dev dependencies
 *       are kept.
 *   <li>{@code yarn.lock} (v1 and berry) and {@code pnpm-lock.yaml}: see {@link NpmLockfiles}.
 * </ul>
 *
 * <p>Versions that are not registry versions (git URLs, {@code file:} paths) are skipped.
 */
public final class NpmAnalyzer implements Analyzer {
  static final int MAX_MANIFEST = 4 * 1024 * 1024;
  static final int MAX_LOCKFILE = 64 * 1024 * 1024;
  static final int MAX_PACKAGES = 100_000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonFactory MANIFESTS =
      JsonFactory.builder().disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).build();

  @Override
  public String id() {
    return "npm";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public boolean accepts(String path, long size) {
    String file = path.substring(path.lastIndexOf('/') + 1);
    boolean inModules = path.startsWith("node_modules/") || path.contains("/node_modules/");
    return switch (file) {
      case "package.json" -> isPackageRoot(path);
      case "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml" -> !inModules;
      default -> false;
    };
  }

  /** Tells whether {@code path} is {@code .../node_modules/NAME/package.json} or scoped. */
  static boolean isPackageRoot(String path) {
    int at = path.lastIndexOf("node_modules/");
    if (at < 0 || (at > 0 && path.charAt(at - 1) != '/')) {
      return false;
    }
    String[] rest = path.substring(at + "node_modules/".length()).split("/", -1);
    if (rest.length == 2) {
      return !rest[0].startsWith("@") && !rest[0].startsWith(".") && !rest[0].isEmpty();
    }
    return rest.length == 3
        && rest[0].startsWith("@")
        && rest[0].length() > 1
        && !rest[1].isEmpty();
  }

  @Override
  public AnalysisResult analyze(AnalysisInput input) throws IOException {
    String path = input.path();
    String file = path.substring(path.lastIndexOf('/') + 1);
    Warnings problems = new Warnings(path);
    List<Package> out = new ArrayList<>();
    switch (file) {
      case "package.json" -> {
        String[] nameVersion = nameAndVersion(Bounded.read(input.content(), MAX_MANIFEST, path));
        String name = nameVersion[0];
        String version = nameVersion[1];
        if (name.isEmpty() || version.isEmpty()) {
          problems.add("package.json has no name or no version; skipped");
        } else {
          add(name, version, path, out);
        }
      }
      case "yarn.lock" ->
          NpmLockfiles.yarn(Bounded.lines(input.content(), MAX_LOCKFILE, path), path, out);
      case "pnpm-lock.yaml" ->
          NpmLockfiles.pnpm(Bounded.lines(input.content(), MAX_LOCKFILE, path), path, out);
      default ->
          packageLock(JSON.readTree(Bounded.read(input.content(), MAX_LOCKFILE, path)), path, out);
    }
    if (out.size() > MAX_PACKAGES) {
      problems.add("more than " + MAX_PACKAGES + " packages; the rest ignored");
      out.subList(MAX_PACKAGES, out.size()).clear();
    }
    return new AnalysisResult(null, out, problems.list());
  }

  /**
   * Reads the top-level {@code name} and {@code version} of a package.json, skipping everything
   * else unparsed into objects; field names are not canonicalised, since dependency maps make them
   * as varied as package names.
   */
  static String[] nameAndVersion(byte[] json) throws IOException {
    String[] out = {"", ""};
    try (JsonParser p = MANIFESTS.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return out;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (value == JsonToken.VALUE_STRING && field.equals("name")) {
          out[0] = p.getText();
        } else if (value == JsonToken.VALUE_STRING && field.equals("version")) {
          out[1] = p.getText();
        } else {
          p.skipChildren();
        }
      }
    }
    return out;
  }

  private static void packageLock(JsonNode root, String path, List<Package> out) {
    JsonNode packages = root.path("packages");
    if (packages.isObject() && packages.size() > 0) {
      packages
          .properties()
          .forEach(
              e -> {
                String key = e.getKey();
                JsonNode v = e.getValue();
                int at = key.lastIndexOf("node_modules/");
                if (key.isEmpty() || v.path("link").asBoolean(false) || at < 0) {
                  return;
                }
                String name = v.path("name").asText(key.substring(at + "node_modules/".length()));
                add(name, v.path("version").asText(""), path, out);
              });
      return;
    }
    dependencies(root.path("dependencies"), path, out, 0);
  }

  private static void dependencies(JsonNode deps, String path, List<Package> out, int depth) {
    if (!deps.isObject() || depth > 64 || out.size() > MAX_PACKAGES) {
      return;
    }
    deps.properties()
        .forEach(
            e -> {
              String version = e.getValue().path("version").asText("");
              String name = e.getKey();
              if (version.startsWith("npm:")) {
                String alias = version.substring(4);
                int at = alias.lastIndexOf('@');
                if (at > 0) {
                  name = alias.substring(0, at);
                  version = alias.substring(at + 1);
                }
              }
              add(name, version, path, out);
              dependencies(e.getValue().path("dependencies"), path, out, depth + 1);
            });
  }

  /** Adds a package when the version looks like a registry version (starts with a digit). */
  static void add(String name, String version, String path, List<Package> out) {
    if (!name.isEmpty() && !version.isEmpty() && Character.isDigit(version.charAt(0))) {
      out.add(LangPackages.npm(name, version, path));
    }
  }
}
