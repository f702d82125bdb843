package dev.bulkhead.image.analyzer;

import dev.bulkhead.core.Package;
import dev.bulkhead.core.spi.AnalysisInput;
import dev.bulkhead.core.spi.AnalysisResult;
import dev.bulkhead.core.spi.Analyzer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lists the installed Alpine packages of {@code lib/apk/db/installed}.
 *
 * <p>The file holds blank-line separated records of one-letter {@code X:value} lines ({@code P}
 * name, {@code V} version, {@code A} arch, {@code o} origin, the source package). The source name
 * is the origin (the name when absent) and the source version is the version. The purl is {@code
 * pkg:apk/alpine/NAME@VERSION?arch=ARCH}; the walker may rewrite the namespace with {@link
 * PackageUrls#of} for other apk distributions.
 */
public final class ApkAnalyzer implements Analyzer {
  static final String INSTALLED = "lib/apk/db/installed";

  @Override
  public String id() {
    return "apk";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public boolean accepts(String path, long size) {
    return path.equals(INSTALLED);
  }

  @Override
  public AnalysisResult analyze(AnalysisInput input) throws IOException {
    Warnings warnings = new Warnings(input.path());
    List<Package> packages = new ArrayList<>();
    BoundedLineReader reader = new BoundedLineReader(input.content(), StanzaReader.MAX_LINE_BYTES);
    String name = null;
    String version = null;
    String arch = null;
    String origin = null;
    long start = 0;
    while (true) {
      String line = reader.readLine();
      if (line == null || line.isBlank()) {
        if (start > 0) {
          Package p = toPackage(name, version, arch, origin, input.path());
          if (p == null) {
            warnings.add("record at line " + start + " has no P: or no V: line; skipped");
          } else if (packages.size() < DpkgAnalyzer.MAX_PACKAGES) {
            packages.add(p);
          }
        }
        if (line == null) {
          break;
        }
        name = version = arch = origin = null;
        start = 0;
        continue;
      }
      if (start == 0) {
        start = reader.lineNumber();
      }
      if (line.length() < 2 || line.charAt(1) != ':') {
        warnings.add("line " + reader.lineNumber() + " is not an 'X:value' line; ignored");
        continue;
      }
      String value = line.substring(2).trim();
      switch (line.charAt(0)) {
        case 'P' -> name = value;
        case 'V' -> version = value;
        case 'A' -> arch = value;
        case 'o' -> origin = value;
        default -> {}
      }
    }
    return new AnalysisResult(null, packages, warnings.list());
  }

  private static Package toPackage(
      String name, String version, String arch, String origin, String path) {
    if (name == null || name.isEmpty() || version == null || version.isEmpty()) {
      return null;
    }
    String a = arch == null || arch.isEmpty() ? null : arch;
    String purl =
        PackageUrls.build(
            Package.APK, "alpine", name, version, a == null ? Map.of() : Map.of("arch", a));
    return new Package(
        name,
        version,
        a,
        origin == null || origin.isEmpty() ? name : origin,
        version,
        Package.APK,
        purl,
        null,
        null,
        path);
  }
}
