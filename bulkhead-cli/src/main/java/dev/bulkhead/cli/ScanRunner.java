package dev.bulkhead.cli;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.Report;
import dev.bulkhead.core.report.ReportWriter;
import dev.bulkhead.core.spi.ContentScanner;
import dev.bulkhead.core.spi.Progress;
import dev.bulkhead.image.ImageScan;
import dev.bulkhead.image.PackageAnalyzers;
import dev.bulkhead.image.registry.RegistryOptions;
import dev.bulkhead.vulndb.VulnDb;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Runs one scan for the {@code image} and {@code fs} commands and writes its report. */
final class ScanRunner {
  private final ScanMixin scan;
  private final DbOption db;
  private final PrintWriter err;

  private ScanRunner(ScanMixin scan, DbOption db, PrintWriter err) {
    this.scan = scan;
    this.db = db;
    this.err = err;
  }

  /** Scans {@code target}, writes the report and returns the exit status. */
  static int run(
      String target, RegistryOptions registry, ScanMixin scan, DbOption db, PrintWriter err)
      throws BulkheadException, IOException {
    return run(target, registry, scan, db, err, false);
  }

  /**
   * Scans {@code target} like {@link #run(String, RegistryOptions, ScanMixin, DbOption,
   * PrintWriter)}; {@code sourceTree} also reads build manifests (pom.xml, gradle.lockfile), as
   * {@code bulkhead fs} does.
   */
  static int run(
      String target,
      RegistryOptions registry,
      ScanMixin scan,
      DbOption db,
      PrintWriter err,
      boolean sourceTree)
      throws BulkheadException, IOException {
    return new ScanRunner(scan, db, err).run(target, registry, sourceTree);
  }

  private int run(String target, RegistryOptions registry, boolean sourceTree)
      throws BulkheadException, IOException {
    scan.validate();
    Set<String> pkgTypes = scan.packageTypes();
    ReportWriter writer = scan.writer();
    Set<String> scanners = scan.scannerNames();
    Progress progress = scan.quiet ? Progress.NONE : ProgressBar.forStandardError();
    List<ContentScanner> contentScanners = scan.contentScanners(scanners);
    Report report;
    try {
      ImageScan imageScan =
          ImageScan.of(target)
              .withRegistryOptions(registry)
              .withProgress(progress)
              .withContentScanners(contentScanners)
              .withAnalyzers(
                  PackageAnalyzers.select(
                      pkgTypes.contains("os"), pkgTypes.contains("library"), sourceTree));
      report = scanners.contains(ScanMixin.VULN) ? withVulnerabilities(imageScan) : imageScan.run();
    } finally {
      close(contentScanners);
    }
    report = scan.filter(scan.suppress(report, VexTargets.of(target)));
    scan.write(writer, report);
    if (scanners.contains(ScanMixin.VULN)
        && report.os() != null
        && !VulnDb.supportsOs(report.os())) {
      // The report (packages, secrets) is written, but a vulnerability scan of an OS we cannot
      // match must not look clean.
      throw new BulkheadException(
          "unsupported OS "
              + report.os().family()
              + (report.os().version() == null ? "" : " " + report.os().version())
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

  private Report withVulnerabilities(ImageScan imageScan) throws BulkheadException {
    Path dbPath = db.path();
    if (!Files.exists(dbPath)) {
      if (db.db != null || scan.exitCode != 0) {
        // A gate or an explicit --db must not pass silently for want of data.
        throw new BulkheadException(
            "no advisory database at "
                + dbPath
                + "; import advisories with `bulkhead db import PATH --db "
                + dbPath
                + "`, or pass --scanners secret,malware to skip vulnerability matching");
      }
      return imageScan
          .run()
          .withWarning(
              "no advisory database at "
                  + dbPath
                  + "; only packages are listed. Import advisories with `bulkhead db import PATH`");
    }
    try (VulnDb vulnDb = VulnDb.open(dbPath)) {
      return imageScan.withMatcher(vulnDb).run();
    }
  }

  private void close(List<ContentScanner> scanners) {
    for (ContentScanner s : scanners) {
      if (s instanceof AutoCloseable) {
        try {
          ((AutoCloseable) s).close();
        } catch (Exception e) {
          err.println("bulkhead: warning: closing the " + s.id() + " scanner failed: " + e);
        }
      }
    }
  }
}
