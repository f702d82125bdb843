package dev.bulkhead.image.lang;

import dev.bulkhead.core.Package;
import dev.bulkhead.core.spi.AnalysisInput;
import dev.bulkhead.core.spi.AnalysisResult;
import dev.bulkhead.core.spi.Analyzer;
import dev.bulkhead.image.analyzer.Warnings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists the Maven artifacts pinned by a Gradle dependency lock file ({@code gradle.lockfile} or
 * {@code *.lockfile} under {@code gradle/dependency-locks/}): lines {@code
 * group:artifact:version=configuration,...}; comments and the {@code empty=} line are skipped.
 */
public final class GradleLockfileAnalyzer implements Analyzer {
  static final int MAX_BYTES = 8 * 1024 * 1024;

  @Override
  public String id() {
    return "gradle-lockfile";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public boolean accepts(String path, long size) {
    return size <= MAX_BYTES
        && (path.equals("gradle.lockfile")
            || path.endsWith("/gradle.lockfile")
            || (path.contains("gradle/dependency-locks/") && path.endsWith(".lockfile")));
  }

  @Override
  public AnalysisResult analyze(AnalysisInput input) throws IOException {
    Warnings problems = new Warnings(input.path());
    List<Package> out = new ArrayList<>();
    int lineNo = 0;
    for (String raw : Bounded.lines(input.content(), MAX_BYTES, input.path())) {
      lineNo++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("empty=")) {
        continue;
      }
      int eq = line.indexOf('=');
      String coordinates = eq >= 0 ? line.substring(0, eq) : line;
      String[] f = coordinates.split(":", -1);
      if (f.length != 3 || f[0].isEmpty() || f[1].isEmpty() || f[2].isEmpty()) {
        problems.add("line " + lineNo + " is not group:artifact:version; skipped");
        continue;
      }
      if (out.size() >= PomAnalyzer.LangPackagesLimits.MAX_PACKAGES) {
        problems.add("more than " + out.size() + " entries; the rest ignored");
        break;
      }
      out.add(LangPackages.maven(f[0], f[1], f[2], input.path()));
    }
    return new AnalysisResult(null, out, problems.list());
  }
}
