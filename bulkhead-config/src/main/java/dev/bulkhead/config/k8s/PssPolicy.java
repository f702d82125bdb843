package dev.bulkhead.config.k8s;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides a pod against a Pod Security Standards level and version as the PodSecurity admission
 * controller does (policy/registry.go): baseline runs the baseline checks active at the version;
 * restricted adds the restricted checks active at the version and drops the baseline checks they
 * override at that version.
 */
public final class PssPolicy {
  /** A violation with the check that found it. */
  public record Result(PssCheck check, Violation violation) {}

  private static final List<PssCheck> ALL;

  static {
    List<PssCheck> all = new ArrayList<>(PssBaseline.checks());
    all.addAll(PssRestricted.checks());
    ALL = List.copyOf(all);
  }

  private final List<PssCheck> active;
  private final PssVersion version;
  private final boolean union;

  /** The policy for {@code level} at {@code version}. */
  public PssPolicy(PssLevel level, PssVersion version) {
    Set<String> overridden = new HashSet<>();
    List<PssCheck> restricted = new ArrayList<>();
    if (level == PssLevel.RESTRICTED) {
      for (PssCheck c : ALL) {
        if (c.level() == PssLevel.RESTRICTED && c.activeAt(version)) {
          restricted.add(c);
          if (c.overrides() != null) {
            overridden.add(c.overrides());
          }
        }
      }
    }
    List<PssCheck> out = new ArrayList<>();
    for (PssCheck c : ALL) {
      if (c.level() == PssLevel.BASELINE && c.activeAt(version) && !overridden.contains(c.id())) {
        out.add(c);
      }
    }
    out.addAll(restricted);
    this.active = List.copyOf(out);
    this.version = version;
    this.union = false;
  }

  private PssPolicy(List<PssCheck> active, PssVersion version) {
    this.active = active;
    this.version = version;
    this.union = true;
  }

  /**
   * Every baseline and restricted check active at {@code version}, without overrides, for the
   * default scan: a field both a baseline check and the restricted check overriding it flag (a
   * hostPath volume, an Unconfined seccomp profile, an added SYS_ADMIN) is reported once, by the
   * more specific baseline rule; restricted-only problems (capabilities not dropped, a missing
   * seccomp profile) are reported by the restricted rules.
   */
  public static PssPolicy union(PssVersion version) {
    List<PssCheck> out = new ArrayList<>();
    for (PssCheck c : ALL) {
      if (c.activeAt(version)) {
        out.add(c);
      }
    }
    return new PssPolicy(List.copyOf(out), version);
  }

  /** Every check Bulkhead knows, baseline first. */
  public static List<PssCheck> allChecks() {
    return ALL;
  }

  /** The checks this policy runs. */
  public List<PssCheck> checks() {
    return active;
  }

  /** Returns every violation of the pod; empty means the admission controller would allow it. */
  public List<Result> evaluate(PodSpecView pod) {
    List<Result> out = new ArrayList<>();
    Set<String> baselineHits = new HashSet<>();
    for (PssCheck c : active) {
      for (Violation v : c.fn().apply(pod, version)) {
        if (union) {
          if (c.level() == PssLevel.BASELINE) {
            baselineHits.add(c.id() + " " + v.path());
          } else if (c.overrides() != null
              && baselineHits.contains(c.overrides() + " " + v.path())) {
            continue;
          }
        }
        out.add(new Result(c, v));
      }
    }
    return out;
  }
}
