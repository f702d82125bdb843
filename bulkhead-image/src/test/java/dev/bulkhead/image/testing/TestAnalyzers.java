package dev.bulkhead.image.testing;

import dev.bulkhead.core.OsInfo;
import dev.bulkhead.core.Package;
import dev.bulkhead.core.spi.AnalysisInput;
import dev.bulkhead.core.spi.AnalysisResult;
import dev.bulkhead.core.spi.Analyzer;
import dev.bulkhead.core.spi.Registry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Small analyzers for walker tests: {@code db/*} files list {@code name version} lines, {@code
 * etc/os-release} and {@code etc/alpine-release} name the OS, and apk's installed database lists
 * {@code P:}/{@code V:} pairs.
 */
public final class TestAnalyzers {
  private TestAnalyzers() {}

  /** Returns a registry of the test analyzers. */
  public static Registry<Analyzer> registry() {
    return Registry.of(
        List.of(new LinesAnalyzer(), new OsAnalyzer(), new ApkLines()), Analyzer::id);
  }

  /** Lists {@code name version} lines of files under {@code db/}; "BROKEN" makes it fail. */
  public static final class LinesAnalyzer implements Analyzer {
    @Override
    public String id() {
      return "lines";
    }

    @Override
    public int version() {
      return 1;
    }

    @Override
    public boolean accepts(String path, long size) {
      return path.startsWith("db/") || path.startsWith("big/");
    }

    @Override
    public AnalysisResult analyze(AnalysisInput input) throws IOException {
      if (input.path().startsWith("big/")) {
        long n = input.content().transferTo(java.io.OutputStream.nullOutputStream());
        return AnalysisResult.ofPackages(List.of(pkg("big", Long.toString(n), input.path())));
      }
      String text = new String(input.content().readAllBytes(), StandardCharsets.UTF_8);
      if (text.startsWith("BROKEN")) {
        throw new IOException("cannot parse " + input.path());
      }
      List<Package> packages = new ArrayList<>();
      for (String line : text.split("\n")) {
        String[] parts = line.trim().split(" ");
        if (parts.length == 2) {
          packages.add(pkg(parts[0], parts[1], input.path()));
        }
      }
      return AnalysisResult.ofPackages(packages);
    }
  }

  /** Reads {@code ID}/{@code VERSION_ID} of os-release, or alpine-release contents. */
  public static final class OsAnalyzer implements Analyzer {
    @Override
    public String id() {
      return "os";
    }

    @Override
    public int version() {
      return 1;
    }

    @Override
    public boolean accepts(String path, long size) {
      return path.equals("etc/os-release")
          || path.equals("usr/lib/os-release")
          || path.equals("etc/alpine-release");
    }

    @Override
    public AnalysisResult analyze(AnalysisInput input) throws IOException {
      String text = new String(input.content().readAllBytes(), StandardCharsets.UTF_8);
      if (input.path().endsWith("alpine-release")) {
        return new AnalysisResult(
            new OsInfo("alpine", text.trim(), null, "from alpine-release"), null, null);
      }
      String id = null;
      String version = null;
      for (String line : text.split("\n")) {
        if (line.startsWith("ID=")) {
          id = line.substring(3).replace("\"", "");
        } else if (line.startsWith("VERSION_ID=")) {
          version = line.substring(11).replace("\"", "");
        }
      }
      return new AnalysisResult(new OsInfo(id, version, null, null), null, null);
    }
  }

  /** Lists the packages of apk's installed database. */
  public static final class ApkLines implements Analyzer {
    @Override
    public String id() {
      return "apk-lines";
    }

    @Override
    public int version() {
      return 1;
    }

    @Override
    public boolean accepts(String path, long size) {
      return path.equals("lib/apk/db/installed");
    }

    @Override
    public AnalysisResult analyze(AnalysisInput input) throws IOException {
      String text = new String(input.content().readAllBytes(), StandardCharsets.UTF_8);
      List<Package> packages = new ArrayList<>();
      String name = null;
      for (String line : text.split("\n")) {
        if (line.startsWith("P:")) {
          name = line.substring(2);
        } else if (line.startsWith("V:") && name != null) {
          packages.add(pkg(name, line.substring(2), input.path()));
        }
      }
      return AnalysisResult.ofPackages(packages);
    }
  }

  private static Package pkg(String name, String version, String path) {
    return new Package(name, version, null, name, version, "test", null, null, null, path);
  }
}
