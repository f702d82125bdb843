package dev.bulkhead.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the package a finding was matched on in constant time: by name, installed version and type,
 * preferring the package in the finding's layer. Build one per report for many lookups.
 */
public final class PackageIndex {
  private final Map<String, List<Package>> byKey = new HashMap<>();

  /** Indexes the given packages. */
  public PackageIndex(List<Package> packages) {
    for (Package p : packages) {
      byKey.computeIfAbsent(key(p.name(), p.version()), k -> new ArrayList<>(1)).add(p);
    }
  }

  /**
   * Returns the package with the finding's name, installed version, type and path when the finding
   * names its path (language packages), else the first with the same name, version and type (and
   * layer, when both name one), else the first with the same name, version and type, else {@code
   * null}.
   */
  public Package packageOf(Finding finding) {
    List<Package> candidates =
        byKey.getOrDefault(key(finding.packageName(), finding.installedVersion()), List.of());
    if (finding.path() != null) {
      for (Package p : candidates) {
        if (finding.path().equals(p.path())
            && (finding.packageType() == null || finding.packageType().equals(p.type()))) {
          return p;
        }
      }
    }
    Package loose = null;
    for (Package p : candidates) {
      if (finding.packageType() != null && !finding.packageType().equals(p.type())) {
        continue;
      }
      if (finding.layer() == null || p.layer() == null || finding.layer().equals(p.layer())) {
        return p;
      }
      if (loose == null) {
        loose = p;
      }
    }
    return loose;
  }

  private static String key(String name, String version) {
    return name + '\u0000' + version;
  }
}
