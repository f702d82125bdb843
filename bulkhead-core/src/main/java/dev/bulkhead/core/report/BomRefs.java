package dev.bulkhead.core.report;

import dev.bulkhead.core.Finding;
import dev.bulkhead.core.Package;
import dev.bulkhead.core.PackageIndex;
import dev.bulkhead.core.Report;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Assigns each package of a report a reference unique within one SBOM: its purl where that is
 * unique, else the purl (or name and version) with a counter.
 */
final class BomRefs {
  private final PackageIndex index;
  private final Map<Package, String> refs = new IdentityHashMap<>();

  BomRefs(Report report, String fallbackPrefix) {
    this.index = new PackageIndex(report.packages());
    Set<String> used = new HashSet<>();
    List<Package> packages = report.packages();
    for (int i = 0; i < packages.size(); i++) {
      Package p = packages.get(i);
      String base =
          p.purl() != null && !p.purl().isBlank()
              ? p.purl()
              : fallbackPrefix + p.name() + "@" + p.version();
      String ref = base;
      for (int n = 2; !used.add(ref); n++) {
        ref = base + "#" + n;
      }
      refs.put(p, ref);
    }
  }

  /** Returns the reference of a package of the report. */
  String of(Package p) {
    return refs.get(p);
  }

  /** Returns the reference of the package a finding was matched on, or {@code null}. */
  String of(Finding f) {
    Package p = index.packageOf(f);
    return p == null ? null : refs.get(p);
  }
}
