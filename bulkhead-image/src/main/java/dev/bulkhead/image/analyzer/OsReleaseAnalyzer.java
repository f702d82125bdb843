package dev.bulkhead.image.analyzer;

import dev.bulkhead.core.DebianReleases;
import dev.bulkhead.core.OsInfo;
import dev.bulkhead.core.spi.AnalysisInput;
import dev.bulkhead.core.spi.AnalysisResult;
import dev.bulkhead.core.spi.Analyzer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Identifies the operating system from {@code etc/os-release}, {@code usr/lib/os-release}, {@code
 * etc/alpine-release}, {@code etc/debian_version}, {@code etc/redhat-release} and {@code
 * etc/centos-release}.
 *
 * <p>Each file is read on its own; the layer walker merges them. Precedence, highest first: {@code
 * etc/os-release}, {@code usr/lib/os-release}, then the distribution files ({@code
 * etc/alpine-release}, {@code etc/debian_version}, {@code etc/redhat-release}, {@code
 * etc/centos-release}), which only fill fields the os-release left empty ({@code debian_version}
 * carries the point release, e.g. {@code 12.4}, that os-release lacks).
 *
 * <p>For Debian a missing codename is filled from the version ({@code 12} gives {@code bookworm})
 * and a missing version from the codename; {@code debian_version} of testing/unstable ({@code
 * trixie/sid}) yields the codename only, with the version from the table.
 */
public final class OsReleaseAnalyzer implements Analyzer {
  static final int MAX_BYTES = 64 * 1024;
  private static final Set<String> PATHS =
      Set.of(
          "etc/os-release",
          "usr/lib/os-release",
          "etc/alpine-release",
          "etc/debian_version",
          "etc/redhat-release",
          "etc/centos-release");
  private static final Pattern KEY_VALUE = Pattern.compile("([A-Za-z0-9_]+)=(.*)");
  private static final Pattern RELEASE_LINE =
      Pattern.compile("(.+?) release ([0-9][^ ]*)(?: \\((.*)\\))?.*");

  @Override
  public String id() {
    return "os-release";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public boolean accepts(String path, long size) {
    return size <= MAX_BYTES && PATHS.contains(path);
  }

  @Override
  public AnalysisResult analyze(AnalysisInput input) throws IOException {
    Warnings warnings = new Warnings(input.path());
    List<String> lines = new ArrayList<>();
    BoundedLineReader reader = new BoundedLineReader(input.content(), 4096);
    for (String line = reader.readLine();
        line != null && reader.lineNumber() <= 1000;
        line = reader.readLine()) {
      lines.add(line);
    }
    OsInfo os =
        switch (input.path()) {
          case "etc/os-release", "usr/lib/os-release" -> parseOsRelease(lines, warnings);
          case "etc/alpine-release" ->
              firstLine(lines) == null ? null : OsInfo.of("alpine", firstLine(lines));
          case "etc/debian_version" -> parseDebianVersion(firstLine(lines));
          default -> parseRedhatRelease(firstLine(lines));
        };
    if (os == null) {
      warnings.add("no operating system identity found");
    }
    return new AnalysisResult(os, List.of(), warnings.list());
  }

  private static String firstLine(List<String> lines) {
    for (String line : lines) {
      if (!line.isBlank()) {
        return line.trim();
      }
    }
    return null;
  }

  static OsInfo parseOsRelease(List<String> lines, Warnings warnings) {
    Map<String, String> values = new HashMap<>();
    for (String line : lines) {
      String trimmed = line.trim();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      Matcher m = KEY_VALUE.matcher(trimmed);
      if (!m.matches()) {
        warnings.add("ignored a line that is not KEY=value");
        continue;
      }
      values.put(m.group(1), unquote(m.group(2)));
    }
    String id = values.get("ID");
    if (id == null || id.isEmpty()) {
      return null;
    }
    String family = id.toLowerCase(Locale.ROOT);
    String version = emptyToNull(values.get("VERSION_ID"));
    String codename = emptyToNull(values.get("VERSION_CODENAME"));
    if ("debian".equals(family)) {
      codename = codename == null ? DebianReleases.codenameOf(version) : codename;
      version = version == null ? DebianReleases.versionOf(codename) : version;
    }
    return new OsInfo(family, version, codename, emptyToNull(values.get("PRETTY_NAME")));
  }

  /** Removes shell quoting: {@code "a \"b\""} gives {@code a "b"}, {@code 'x'} gives x. */
  static String unquote(String raw) {
    String v = raw.trim();
    if (v.length() >= 2 && v.charAt(0) == '\'' && v.charAt(v.length() - 1) == '\'') {
      return v.substring(1, v.length() - 1);
    }
    if (v.length() >= 2 && v.charAt(0) == '"' && v.charAt(v.length() - 1) == '"') {
      StringBuilder sb = new StringBuilder();
      for (int i = 1; i < v.length() - 1; i++) {
        char c = v.charAt(i);
        if (c == '\\' && i + 1 < v.length() - 1) {
          c = v.charAt(++i);
        }
        sb.append(c);
      }
      return sb.toString();
    }
    return v;
  }

  static OsInfo parseDebianVersion(String line) {
    if (line == null) {
      return null;
    }
    if (!line.isEmpty() && Character.isDigit(line.charAt(0))) {
      return new OsInfo("debian", line, DebianReleases.codenameOf(line), null);
    }
    int slash = line.indexOf('/');
    String codename = (slash < 0 ? line : line.substring(0, slash)).toLowerCase(Locale.ROOT);
    return new OsInfo("debian", DebianReleases.versionOf(codename), codename, null);
  }

  static OsInfo parseRedhatRelease(String line) {
    if (line == null) {
      return null;
    }
    Matcher m = RELEASE_LINE.matcher(line);
    if (!m.matches()) {
      return null;
    }
    String name = m.group(1).toLowerCase(Locale.ROOT);
    String family;
    if (name.startsWith("centos")) {
      family = "centos";
    } else if (name.startsWith("red hat")) {
      family = "rhel";
    } else if (name.startsWith("rocky")) {
      family = "rocky";
    } else if (name.startsWith("alma")) {
      family = "almalinux";
    } else if (name.startsWith("fedora")) {
      family = "fedora";
    } else if (name.startsWith("oracle")) {
      family = "ol";
    } else {
      family = name.split(" ", 2)[0];
    }
    return new OsInfo(family, m.group(2), null, line);
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
