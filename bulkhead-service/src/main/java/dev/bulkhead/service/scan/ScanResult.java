package dev.bulkhead.service.scan;

import dev.bulkhead.core.OsInfo;
import dev.bulkhead.core.Report;

/**
 * The outcome of a scan.
 *
 * @param report the report after suppressions and filters
 * @param unsupportedOs the detected OS when vulnerabilities were to be matched but matching does
 *     not support it (the packages are listed, unmatched: a front end must not present the report
 *     as clean), else {@code null}
 */
public record ScanResult(Report report, OsInfo unsupportedOs) {
  /** Whether any vulnerability or secret/malware finding remains after the filters. */
  public boolean findingsRemain() {
    return !report.findings().isEmpty() || !report.contentFindings().isEmpty();
  }
}
