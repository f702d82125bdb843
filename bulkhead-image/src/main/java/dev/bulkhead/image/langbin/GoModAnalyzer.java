package dev.bulkhead.image.langbin;

import dev.bulkhead.core.Package;
import dev.bulkhead.core.spi.AnalysisInput;
import dev.bulkhead.core.spi.AnalysisResult;
import dev.bulkhead.core.spi.Analyzer;
import dev.bulkhead.image.analyzer.BoundedLineReader;
import dev.bulkhead.image.analyzer.Warnings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists the required modules of a {@code go.mod} file: {@code require} lines and blocks, with
 * {@code replace} directives applied (a versioned replacement takes the module's place, a local
 * path replacement drops it).
 *
 * <p>{@code go.sum} is deliberately not read: it holds checksums for every module version the
 * module graph visited, including versions that lost minimal version selection and modules needed
 * only for {@code go.mod} files, so it over-reports. Since Go 1.17 {@code go.mod} lists every
 * module that provides a built package (indirect ones marked {@code // indirect}). Files in the
 * module cache ({@code pkg/mod/}) and in {@code vendor/} trees are not accepted.
 */
public final class GoModAnalyzer implements Analyzer {
  static final long MAX_BYTES = 8L * 1024 * 1024;

  @Override
  public String id() {
    return "go-mod";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public boolean accepts(String path, long size) {
    return size <= MAX_BYTES
        && (path.equals("go.mod") || path.endsWith("/go.mod"))
        && !path.contains("pkg/mod/")
        && !path.startsWith("vendor/")
        && !path.contains("/vendor/");
  }

  @Override
  public AnalysisResult analyze(AnalysisInput input) throws IOException {
    Warnings warnings = new Warnings(input.path());
    Map<String, String> required = new LinkedHashMap<>();
    Map<String, String[]> replaces = new LinkedHashMap<>();
    BoundedLineReader lines = new BoundedLineReader(input.content(), LangPackages.MAX_LINE_BYTES);
    String block = null;
    for (String raw = lines.readLine(); raw != null; raw = lines.readLine()) {
      String line = stripComment(raw).trim();
      if (line.isEmpty()) {
        continue;
      }
      if (block != null) {
        if (line.equals(")")) {
          block = null;
        } else {
          directive(block, line, required, replaces, warnings, lines.lineNumber());
        }
        continue;
      }
      int space = line.indexOf(' ');
      String verb = space < 0 ? line : line.substring(0, space);
      String rest = space < 0 ? "" : line.substring(space + 1).trim();
      if (rest.equals("(")) {
        block = verb;
      } else {
        directive(verb, rest, required, replaces, warnings, lines.lineNumber());
      }
    }
    List<Package> packages = new ArrayList<>();
    for (Map.Entry<String, String> e : required.entrySet()) {
      String name = e.getKey();
      String version = e.getValue();
      String[] r = replaces.getOrDefault(name + "@" + version, replaces.get(name));
      if (r != null) {
        if (r.length < 2) {
          continue;
        }
        name = r[0];
        version = r[1];
      }
      if (packages.size() >= LangPackages.MAX_PACKAGES) {
        warnings.add("more than " + LangPackages.MAX_PACKAGES + " modules; the rest ignored");
        break;
      }
      packages.add(LangPackages.of(LangPackages.GOLANG, name, version, null, input.path()));
    }
    return new AnalysisResult(null, packages, warnings.list());
  }

  private static void directive(
      String verb,
      String args,
      Map<String, String> required,
      Map<String, String[]> replaces,
      Warnings warnings,
      long lineNo) {
    String[] f = args.trim().split("\\s+");
    if (verb.equals("require")) {
      if (f.length != 2 || !LangPackages.plausible(unquote(f[0])) || !f[1].startsWith("v")) {
        warnings.add(
            "line " + lineNo + ": malformed require '" + GoBinaryAnalyzer.clip(args) + "'");
        return;
      }
      if (required.size() < LangPackages.MAX_PACKAGES) {
        required.put(unquote(f[0]), f[1]);
      }
    } else if (verb.equals("replace")) {
      int arrow = java.util.Arrays.asList(f).indexOf("=>");
      if (arrow < 1 || arrow > 2 || f.length - arrow - 1 < 1 || f.length - arrow - 1 > 2) {
        warnings.add(
            "line " + lineNo + ": malformed replace '" + GoBinaryAnalyzer.clip(args) + "'");
        return;
      }
      String key = arrow == 2 ? unquote(f[0]) + "@" + f[1] : unquote(f[0]);
      String[] target =
          f.length - arrow - 1 == 2
              ? new String[] {unquote(f[arrow + 1]), f[arrow + 2]}
              : new String[0];
      if (replaces.size() < LangPackages.MAX_PACKAGES) {
        replaces.put(key, target);
      }
    }
  }

  private static String stripComment(String line) {
    int c = line.indexOf("//");
    return c < 0 ? line : line.substring(0, c);
  }

  private static String unquote(String s) {
    return s.length() >= 2 && (s.startsWith("\"") || s.startsWith("`"))
        ? s.substring(1, s.length() - 1)
        : s;
  }
}
