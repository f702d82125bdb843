package dev.bulkhead.service.scan;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.Finding;
import dev.bulkhead.core.Report;
import dev.bulkhead.core.sbom.Purl;
import dev.bulkhead.core.sbom.Sbom;
import dev.bulkhead.core.sbom.SbomReader;
import dev.bulkhead.core.suppress.VexTarget;
import dev.bulkhead.vulndb.VulnDb;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Matches the packages of an SBOM against the advisory database and applies suppressions and
 * filters, as {@link ScanJob} does for images.
 */
public final class SbomScanJob {
  /**
   * The outcome of an SBOM scan.
   *
   * @param scan the report and whether its OS could be matched
   * @param format the SBOM's format, e.g. {@code CycloneDX 1.6}
   */
  public record Result(ScanResult scan, String format) {}

  /**
   * Runs the scan.
   *
   * @throws NoAdvisoryDatabaseException when the database file is missing
   * @throws BulkheadException when the SBOM cannot be read
   */
  public Result run(SbomScanRequest request) throws BulkheadException {
    Sbom sbom = SbomReader.read(request.sbom());
    if (!Files.exists(request.vulnDb())) {
      throw new NoAdvisoryDatabaseException(request.vulnDb());
    }
    List<String> warnings = new ArrayList<>(sbom.warnings());
    List<Finding> findings;
    try (VulnDb vulnDb = VulnDb.open(request.vulnDb())) {
      findings = vulnDb.match(sbom.os(), sbom.packages(), warnings::add);
    }
    Report report =
        new Report(
            Report.SCHEMA_VERSION,
            request.sbom().toString(),
            sbom.os(),
            List.of(),
            sbom.packages(),
            findings,
            warnings);
    report =
        ReportFilters.apply(report, request.filter(), VexTarget.unnamed("SBOM " + request.sbom()));
    boolean unsupported =
        report.os() != null
            && !VulnDb.supportsOs(report.os())
            && report.packages().stream().anyMatch(p -> Purl.isOsType(p.type()));
    return new Result(new ScanResult(report, unsupported ? report.os() : null), sbom.format());
  }
}
