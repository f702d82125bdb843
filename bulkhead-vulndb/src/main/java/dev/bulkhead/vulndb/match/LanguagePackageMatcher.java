package dev.bulkhead.vulndb.match;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.Finding;
import dev.bulkhead.core.Package;
import dev.bulkhead.core.Severity;
import dev.bulkhead.vulndb.model.Advisory;
import dev.bulkhead.vulndb.version.VersionScheme;
import dev.bulkhead.vulndb.version.VersionSchemes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Matches language packages (purl types maven, npm, pypi, golang, cargo, gem, composer, nuget)
 * against the stored OSV advisories of their ecosystem ({@link LanguageEcosystems}).
 *
 * <p>The names each ecosystem's advisories mention are read once; packages named by an advisory are
 * then looked up by (ecosystem, normalised name) through the store's index and evaluated with the
 * ecosystem's version order ({@link OsvRanges}: {@code SEMVER} and {@code ECOSYSTEM} ranges,
 * enumerated versions, {@code last_affected}, {@code limit}); withdrawn advisories are skipped.
 * Advisories that share an id or alias (a GHSA, its CVE and the PYSEC or RUSTSEC record of the same
 * flaw) fold into one finding per package and file, named by the CVE id when there is one, the
 * other ids listed as aliases, with the highest severity among them.
 */
public final class LanguagePackageMatcher {
  private final AdvisoryLookup lookup;

  /** Creates a matcher reading from {@code lookup}. */
  public LanguagePackageMatcher(AdvisoryLookup lookup) {
    this.lookup = lookup;
  }

  /**
   * Returns the findings for the language packages among {@code packages} (others are ignored),
   * ordered by package name, vulnerability id and path.
   *
   * @param warnings receives one line per ecosystem without data or version order
   */
  public List<Finding> match(List<Package> packages, Consumer<String> warnings)
      throws BulkheadException {
    Map<String, Integer> counts = new TreeMap<>();
    for (Package p : packages) {
      String eco = LanguageEcosystems.osvEcosystem(p.type());
      if (eco != null) {
        counts.merge(eco, 1, Integer::sum);
      }
    }
    Set<String> usable = new LinkedHashSet<>();
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      String eco = e.getKey();
      if (VersionSchemes.forOsvEcosystem(eco) == null) {
        warnings.accept(
            e.getValue() + " " + eco + " packages not matched: no version order for " + eco);
      } else if (!lookup.hasEcosystem(eco)) {
        warnings.accept(
            "no "
                + eco
                + " advisories in the vulnerability database; "
                + e.getValue()
                + " "
                + eco
                + " packages not matched. Import OSV data for "
                + eco
                + " with `bulkhead db import`");
      } else {
        usable.add(eco);
      }
    }
    Map<String, Set<String>> known = new HashMap<>();
    for (String eco : usable) {
      known.put(eco, lookup.nameKeys(eco));
    }
    Map<String, List<Candidate>> cache = new HashMap<>();
    Set<String> badVersions = new LinkedHashSet<>();
    List<Finding> findings = new ArrayList<>();
    for (Package pkg : packages) {
      String eco = LanguageEcosystems.osvEcosystem(pkg.type());
      if (eco == null || !usable.contains(eco) || pkg.version() == null) {
        continue;
      }
      String key = LanguageEcosystems.nameKey(eco, pkg.name());
      if (!known.get(eco).contains(key)) {
        continue;
      }
      List<Candidate> rows = cache.get(eco + "\u0000" + key);
      if (rows == null) {
        rows = lookup.findByKey(eco, key);
        cache.put(eco + "\u0000" + key, rows);
      }
      if (rows.isEmpty()) {
        continue;
      }
      VersionScheme scheme = VersionSchemes.forOsvEcosystem(eco);
      List<Hit> hits = new ArrayList<>();
      try {
        hits = hits(rows, pkg.version(), scheme);
      } catch (RuntimeException e) {
        badVersions.add(pkg.type() + " " + pkg.name() + " " + pkg.version());
      }
      findings.addAll(fold(hits, pkg, eco, scheme));
    }
    for (String bad : badVersions) {
      warnings.accept("cannot compare the version of " + bad + "; not matched");
    }
    findings.sort(
        Comparator.comparing(Finding::packageName)
            .thenComparing(Finding::installedVersion)
            .thenComparing(f -> f.path() == null ? "" : f.path())
            .thenComparing(Finding::vulnerabilityId));
    return findings;
  }

  /** One advisory that affects the package, with its first fixed version ("" when none). */
  private record Hit(Advisory advisory, String fixed, Severity severity) {}

  private static List<Hit> hits(List<Candidate> rows, String version, VersionScheme scheme) {
    // Rows of one advisory (several affected entries for one package) are decided together.
    Map<String, Hit> byAdvisory = new LinkedHashMap<>();
    for (Candidate c : rows) {
      if (c.advisory().withdrawn() != null) {
        continue;
      }
      var verdict = OsvRanges.affected(c.affected(), version, scheme);
      if (verdict.isEmpty()) {
        continue;
      }
      String id = c.source() + "\u0000" + c.advisory().key();
      Severity severity = severity(c);
      Hit seen = byAdvisory.get(id);
      String fixed = verdict.get();
      if (seen != null) {
        fixed = lowerFixed(seen.fixed(), fixed, scheme);
        severity = max(seen.severity(), severity);
      }
      byAdvisory.put(id, new Hit(c.advisory(), fixed, severity));
    }
    return new ArrayList<>(byAdvisory.values());
  }

  private static String lowerFixed(String a, String b, Comparator<String> scheme) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return scheme.compare(a, b) <= 0 ? a : b;
  }

  /** Takes the severity from a CVSS score, else the package's word, else the advisory's word. */
  private static Severity severity(Candidate c) {
    Advisory a = c.advisory();
    if (a.cvssScore() != null && a.cvssScore() > 0) {
      return Severity.fromCvssScore(a.cvssScore());
    }
    Severity s = Severity.parse(c.affected().severity());
    return s != Severity.UNKNOWN ? s : Severity.parse(a.severity());
  }

  private static Severity max(Severity a, Severity b) {
    if (a == Severity.UNKNOWN) {
      return b;
    }
    if (b == Severity.UNKNOWN) {
      return a;
    }
    return a.compareTo(b) >= 0 ? a : b;
  }

  /**
   * Folds hits whose ids or aliases meet (transitively) into one finding each, named by the
   * smallest CVE id of the group, else its first GHSA id, else its first advisory id.
   */
  private static List<Finding> fold(
      List<Hit> hits, Package pkg, String eco, Comparator<String> scheme) {
    int n = hits.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    Map<String, Integer> owner = new HashMap<>();
    for (int i = 0; i < n; i++) {
      for (String id : ids(hits.get(i).advisory())) {
        Integer j = owner.putIfAbsent(id.toUpperCase(Locale.ROOT), i);
        if (j != null) {
          parent[find(parent, i)] = find(parent, j);
        }
      }
    }
    Map<Integer, List<Hit>> groups = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(hits.get(i));
    }
    List<Finding> out = new ArrayList<>();
    for (List<Hit> group : groups.values()) {
      out.add(finding(group, pkg, eco, scheme));
    }
    return out;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static List<String> ids(Advisory a) {
    List<String> ids = new ArrayList<>();
    ids.add(a.vulnerabilityId());
    ids.addAll(a.aliases());
    return ids;
  }

  private static Finding finding(
      List<Hit> group, Package pkg, String eco, Comparator<String> scheme) {
    Set<String> all = new LinkedHashSet<>();
    for (Hit h : group) {
      all.addAll(ids(h.advisory()));
    }
    String primary =
        all.stream()
            .filter(id -> id.startsWith("CVE-"))
            .min(Comparator.naturalOrder())
            .orElseGet(
                () ->
                    all.stream()
                        .filter(id -> id.startsWith("GHSA-"))
                        .findFirst()
                        .orElse(group.get(0).advisory().vulnerabilityId()));
    // The title and references come from the advisory named by the primary id when there is one,
    // else from the first advisory that has a title.
    Hit main = group.get(0);
    for (Hit h : group) {
      if (h.advisory().title() != null
          && (main.advisory().title() == null || isNamed(h, primary))) {
        main = h;
      }
    }
    String fixed = "";
    Severity severity = Severity.UNKNOWN;
    Set<String> references = new LinkedHashSet<>();
    Set<String> sources = new LinkedHashSet<>();
    for (Hit h : group) {
      fixed = lowerFixed(fixed, h.fixed(), scheme);
      severity = max(severity, h.severity());
      references.addAll(h.advisory().references());
      sources.add(h.advisory().vulnerabilityId());
    }
    all.remove(primary);
    return new Finding(
        primary,
        pkg.name(),
        pkg.version(),
        fixed.isEmpty() ? null : fixed,
        fixed.isEmpty() ? Finding.STATUS_AFFECTED : Finding.STATUS_FIXED,
        severity,
        main.advisory().title(),
        pkg.layer(),
        pkg.type(),
        pkg.name(),
        "osv:" + eco + " " + String.join(",", sources),
        List.copyOf(all),
        List.copyOf(references),
        pkg.purl(),
        pkg.path());
  }

  private static boolean isNamed(Hit h, String id) {
    return h.advisory().vulnerabilityId().equals(id);
  }
}
