package dev.bulkhead.image.analyzer;

import dev.bulkhead.core.Package;
import dev.bulkhead.core.spi.AnalysisInput;
import dev.bulkhead.core.spi.AnalysisResult;
import dev.bulkhead.core.spi.Analyzer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lists the installed Debian packages of {@code var/lib/dpkg/status} and of distroless {@code
 * var/lib/dpkg/status.d/*} files (one or more stanzas each; {@code *.md5sums} files are skipped).
 *
 * <p>A stanza counts when its {@code Status} field's third word is {@code installed} (so {@code
 * install ok installed} and {@code hold ok installed}, as {@code dpkg-query} shows {@code ii} and
 * {@code hi}), or when it has no {@code Status} field, as in distroless {@code status.d}. Half
 * installed, unpacked, half-configured, config-files and not-installed stanzas are left out.
 *
 * <p>{@code Source: name (version)} gives the source name and version; {@code Source: name} or no
 * {@code Source} field gives the binary version (and name) as source. The purl is left null: a
 * status file does not say whether it belongs to Debian or Ubuntu, so the walker fills it with
 * {@link PackageUrls#of} once the OS is known.
 */
public final class DpkgAnalyzer implements Analyzer {
  static final String STATUS = "var/lib/dpkg/status";
  static final String STATUS_D = "var/lib/dpkg/status.d/";
  static final int MAX_PACKAGES = 200_000;
  private static final Set<String> FIELDS =
      Set.of("Package", "Version", "Architecture", "Source", "Status");

  @Override
  public String id() {
    return "dpkg";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public boolean accepts(String path, long size) {
    if (path.equals(STATUS)) {
      return true;
    }
    if (!path.startsWith(STATUS_D)) {
      return false;
    }
    String name = path.substring(STATUS_D.length());
    return !name.isEmpty()
        && name.indexOf('/') < 0
        && !name.endsWith(".md5sums")
        && !name.startsWith(".");
  }

  @Override
  public AnalysisResult analyze(AnalysisInput input) throws IOException {
    Warnings warnings = new Warnings(input.path());
    List<Package> packages = new ArrayList<>();
    StanzaReader reader = new StanzaReader(input.content(), FIELDS, warnings);
    for (StanzaReader.Stanza s = reader.next(); s != null; s = reader.next()) {
      if (packages.size() >= MAX_PACKAGES) {
        warnings.add("more than " + MAX_PACKAGES + " packages; the rest ignored");
        break;
      }
      Package p = toPackage(s, input.path(), warnings);
      if (p != null) {
        packages.add(p);
      }
    }
    return new AnalysisResult(null, packages, warnings.list());
  }

  private static Package toPackage(StanzaReader.Stanza s, String path, Warnings warnings) {
    Map<String, String> f = s.fields();
    String where = "stanza at line " + s.startLine();
    String name = f.get("Package");
    String version = f.get("Version");
    if (name == null || name.isEmpty() || version == null || version.isEmpty()) {
      warnings.add(where + " has no Package or no Version field; skipped");
      return null;
    }
    if (s.damaged()) {
      warnings.add(where + " (package " + name + ") has malformed lines; skipped");
      return null;
    }
    String status = f.get("Status");
    if (status != null && !isInstalled(status)) {
      return null;
    }
    String sourceName = name;
    String sourceVersion = version;
    String source = f.get("Source");
    if (source != null && !source.isEmpty()) {
      int paren = source.indexOf('(');
      if (paren < 0) {
        sourceName = source.trim();
      } else {
        int close = source.indexOf(')', paren);
        sourceName = source.substring(0, paren).trim();
        if (close < 0) {
          warnings.add(where + " (package " + name + ") has an unclosed Source version");
        } else {
          sourceVersion = source.substring(paren + 1, close).trim();
        }
      }
    }
    String arch = f.get("Architecture");
    return new Package(
        name,
        version,
        arch == null || arch.isEmpty() ? null : arch,
        sourceName,
        sourceVersion,
        Package.DEB,
        null,
        null,
        null,
        path);
  }

  private static boolean isInstalled(String status) {
    String[] words = status.trim().split("\\s+");
    return words.length == 3 && words[2].equals("installed");
  }
}
