package dev.bulkhead.service.scan;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.Report;
import dev.bulkhead.core.spi.ContentScanner;
import dev.bulkhead.image.ImageScan;
import dev.bulkhead.image.PackageAnalyzers;
import dev.bulkhead.secrets.SecretScanner;
import dev.bulkhead.secrets.malware.MalwareScanner;
import dev.bulkhead.vulndb.VulnDb;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Scans an image or a directory: walks its layers with the package analyzers and content scanners
 * asked for, matches packages against the advisory database, then applies suppressions and filters.
 *
 * <pre>{@code
 * ScanResult r = new ScanJob(notes::add).run(request);
 * }</pre>
 */
public final class ScanJob {
  private final Consumer<String> notes;

  /**
   * A job.
   *
   * @param notes receives one-line notes that are not part of the report (a scanner that failed to
   *     close)
   */
  public ScanJob(Consumer<String> notes) {
    this.notes = notes;
  }

  /**
   * Runs the scan.
   *
   * @throws NoAdvisoryDatabaseException when vulnerabilities are to be matched, the database is
   *     missing and the request requires it
   * @throws BulkheadException when the target cannot be read
   */
  public ScanResult run(ScanRequest request) throws BulkheadException {
    List<ContentScanner> contentScanners = contentScanners(request);
    Report report;
    try {
      ImageScan imageScan =
          ImageScan.of(request.target())
              .withRegistryOptions(request.registry())
              .withProgress(request.progress())
              .withContentScanners(contentScanners)
              .withAnalyzers(
                  PackageAnalyzers.select(
                      request.osPackages(), request.libraryPackages(), request.sourceTree()));
      report =
          request.scanners().contains(Scanner.VULN)
              ? withVulnerabilities(imageScan, request)
              : imageScan.run();
    } finally {
      close(contentScanners);
    }
    report = ReportFilters.apply(report, request.filter(), VexTargets.of(request.target()));
    boolean unsupported =
        request.scanners().contains(Scanner.VULN)
            && report.os() != null
            && !VulnDb.supportsOs(report.os());
    return new ScanResult(report, unsupported ? report.os() : null);
  }

  private static Report withVulnerabilities(ImageScan imageScan, ScanRequest request)
      throws BulkheadException {
    if (!Files.exists(request.vulnDb())) {
      if (request.requireVulnDb()) {
        // A gate or a database the user named must not pass silently for want of data.
        throw new NoAdvisoryDatabaseException(request.vulnDb());
      }
      return imageScan
          .run()
          .withWarning(
              "no advisory database at "
                  + request.vulnDb()
                  + "; only packages are listed. Import advisories with `bulkhead db import PATH`");
    }
    try (VulnDb vulnDb = VulnDb.open(request.vulnDb())) {
      return imageScan.withMatcher(vulnDb).run();
    }
  }

  private static List<ContentScanner> contentScanners(ScanRequest request)
      throws BulkheadException {
    ContentOptions o = request.content();
    List<ContentScanner> out = new ArrayList<>();
    if (request.scanners().contains(Scanner.SECRET)) {
      out.add(
          SecretScanner.builder()
              .maxFileSize(o.secretMaxSize())
              .userRules(o.secretConfig())
              .build());
    }
    if (request.scanners().contains(Scanner.MALWARE)) {
      MalwareScanner.Builder malware = MalwareScanner.builder().hashLists(o.malwareHashes());
      if (o.yaraRules() != null) {
        malware.yaraRules(o.yaraRules());
      }
      out.add(malware.build());
    }
    return out;
  }

  private void close(List<ContentScanner> scanners) {
    for (ContentScanner s : scanners) {
      if (s instanceof AutoCloseable) {
        try {
          ((AutoCloseable) s).close();
        } catch (Exception e) {
          notes.accept("closing the " + s.id() + " scanner failed: " + e);
        }
      }
    }
  }
}
