package dev.bulkhead.config.audit;

import dev.bulkhead.config.model.ConfigFinding;
import dev.bulkhead.core.Severity;
import java.util.List;
import java.util.Set;

/**
 * The outcome of a live audit.
 *
 * @param engine a one-line description of the engine (name, version, address)
 * @param findings what is wrong, daemon first, then per container
 * @param warnings what could not be checked and why
 */
public record AuditReport(String engine, List<ConfigFinding> findings, List<String> warnings) {
  public AuditReport {
    findings = List.copyOf(findings);
    warnings = List.copyOf(warnings);
  }

  /** This report with only the findings of the given severities. */
  public AuditReport withSeverities(Set<Severity> keep) {
    return new AuditReport(
        engine, findings.stream().filter(f -> keep.contains(f.severity())).toList(), warnings);
  }
}
