package dev.bulkhead.image.lang;

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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lists Python distributions from installed metadata and lock files.
 *
 * <ul>
 *   <li>{@code *.dist-info/METADATA}, {@code *.egg-info/PKG-INFO} and single-file {@code
 *       *.egg-info}: the {@code Name} and {@code Version} headers (RFC 822, up to the first blank
 *       line).
 *   <li>{@code poetry.lock}: {@code name}/{@code version} of each {@code [[package]]} table, read
 *       line by line (no TOML library: only that table shape is needed).
 *   <li>{@code Pipfile.lock}: the {@code default} and {@code develop} maps, versions {@code ==x}.
 *   <li>{@code requirements.txt} and {@code requirements-*.txt}: pinned {@code name==version} (or
 *       {@code ===}) lines only; comments, options ({@code -r}, {@code --hash}...), extras and
 *       markers after {@code ;} are dropped, unpinned lines ignored.
 * </ul>
 *
 * <p>Files over {@value #MAX_BYTES} bytes are skipped with a warning.
 */
public final class PythonAnalyzer implements Analyzer {
  static final int MAX_BYTES = 16 * 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TOML_KV = Pattern.compile("(name|version)\\s*=\\s*\"([^\"]*)\"");
  private static final Pattern PINNED =
      Pattern.compile("([A-Za-z0-9][A-Za-z0-9._-]*)\\s*(?:\\[[^\\]]*\\])?\\s*===?\\s*([^\\s,;]+)");

  @Override
  public String id() {
    return "python";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public boolean accepts(String path, long size) {
    String file = path.substring(path.lastIndexOf('/') + 1);
    return path.endsWith(".dist-info/METADATA")
        || path.endsWith(".egg-info/PKG-INFO")
        || (file.endsWith(".egg-info") && file.length() > 9)
        || file.equals("poetry.lock")
        || file.equals("Pipfile.lock")
        || file.equals("requirements.txt")
        || (file.startsWith("requirements-") && file.endsWith(".txt"));
  }

  @Override
  public AnalysisResult analyze(AnalysisInput input) throws IOException {
    String path = input.path();
    String file = path.substring(path.lastIndexOf('/') + 1);
    Warnings problems = new Warnings(path);
    List<Package> out = new ArrayList<>();
    List<String> lines;
    if (file.equals("Pipfile.lock")) {
      pipfile(JSON.readTree(Bounded.read(input.content(), MAX_BYTES, path)), path, out);
      return new AnalysisResult(null, out, problems.list());
    }
    lines = Bounded.lines(input.content(), MAX_BYTES, path);
    if (file.equals("poetry.lock")) {
      poetry(lines, path, out);
    } else if (file.startsWith("requirements")) {
      requirements(lines, path, out);
    } else {
      metadata(lines, path, out, problems);
    }
    return new AnalysisResult(null, out, problems.list());
  }

  private static void metadata(List<String> lines, String path, List<Package> out, Warnings p) {
    String name = null;
    String version = null;
    for (String line : lines) {
      if (line.isEmpty()) {
        break;
      }
      if (line.startsWith("Name:") && name == null) {
        name = line.substring(5).trim();
      } else if (line.startsWith("Version:") && version == null) {
        version = line.substring(8).trim();
      }
    }
    if (name == null || name.isEmpty() || version == null || version.isEmpty()) {
      p.add("no Name or Version header; skipped");
    } else {
      out.add(LangPackages.pypi(name, version, path));
    }
  }

  private static void poetry(List<String> lines, String path, List<Package> out) {
    boolean inPackage = false;
    String name = null;
    String version = null;
    for (String raw : lines) {
      String line = raw.trim();
      if (line.startsWith("[")) {
        add(name, version, path, out);
        name = null;
        version = null;
        inPackage = line.equals("[[package]]");
        continue;
      }
      Matcher m = TOML_KV.matcher(line);
      if (inPackage && m.matches()) {
        if (m.group(1).equals("name")) {
          name = m.group(2);
        } else {
          version = m.group(2);
        }
      }
    }
    add(name, version, path, out);
  }

  private static void pipfile(JsonNode root, String path, List<Package> out) {
    for (String section : List.of("default", "develop")) {
      for (Map.Entry<String, JsonNode> e : root.path(section).properties()) {
        String v = e.getValue().path("version").asText("");
        if (v.startsWith("==")) {
          add(e.getKey(), v.substring(2), path, out);
        }
      }
    }
  }

  private static void requirements(List<String> lines, String path, List<Package> out) {
    for (String raw : lines) {
      String line = raw;
      int hash = line.indexOf(" #");
      line = hash >= 0 ? line.substring(0, hash) : line;
      int semi = line.indexOf(';');
      line = (semi >= 0 ? line.substring(0, semi) : line).trim();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("-")) {
        continue;
      }
      if (line.endsWith("\\")) {
        line = line.substring(0, line.length() - 1).trim();
      }
      Matcher m = PINNED.matcher(line);
      if (m.matches() || (m.lookingAt() && line.substring(m.end()).trim().startsWith("--"))) {
        add(m.group(1), m.group(2), path, out);
      }
    }
  }

  private static void add(String name, String version, String path, List<Package> out) {
    if (name != null && !name.isEmpty() && version != null && !version.isEmpty()) {
      out.add(LangPackages.pypi(name, version, path));
    }
  }
}
