package dev.bulkhead.cli;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.OsInfo;
import dev.bulkhead.core.Report;
import dev.bulkhead.core.report.Printable;
import dev.bulkhead.core.report.ReportWriter;
import dev.bulkhead.core.spi.Progress;
import dev.bulkhead.image.registry.RegistryOptions;
import dev.bulkhead.service.scan.NoAdvisoryDatabaseException;
import dev.bulkhead.service.scan.ScanJob;
import dev.bulkhead.service.scan.ScanRequest;
import dev.bulkhead.service.scan.ScanResult;
import dev.bulkhead.service.scan.Scanner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Set;

/**
 * Turns the {@code image} and {@code fs} options into a {@link ScanRequest}, runs the {@link
 * ScanJob} and writes its report; renders the job's problems with the options that fix them.
 */
final class ScanRunner {
  private ScanRunner() {}

  /**
   * Scans {@code target}, writes the report and returns the exit status; {@code sourceTree} also
   * reads build manifests (pom.xml, gradle.lockfile), as {@code bulkhead fs} does.
   */
  static int run(
      String target,
      RegistryOptions registry,
      ScanMixin scan,
      DbOption db,
      PrintWriter err,
      boolean sourceTree)
      throws BulkheadException, IOException {
    scan.validate();
    Set<String> pkgTypes = scan.packageTypes();
    ReportWriter writer = scan.writer();
    Set<Scanner> scanners = scan.scannerSet();
    Progress progress = scan.quiet ? Progress.NONE : ProgressBar.forStandardError();
    ScanRequest request =
        new ScanRequest(
            target,
            registry,
            scanners,
            pkgTypes.contains("os"),
            pkgTypes.contains("library"),
            sourceTree,
            scan.content(),
            db.path(),
            db.db != null || scan.exitCode != 0,
            scan.filter(),
            progress);
    ScanResult result;
    try {
      result =
          new ScanJob(note -> err.println("bulkhead: warning: " + Printable.of(note))).run(request);
    } catch (NoAdvisoryDatabaseException e) {
      throw noDatabase(e.database());
    }
    Report report = result.report();
    scan.write(writer, report);
    if (result.unsupportedOs() != null) {
      // The report (packages, secrets) is written, but a vulnerability scan of an OS we cannot
      // match must not look clean.
      throw new BulkheadException(
          "unsupported OS "
              + describe(result.unsupportedOs())
              + " in "
              + target
              + ": its packages are listed but cannot be matched (supported: debian 7-14, alpine,"
              + " rocky and almalinux); pass --scanners secret,malware to skip matching");
    }
    if (!scan.quiet && scan.output != null) {
      err.printf(
          "report written to %s (%d vulnerabilities, %d secrets/malware findings)%n",
          scan.output, report.findings().size(), report.contentFindings().size());
    }
    return scan.exitStatus(report);
  }

  /** The family and version of an OS, as error messages name it. */
  static String describe(OsInfo os) {
    return os.family() + (os.version() == null ? "" : " " + os.version());
  }

  private static BulkheadException noDatabase(Path dbPath) {
    return new BulkheadException(
        "no advisory database at "
            + dbPath
            + "; import advisories with `bulkhead db import PATH --db "
            + dbPath
            + "`, or pass --scanners secret,malware to skip vulnerability matching");
  }
}
