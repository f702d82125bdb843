package dev.bulkhead.service.scan;

import dev.bulkhead.core.Severity;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What happens to findings after matching: suppression by VEX statements and an ignore file, then
 * filtering by severity and fix availability.
 *
 * @param vex OpenVEX or CycloneDX VEX files
 * @param ignoreFile ignore file, or {@code null} for none (a front end picks any default)
 * @param severities severities to keep; empty keeps all
 * @param ignoreUnfixed drop vulnerabilities without a fixed version
 */
public record ReportFilter(
    List<Path> vex, Path ignoreFile, Set<Severity> severities, boolean ignoreUnfixed) {
  public ReportFilter {
    vex = vex == null ? List.of() : List.copyOf(vex);
    severities =
        severities == null || severities.isEmpty()
            ? EnumSet.allOf(Severity.class)
            : EnumSet.copyOf(severities);
  }

  /** Keeps every finding. */
  public static ReportFilter none() {
    return new ReportFilter(List.of(), null, Set.of(), false);
  }
}
