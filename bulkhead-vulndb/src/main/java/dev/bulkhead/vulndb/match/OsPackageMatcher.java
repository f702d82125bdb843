package dev.bulkhead.vulndb.match;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.Finding;
import dev.bulkhead.core.OsInfo;
import dev.bulkhead.core.Package;
import dev.bulkhead.core.Severity;
import dev.bulkhead.core.spi.VulnerabilityMatcher;
import dev.bulkhead.vulndb.model.Advisory;
import dev.bulkhead.vulndb.model.Affected;
import dev.bulkhead.vulndb.version.VersionScheme;
import dev.bulkhead.vulndb.version.VersionSchemes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Matches installed OS packages against the stored distro feeds (Debian tracker, Alpine secdb) and
 * OSV's distro ecosystems ({@code Debian:12}, {@code Alpine:v3.11}, {@code Rocky Linux:9}, {@code
 * AlmaLinux:9}).
 *
 * <p>Packages are looked up by source package name and compared by source version. One finding is
 * kept per (vulnerability, package): ids and aliases that meet fold together, the distribution's
 * own feed winning over OSV. Findings are ordered by package name, then vulnerability id.
 */
public final class OsPackageMatcher implements VulnerabilityMatcher {
  private final AdvisoryLookup lookup;

  /** Creates a matcher reading from {@code lookup}. */
  public OsPackageMatcher(AdvisoryLookup lookup) {
    this.lookup = lookup;
  }

  /** Tells whether packages of {@code os} can be matched at all (debian, alpine, rocky...). */
  public static boolean supports(OsInfo os) {
    return OsTarget.of(os) != null;
  }

  @Override
  public List<Finding> match(OsInfo os, List<Package> packages, Consumer<String> warnings)
      throws BulkheadException {
    OsTarget target = OsTarget.of(os);
    if (target == null) {
      warnings.accept(
          "vulnerability matching does not support the OS "
              + describe(os)
              + "; supported: debian 7-14, alpine, rocky and almalinux (OSV data)");
      return List.of();
    }
    boolean distroData =
        target.distroEcosystem() != null && lookup.hasEcosystem(target.distroEcosystem());
    List<String> osv = new ArrayList<>();
    for (String e : target.osvEcosystems()) {
      if (lookup.hasEcosystem(e)) {
        osv.add(e);
      }
    }
    if (!distroData && osv.isEmpty()) {
      warnings.accept(
          "no advisory data for "
              + target.label()
              + " in the vulnerability database; import its feed with `bulkhead db import`");
      return List.of();
    }
    VersionScheme scheme = VersionSchemes.forType(target.packageType());
    Map<String, List<Candidate>> cache = new HashMap<>();
    List<Finding> findings = new ArrayList<>();
    for (Package pkg : packages) {
      if (!target.packageType().equals(pkg.type())) {
        continue;
      }
      List<Finding> forPackage = new ArrayList<>();
      String source = pkg.sourceName() == null ? pkg.name() : pkg.sourceName();
      String version = pkg.sourceVersion() == null ? pkg.version() : pkg.sourceVersion();
      if (distroData) {
        List<Candidate> rows = find(cache, target.distroEcosystem(), source);
        forPackage.addAll(distro(target, rows, pkg, source, version, scheme));
      }
      for (String ecosystem : osv) {
        for (Candidate c : find(cache, ecosystem, source)) {
          osvFinding(c, pkg, source, version, scheme).ifPresent(forPackage::add);
        }
      }
      findings.addAll(fold(forPackage));
    }
    findings.sort(
        Comparator.comparing(Finding::packageName)
            .thenComparing(Finding::vulnerabilityId)
            .thenComparing(Finding::installedVersion));
    return findings;
  }

  private List<Candidate> find(Map<String, List<Candidate>> cache, String ecosystem, String name)
      throws BulkheadException {
    String key = ecosystem + "\u0000" + name;
    List<Candidate> rows = cache.get(key);
    if (rows == null) {
      rows = lookup.find(ecosystem, name);
      cache.put(key, rows);
    }
    return rows;
  }

  private static List<Finding> distro(
      OsTarget target,
      List<Candidate> rows,
      Package pkg,
      String source,
      String version,
      Comparator<String> scheme) {
    // Rows of one advisory (same source and key) are decided together.
    Map<String, List<Candidate>> byAdvisory = new LinkedHashMap<>();
    for (Candidate c : rows) {
      byAdvisory
          .computeIfAbsent(c.source() + "\u0000" + c.advisory().key(), k -> new ArrayList<>())
          .add(c);
    }
    List<Finding> out = new ArrayList<>();
    boolean debian = Package.DEB.equals(target.packageType());
    for (List<Candidate> group : byAdvisory.values()) {
      List<Affected> affected = group.stream().map(Candidate::affected).toList();
      DistroRules.Verdict v =
          debian
              ? DistroRules.debian(affected, version, scheme)
              : DistroRules.alpine(affected, version, scheme);
      if (v == null) {
        continue;
      }
      Candidate first = group.get(0);
      String dataSource =
          debian
              ? first.source() + ":" + target.distroEcosystem().substring("debian:".length())
              : first.source();
      out.add(
          finding(
              first.advisory(),
              pkg,
              source,
              v.fixedVersion(),
              v.status(),
              severity(first.advisory(), first.affected()),
              dataSource));
    }
    return out;
  }

  private static Optional<Finding> osvFinding(
      Candidate c, Package pkg, String source, String version, Comparator<String> scheme) {
    if (c.advisory().withdrawn() != null) {
      return Optional.empty();
    }
    return OsvRanges.affected(c.affected(), version, scheme)
        .map(
            fixed ->
                finding(
                    c.advisory(),
                    pkg,
                    source,
                    fixed.isEmpty() ? null : fixed,
                    fixed.isEmpty() ? Finding.STATUS_AFFECTED : Finding.STATUS_FIXED,
                    severity(c.advisory(), c.affected()),
                    "osv:" + c.affected().ecosystem()));
  }

  private static Finding finding(
      Advisory a,
      Package pkg,
      String source,
      String fixed,
      String status,
      Severity severity,
      String dataSource) {
    return new Finding(
        a.vulnerabilityId(),
        pkg.name(),
        pkg.version(),
        fixed,
        status,
        severity,
        a.title(),
        pkg.layer(),
        pkg.type(),
        source,
        dataSource,
        a.aliases(),
        a.references());
  }

  /** Takes the severity from a CVSS score, else the package's word, else the advisory's word. */
  private static Severity severity(Advisory a, Affected f) {
    if (a.cvssScore() != null && a.cvssScore() > 0) {
      return Severity.fromCvssScore(a.cvssScore());
    }
    Severity s = Severity.parse(f.severity());
    return s != Severity.UNKNOWN ? s : Severity.parse(a.severity());
  }

  /**
   * Keeps the first finding of each vulnerability: a later finding is dropped when its id or one of
   * its aliases is a kept finding's id, or its id is a kept finding's alias. Aliases alone do not
   * fold (several Xen CVEs share one XSA id).
   */
  private static List<Finding> fold(List<Finding> findings) {
    List<Finding> kept = new ArrayList<>();
    Set<String> primaries = new HashSet<>();
    Set<String> aliases = new HashSet<>();
    for (Finding f : findings) {
      if (primaries.contains(f.vulnerabilityId())
          || aliases.contains(f.vulnerabilityId())
          || f.aliases().stream().anyMatch(primaries::contains)) {
        continue;
      }
      primaries.add(f.vulnerabilityId());
      aliases.addAll(f.aliases());
      kept.add(f);
    }
    return kept;
  }

  private static String describe(OsInfo os) {
    if (os == null) {
      return "(none detected)";
    }
    return os.family() + (os.version() == null ? "" : " " + os.version());
  }
}
