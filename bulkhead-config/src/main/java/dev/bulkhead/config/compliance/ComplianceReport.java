package dev.bulkhead.config.compliance;

import dev.bulkhead.config.model.ConfigFinding;
import dev.bulkhead.config.model.ResourceRef;
import dev.bulkhead.config.model.Rule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A framework's controls judged against the findings of one scan.
 *
 * <p>A finding decides a control when its rule's framework mappings contain one of the control's
 * tags ({@code cis-docker:5.5}). Each control is judged over the resources its deciding rules
 * examine ({@link RuleKinds}: Dockerfile stages for a Dockerfile rule, compose services, daemon
 * configs, containers, workloads, roles...), plus any resource that failed it; an automated control
 * passes when none of them has an unsuppressed finding for it, and its percentage is the share
 * without one. A control with no such resource scanned is not applicable (reported as manual), not
 * passed. The score is the mean of those percentages over the automated controls that were judged,
 * so a single privileged container among a hundred costs one control one percent, not the whole
 * report.
 *
 * @param resources how many distinct resources the report covers: the scanned ones plus any other
 *     resource (or file, for file-level findings) with a finding for this framework
 * @param score the mean percentage (computed from exact shares, rounded to one decimal), or {@code
 *     null} when no automated control was judged
 */
public record ComplianceReport(
    Framework framework, List<ControlResult> controls, int resources, Double score) {
  public ComplianceReport {
    controls = List.copyOf(controls);
  }

  private static final Comparator<ResourceRef> ORDER =
      Comparator.comparing((ResourceRef r) -> Objects.toString(r.kind(), ""))
          .thenComparing(r -> Objects.toString(r.namespace(), ""))
          .thenComparing(r -> Objects.toString(r.name(), ""));

  /**
   * Judges every control, assuming each automated control is checked by some rule of the scan.
   * Without the rule list, a control is judged over the kinds the rules of its findings examine, or
   * over every scanned resource when it has no finding.
   *
   * @param scanned every resource the scan looked at, failing or not
   * @param findings the scan's findings, suppressed ones included
   */
  public static ComplianceReport compute(
      Framework framework, Collection<ResourceRef> scanned, List<ConfigFinding> findings) {
    return compute(framework, null, scanned, findings);
  }

  /**
   * Judges every control; an automated control that none of {@code rulesRun} maps to is reported as
   * manual ("no rule of this scan checks it") instead of passing unchecked, and so is one whose
   * rules examine no kind of resource the scan saw ("not applicable").
   *
   * @param rulesRun every rule the scan applied, or {@code null} to skip that check
   * @param scanned every resource the scan looked at, failing or not
   * @param findings the scan's findings, suppressed ones included
   */
  public static ComplianceReport compute(
      Framework framework,
      Collection<Rule> rulesRun,
      Collection<ResourceRef> scanned,
      List<ConfigFinding> findings) {
    Set<ResourceRef> universe = new LinkedHashSet<>(scanned);
    for (ConfigFinding f : findings) {
      if (f.suppression() == null && mapsToAny(framework, f.rule())) {
        universe.add(resourceOf(f));
      }
    }
    List<ControlResult> results = new ArrayList<>();
    double sum = 0;
    int judged = 0;
    for (Control c : framework.controls()) {
      ControlResult r = judge(c, rulesRun, scanned, findings);
      results.add(r);
      if (r.status() != ControlStatus.MANUAL && r.resources() > 0) {
        sum += 100.0 * r.passing() / r.resources();
        judged++;
      }
    }
    Double score = judged == 0 ? null : round(sum / judged);
    return new ComplianceReport(framework, results, universe.size(), score);
  }

  private static ControlResult judge(
      Control c,
      Collection<Rule> rulesRun,
      Collection<ResourceRef> scanned,
      List<ConfigFinding> findings) {
    if (!c.automated()) {
      return manual(c, "manual: review by hand");
    }
    List<Rule> deciding = new ArrayList<>();
    if (rulesRun != null) {
      rulesRun.stream().filter(r -> c.mappedBy(r.frameworks())).forEach(deciding::add);
      if (deciding.isEmpty()) {
        return manual(c, "no rule of this scan checks it: review by hand");
      }
    }
    Map<ResourceRef, List<ConfigFinding>> failing = new LinkedHashMap<>();
    int suppressed = 0;
    for (ConfigFinding f : findings) {
      if (!c.mappedBy(f.rule().frameworks())) {
        continue;
      }
      if (rulesRun == null && !deciding.contains(f.rule())) {
        deciding.add(f.rule());
      }
      if (f.suppression() != null) {
        suppressed++;
        continue;
      }
      failing.computeIfAbsent(resourceOf(f), k -> new ArrayList<>()).add(f);
    }
    // The control is judged over the resources its rules examine, plus any that failed it.
    Set<ResourceRef> relevant = new LinkedHashSet<>();
    for (ResourceRef r : scanned) {
      if (deciding.isEmpty()
          || deciding.stream().anyMatch(rule -> RuleKinds.examines(rule, r.kind()))) {
        relevant.add(r);
      }
    }
    relevant.addAll(failing.keySet());
    int total = relevant.size();
    if (total == 0 && rulesRun != null) {
      return manual(c, "not applicable: no resource of the kinds its rules examine was scanned");
    }
    List<ControlResult.Failure> failures = new ArrayList<>();
    failing.entrySet().stream()
        .sorted(Map.Entry.comparingByKey(ORDER))
        .forEach(e -> failures.add(new ControlResult.Failure(e.getKey(), e.getValue())));
    int passing = total - failures.size();
    Double percent = total == 0 ? null : round(100.0 * passing / total);
    return new ControlResult(
        c,
        failures.isEmpty() ? ControlStatus.PASS : ControlStatus.FAIL,
        "",
        failures,
        total,
        passing,
        percent,
        suppressed);
  }

  private static ControlResult manual(Control c, String note) {
    return new ControlResult(c, ControlStatus.MANUAL, note, List.of(), 0, 0, null, 0);
  }

  private static boolean mapsToAny(Framework framework, Rule rule) {
    for (Control c : framework.controls()) {
      if (c.mappedBy(rule.frameworks())) {
        return true;
      }
    }
    return false;
  }

  /** The resource of a finding; a file-level finding stands for its file. */
  static ResourceRef resourceOf(ConfigFinding f) {
    return f.resource() != null ? f.resource() : new ResourceRef("File", null, f.location().file());
  }

  private static double round(double d) {
    return Math.round(d * 10.0) / 10.0;
  }

  /** How many controls came out with this status. */
  public long count(ControlStatus status) {
    return controls.stream().filter(c -> c.status() == status).count();
  }
}
