package dev.bulkhead.image.langbin;

import dev.bulkhead.core.Package;
import dev.bulkhead.core.spi.AnalysisInput;
import dev.bulkhead.core.spi.AnalysisResult;
import dev.bulkhead.core.spi.Analyzer;
import dev.bulkhead.image.analyzer.BoundedLineReader;
import dev.bulkhead.image.analyzer.Warnings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists the crates of a {@code Cargo.lock} file (lock format versions 1 to 4): each {@code
 * [[package]]} table with a {@code source} is reported; packages without a source are workspace
 * members or path dependencies, the project's own code, and are left out. Registry ({@code
 * registry+}, {@code sparse+}) and git ({@code git+}) sources are both reported.
 *
 * <p>Reads the TOML line by line, which suffices for the fixed layout Cargo writes: {@code key =
 * "value"} lines inside {@code [[package]]} tables; arrays and other tables are skipped. Files
 * under {@code .cargo/registry/} (crate sources) are not accepted.
 */
public final class CargoLockAnalyzer implements Analyzer {
  static final long MAX_BYTES = 32L * 1024 * 1024;

  @Override
  public String id() {
    return "cargo-lock";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public boolean accepts(String path, long size) {
    return size <= MAX_BYTES
        && (path.equals("Cargo.lock") || path.endsWith("/Cargo.lock"))
        && !path.contains(".cargo/registry/");
  }

  @Override
  public AnalysisResult analyze(AnalysisInput input) throws IOException {
    Warnings warnings = new Warnings(input.path());
    List<Package> packages = new ArrayList<>();
    BoundedLineReader lines = new BoundedLineReader(input.content(), LangPackages.MAX_LINE_BYTES);
    Map<String, String> table = null;
    long start = 0;
    for (String raw = lines.readLine(); ; raw = lines.readLine()) {
      String line = raw == null ? null : raw.trim();
      if (line == null || line.startsWith("[")) {
        if (table != null) {
          add(table, start, input.path(), packages, warnings);
        }
        table = line != null && line.equals("[[package]]") ? new HashMap<>() : null;
        start = lines.lineNumber();
        if (line == null) {
          break;
        }
        continue;
      }
      if (table == null || raw.startsWith(" ") || raw.startsWith("\t")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq > 0 && table.size() < 16) {
        String value = line.substring(eq + 1).trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          table.put(line.substring(0, eq).trim(), value.substring(1, value.length() - 1));
        }
      }
    }
    return new AnalysisResult(null, packages, warnings.list());
  }

  private static void add(
      Map<String, String> t, long line, String path, List<Package> out, Warnings warnings) {
    String name = t.get("name");
    String version = t.get("version");
    if (!LangPackages.plausible(name) || !LangPackages.plausible(version)) {
      warnings.add("[[package]] at line " + line + " has no valid name or version; skipped");
      return;
    }
    if (t.get("source") == null) {
      return;
    }
    if (out.size() >= LangPackages.MAX_PACKAGES) {
      warnings.add("more than " + LangPackages.MAX_PACKAGES + " packages; the rest ignored");
      return;
    }
    out.add(LangPackages.of(LangPackages.CARGO, name, version, null, path));
  }
}
