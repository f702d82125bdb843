package dev.bulkhead.cli;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.Report;
import dev.bulkhead.core.report.ReportWriter;
import dev.bulkhead.service.scan.NoAdvisoryDatabaseException;
import dev.bulkhead.service.scan.SbomScanJob;
import dev.bulkhead.service.scan.SbomScanRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code bulkhead sbom scan} command: matches the packages of a CycloneDX or SPDX JSON SBOM
 * against the advisory database and writes the usual report.
 */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Scan an SBOM for vulnerabilities.",
      "Every component with a package URL (purl) is matched against the advisory",
      "database; OS packages need the distribution, taken from an operating-system",
      "component or the purls' distro qualifier.",
      "FILE is CycloneDX JSON (1.2-1.6) or SPDX 2.x JSON, at most 64 MiB.",
      "The secret and malware options do not apply to SBOMs.",
      ""
    })
final class SbomScanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DbOption db;

  @Mixin ScanMixin scan;

  @Parameters(index = "0", paramLabel = "FILE", description = "The SBOM to scan.")
  Path file;

  @Override
  public Integer call() throws BulkheadException, IOException {
    scan.validate();
    ReportWriter writer = scan.writer();
    SbomScanJob.Result result;
    try {
      result = new SbomScanJob().run(new SbomScanRequest(file, db.path(), scan.filter()));
    } catch (NoAdvisoryDatabaseException e) {
      throw new BulkheadException(
          "no advisory database at "
              + e.database()
              + " to scan SBOM "
              + file
              + " against; import advisories with `bulkhead db import PATH --db "
              + e.database()
              + "`");
    }
    Report report = result.scan().report();
    scan.write(writer, report);
    if (result.scan().unsupportedOs() != null) {
      throw new BulkheadException(
          "unsupported OS "
              + ScanRunner.describe(result.scan().unsupportedOs())
              + " in SBOM "
              + file
              + ": its OS packages are listed but cannot be matched (supported: debian 7-14,"
              + " alpine, rocky and almalinux)");
    }
    if (!scan.quiet && scan.output != null) {
      spec.commandLine()
          .getErr()
          .printf(
              "report written to %s (%d packages from %s, %d vulnerabilities, %d suppressed)%n",
              scan.output,
              report.packages().size(),
              result.format(),
              report.findings().size(),
              report.suppressed().size());
    }
    return scan.exitStatus(report);
  }
}
