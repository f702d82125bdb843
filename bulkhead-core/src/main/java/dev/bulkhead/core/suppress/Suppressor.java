package dev.bulkhead.core.suppress;

import dev.bulkhead.core.Finding;
import dev.bulkhead.core.Package;
import dev.bulkhead.core.PackageIndex;
import dev.bulkhead.core.Report;
import dev.bulkhead.core.SuppressedFinding;
import dev.bulkhead.core.sbom.Purl;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Applies VEX statements and ignore-file entries to a report's findings: a finding is silenced by
 * the last VEX statement (in the order given) that names its vulnerability (by id or alias) and
 * covers its package's purl, when that statement says {@code not_affected} or {@code fixed}; else
 * by the first unexpired ignore entry that names it and covers the purl and path of every copy of
 * its package. Expired entries become warnings and silence nothing.
 */
public final class Suppressor {
  private final Map<String, List<Integer>> statementsById = new HashMap<>();
  private final List<VexStatement> statements;
  private final List<IgnoreRule> rules;
  private final LocalDate today;
  private final VexTarget target;

  /**
   * Creates a suppressor.
   *
   * @param statements VEX statements, later ones overriding earlier ones for the same finding
   * @param rules ignore-file entries
   * @param today the date expiry is judged on
   * @param target the scanned target, which image products with subcomponents must name
   */
  public Suppressor(
      List<VexStatement> statements, List<IgnoreRule> rules, LocalDate today, VexTarget target) {
    this.statements = List.copyOf(statements);
    for (int i = 0; i < this.statements.size(); i++) {
      VexStatement v = this.statements.get(i);
      Set<String> keys = new HashSet<>();
      keys.add(v.vulnerability().toUpperCase(Locale.ROOT));
      for (String alias : v.aliases()) {
        keys.add(alias.toUpperCase(Locale.ROOT));
      }
      for (String key : keys) {
        statementsById.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
      }
    }
    this.rules = List.copyOf(rules);
    this.today = today;
    this.target = target;
  }

  /**
   * Returns the report with silenced findings moved to its suppressed list, warning about expired
   * ignore entries and VEX statements about another image.
   */
  public Report apply(Report report) {
    List<IgnoreRule> active = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (VexStatement v : statements) {
      List<Purl> others = v.otherImages(target);
      if (!others.isEmpty()) {
        notes.add(
            "VEX "
                + v.source()
                + " ("
                + v.vulnerability()
                + ") is about "
                + String.join(", ", others.stream().map(VexTarget::show).toList())
                + ", not the scanned target "
                + target.description()
                + "; its subcomponents are skipped"
                + (target.repository() == null
                    ? " (only registry references name an image here)"
                    : ""));
      }
    }
    for (IgnoreRule r : rules) {
      if (r.expiredOn(today)) {
        notes.add(
            r.source()
                + ": the entry for "
                + r.id()
                + " expired on "
                + r.expires()
                + " and no longer suppresses; renew or remove it");
      } else {
        active.add(r);
      }
    }
    List<Finding> kept = new ArrayList<>();
    List<SuppressedFinding> silenced = new ArrayList<>(report.suppressed());
    PackageIndex index = new PackageIndex(report.packages());
    Map<String, List<Package>> byNameVersion = new HashMap<>();
    for (Package p : report.packages()) {
      byNameVersion.computeIfAbsent(key(p.name(), p.version()), k -> new ArrayList<>()).add(p);
    }
    Set<String> ambiguous = new LinkedHashSet<>();
    for (Finding f : report.findings()) {
      Package pkg = index.packageOf(f);
      List<Package> copies = copiesOf(f, pkg, byNameVersion);
      String purlText = pkg == null ? null : pkg.purl();
      Purl purl = Purl.parseOrNull(purlText);
      List<String> ids = new ArrayList<>();
      ids.add(f.vulnerabilityId());
      ids.addAll(f.aliases());
      SuppressedFinding s = byVex(f, ids, purl, purlText);
      if (s == null) {
        s = byIgnore(f, ids, purlText, copies, active, ambiguous);
      }
      if (s == null) {
        kept.add(f);
      } else {
        silenced.add(s);
      }
    }
    notes.addAll(ambiguous);
    Report out = report.withSuppressed(kept, silenced);
    for (String w : notes) {
      out = out.withWarning(w);
    }
    return out;
  }

  private SuppressedFinding byVex(Finding f, List<String> ids, Purl purl, String purlText) {
    int lastIndex = -1;
    for (String id : ids) {
      for (int i : statementsById.getOrDefault(id.toUpperCase(Locale.ROOT), List.of())) {
        if (i > lastIndex && statements.get(i).covers(purl, target)) {
          lastIndex = i;
        }
      }
    }
    if (lastIndex < 0 || !statements.get(lastIndex).suppresses()) {
      return null;
    }
    VexStatement last = statements.get(lastIndex);
    return new SuppressedFinding(
        f,
        purlText,
        SuppressedFinding.VEX,
        last.status(),
        last.justification(),
        last.statement(),
        last.source());
  }

  /**
   * Returns every package a finding may have been matched on: the one copy when the finding names
   * its path (language packages), else every copy with its name, version, type and layer, since
   * those findings cannot tell copies at several paths apart.
   */
  private static List<Package> copiesOf(
      Finding f, Package pkg, Map<String, List<Package>> byNameVersion) {
    if (pkg == null) {
      return List.of();
    }
    if (f.path() != null && f.path().equals(pkg.path())) {
      return List.of(pkg); // the finding names its own copy
    }
    List<Package> out = new ArrayList<>();
    for (Package p :
        byNameVersion.getOrDefault(key(f.packageName(), f.installedVersion()), List.of())) {
      if ((f.packageType() == null || f.packageType().equals(p.type()))
          && (f.layer() == null || p.layer() == null || f.layer().equals(p.layer()))) {
        out.add(p);
      }
    }
    return out.isEmpty() ? List.of(pkg) : out;
  }

  private static String key(String name, String version) {
    return name + '\u0000' + version;
  }

  /**
   * Returns the first unexpired entry's suppression that names the finding and covers every copy of
   * its package (by purl and path); an entry that covers only some copies silences nothing, since
   * the finding does not say which copy it is about, and becomes a warning.
   */
  private static SuppressedFinding byIgnore(
      Finding f,
      List<String> ids,
      String purlText,
      List<Package> copies,
      List<IgnoreRule> active,
      Set<String> ambiguous) {
    for (IgnoreRule r : active) {
      if (ids.stream().noneMatch(id -> id.equalsIgnoreCase(r.id()))) {
        continue;
      }
      int covered = 0;
      for (Package c : copies) {
        if (r.covers(Purl.parseOrNull(c.purl()), c.path())) {
          covered++;
        }
      }
      boolean applies = copies.isEmpty() ? r.covers(null, null) : covered == copies.size();
      if (!applies && covered > 0) {
        ambiguous.add(
            r.source()
                + ": the entry for "
                + r.id()
                + " covers "
                + covered
                + " of the "
                + copies.size()
                + " copies of "
                + f.packageName()
                + " "
                + f.installedVersion()
                + " ("
                + String.join(", ", copies.stream().map(c -> String.valueOf(c.path())).toList())
                + ") and findings do not say which copy they are about, so it silences none;"
                + " widen its path or purl to cover every copy");
        continue;
      }
      if (applies) {
        String reason = r.reason();
        if (r.expires() != null) {
          reason = (reason == null ? "" : reason + " ") + "(until " + r.expires() + ")";
        }
        return new SuppressedFinding(
            f, purlText, SuppressedFinding.IGNORE, "ignored", null, reason, r.source());
      }
    }
    return null;
  }
}
