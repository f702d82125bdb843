package dev.bulkhead.service.scan;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.ContentFinding;
import dev.bulkhead.core.Finding;
import dev.bulkhead.core.Report;
import dev.bulkhead.core.suppress.IgnoreFile;
import dev.bulkhead.core.suppress.IgnoreRule;
import dev.bulkhead.core.suppress.Suppressor;
import dev.bulkhead.core.suppress.VexReader;
import dev.bulkhead.core.suppress.VexStatement;
import dev.bulkhead.core.suppress.VexTarget;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Applies a {@link ReportFilter}: the one tail every scan job shares. */
final class ReportFilters {
  private ReportFilters() {}

  /**
   * Moves findings silenced by VEX statements or the ignore file to the suppressed list (expired
   * ignore entries and unusable VEX statements become warnings), then drops findings outside the
   * wanted severities and, when asked, unfixed vulnerabilities.
   *
   * @param target the scanned target, which VEX image products with subcomponents must name
   */
  static Report apply(Report report, ReportFilter filter, VexTarget target)
      throws BulkheadException {
    return filter(suppress(report, filter, target), filter);
  }

  private static Report suppress(Report report, ReportFilter filter, VexTarget target)
      throws BulkheadException {
    List<String> warnings = new ArrayList<>();
    List<VexStatement> statements = new ArrayList<>();
    for (Path file : filter.vex()) {
      statements.addAll(VexReader.read(file, warnings::add));
    }
    List<IgnoreRule> rules =
        filter.ignoreFile() == null ? List.of() : IgnoreFile.read(filter.ignoreFile());
    Report out = report;
    if (!statements.isEmpty() || !rules.isEmpty()) {
      out = new Suppressor(statements, rules, LocalDate.now(ZoneOffset.UTC), target).apply(report);
    }
    for (String w : warnings) {
      out = out.withWarning(w);
    }
    return out;
  }

  private static Report filter(Report report, ReportFilter filter) {
    Predicate<Finding> keepVuln =
        f ->
            filter.severities().contains(f.severity())
                && !(filter.ignoreUnfixed() && f.fixedVersion() == null);
    Predicate<ContentFinding> keepContent = f -> filter.severities().contains(f.severity());
    return report
        .withFindings(report.findings().stream().filter(keepVuln).toList())
        .withContentFindings(report.contentFindings().stream().filter(keepContent).toList());
  }
}
