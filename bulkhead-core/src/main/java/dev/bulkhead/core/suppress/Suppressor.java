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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Applies VEX statements and ignore-file entries to a report's findings: a finding is silenced by
 * the last VEX statement (in the order given) that names its vulnerability (by id or alias) and
 * covers its package's purl, when that statement says {@code not_affected} or {@code fixed}; else
 * by the first unexpired ignore entry that names it and covers its purl and path. Expired entries
 * become warnings and silence nothing.
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
    for (Finding f : report.findings()) {
      Package pkg = index.packageOf(f);
      String purlText = pkg == null ? null : pkg.purl();
      Purl purl = Purl.parseOrNull(purlText);
      String path = pkg == null ? null : pkg.path();
      List<String> ids = new ArrayList<>();
      ids.add(f.vulnerabilityId());
      ids.addAll(f.aliases());
      SuppressedFinding s = byVex(f, ids, purl, purlText);
      if (s == null) {
        s = byIgnore(f, ids, purl, purlText, path, active);
      }
      if (s == null) {
        kept.add(f);
      } else {
        silenced.add(s);
      }
    }
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

  private static SuppressedFinding byIgnore(
      Finding f,
      List<String> ids,
      Purl purl,
      String purlText,
      String path,
      List<IgnoreRule> active) {
    for (IgnoreRule r : active) {
      if (ids.stream().anyMatch(id -> id.equalsIgnoreCase(r.id())) && r.covers(purl, path)) {
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
