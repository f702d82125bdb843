package dev.bulkhead.image;

import dev.bulkhead.core.spi.Analyzer;
import dev.bulkhead.core.spi.Registry;
import dev.bulkhead.image.lang.GradleLockfileAnalyzer;
import dev.bulkhead.image.lang.JavaArchiveAnalyzer;
import dev.bulkhead.image.lang.NpmAnalyzer;
import dev.bulkhead.image.lang.PomAnalyzer;
import dev.bulkhead.image.lang.PythonAnalyzer;
import dev.bulkhead.image.langbin.CargoLockAnalyzer;
import dev.bulkhead.image.langbin.ComposerLockAnalyzer;
import dev.bulkhead.image.langbin.DotnetDepsAnalyzer;
import dev.bulkhead.image.langbin.ElfBinaryAnalyzer;
import dev.bulkhead.image.langbin.GemfileLockAnalyzer;
import dev.bulkhead.image.langbin.GoModAnalyzer;
import dev.bulkhead.image.langbin.NugetLockAnalyzer;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the package analyzers of a scan: OS packages (the {@code ServiceLoader} set: os-release,
 * dpkg, apk, rpm) and language packages (Java archives, npm, Python, Go and Rust binaries, go.mod,
 * Cargo.lock, Gemfile.lock, composer.lock, .NET deps and NuGet lock files).
 *
 * <p>Source-tree manifests ({@code pom.xml}, {@code gradle.lockfile}) are read only for {@code
 * bulkhead fs}, where they describe the application being built; in an image they are usually
 * leftovers of a build stage and would report what is not installed.
 */
public final class PackageAnalyzers {
  private PackageAnalyzers() {}

  /**
   * Returns the analyzers for the chosen package types.
   *
   * @param os OS packages (and the OS identity)
   * @param library language packages
   * @param sourceTree also the manifests of a source tree ({@code pom.xml}, {@code
   *     gradle.lockfile})
   */
  public static Registry<Analyzer> select(boolean os, boolean library, boolean sourceTree) {
    List<Analyzer> out = new ArrayList<>();
    if (os) {
      out.addAll(Registry.load(Analyzer.class, Analyzer::id).all());
    }
    if (library) {
      out.addAll(languages());
      if (sourceTree) {
        out.add(new PomAnalyzer());
        out.add(new GradleLockfileAnalyzer());
      }
    }
    return Registry.of(out, Analyzer::id);
  }

  /** Returns new instances of every language analyzer used in image scans. */
  public static List<Analyzer> languages() {
    return List.of(
        new JavaArchiveAnalyzer(),
        new NpmAnalyzer(),
        new PythonAnalyzer(),
        new ElfBinaryAnalyzer(),
        new GoModAnalyzer(),
        new CargoLockAnalyzer(),
        new GemfileLockAnalyzer(),
        new ComposerLockAnalyzer(),
        new DotnetDepsAnalyzer(),
        new NugetLockAnalyzer());
  }
}
