package dev.bulkhead.image.langbin;

import dev.bulkhead.core.Package;
import dev.bulkhead.core.spi.AnalysisInput;
import dev.bulkhead.core.spi.AnalysisResult;
import dev.bulkhead.core.spi.Analyzer;
import dev.bulkhead.image.analyzer.BoundedLineReader;
import dev.bulkhead.image.analyzer.PackageUrls;
import dev.bulkhead.image.analyzer.Warnings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lists the gems of a Bundler {@code Gemfile.lock}: the {@code name (version)} lines indented by
 * exactly four spaces under {@code specs:} of the {@code GEM} section (their dependencies, indented
 * by six, are constraints and are skipped). {@code GIT} and {@code PATH} sections are left out:
 * their gems come from a repository or a directory, not from a published gem version.
 *
 * <p>A platform suffix ({@code nokogiri (1.15.4-x86_64-linux)}) is cut from the version, since gem
 * versions never contain {@code -}, and kept as the purl's {@code platform} qualifier.
 */
public final class GemfileLockAnalyzer implements Analyzer {
  static final long MAX_BYTES = 16L * 1024 * 1024;
  private static final Pattern SPEC = Pattern.compile("    ([^ ()]+) \\(([^ ()]+)\\)");

  @Override
  public String id() {
    return "gemfile-lock";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public boolean accepts(String path, long size) {
    return size <= MAX_BYTES && (path.equals("Gemfile.lock") || path.endsWith("/Gemfile.lock"));
  }

  @Override
  public AnalysisResult analyze(AnalysisInput input) throws IOException {
    Warnings warnings = new Warnings(input.path());
    List<Package> packages = new ArrayList<>();
    BoundedLineReader lines = new BoundedLineReader(input.content(), LangPackages.MAX_LINE_BYTES);
    String section = null;
    boolean inSpecs = false;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (line.isEmpty()) {
        continue;
      }
      if (!line.startsWith(" ")) {
        section = line.trim();
        inSpecs = false;
        continue;
      }
      if (line.startsWith("  ") && !line.startsWith("   ")) {
        inSpecs = line.trim().equals("specs:");
        continue;
      }
      if (!"GEM".equals(section) || !inSpecs || line.startsWith("     ")) {
        continue;
      }
      Matcher m = SPEC.matcher(line);
      if (!m.matches()) {
        warnings.add("line " + lines.lineNumber() + ": unexpected spec line; skipped");
        continue;
      }
      if (packages.size() >= LangPackages.MAX_PACKAGES) {
        warnings.add("more than " + LangPackages.MAX_PACKAGES + " gems; the rest ignored");
        break;
      }
      String version = m.group(2);
      String qualifiers = null;
      int dash = version.indexOf('-');
      if (dash > 0) {
        qualifiers = "platform=" + PackageUrls.encode(version.substring(dash + 1));
        version = version.substring(0, dash);
      }
      packages.add(
          LangPackages.of(LangPackages.GEM, m.group(1), version, qualifiers, input.path()));
    }
    return new AnalysisResult(null, packages, warnings.list());
  }
}
