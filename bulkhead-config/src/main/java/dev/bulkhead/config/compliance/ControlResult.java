package dev.bulkhead.config.compliance;

import dev.bulkhead.config.model.ConfigFinding;
import dev.bulkhead.config.model.ResourceRef;
import java.util.List;

/**
 * The outcome of one control.
 *
 * @param note why a control is manual, else an empty string
 * @param failures the resources that violate it, each with the findings that say so
 * @param resources how many resources the control was judged on (scanned plus any failing one that
 *     was not in the scanned list)
 * @param passing how many of them do not violate it
 * @param percent {@code passing / resources * 100}, or {@code null} for manual controls and when
 *     nothing was scanned
 * @param suppressed findings for this control that were suppressed and so do not fail it
 */
public record ControlResult(
    Control control,
    ControlStatus status,
    String note,
    List<Failure> failures,
    int resources,
    int passing,
    Double percent,
    int suppressed) {
  public ControlResult {
    failures = List.copyOf(failures);
  }

  /** One resource that violates the control. */
  public record Failure(ResourceRef resource, List<ConfigFinding> findings) {
    public Failure {
      findings = List.copyOf(findings);
    }
  }
}
