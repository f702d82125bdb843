package dev.bulkhead.service.scan;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A scan of an existing SBOM (CycloneDX or SPDX JSON).
 *
 * @param sbom the SBOM file
 * @param vulnDb the advisory database file, which must exist
 * @param filter suppressions and filters applied after matching
 */
public record SbomScanRequest(Path sbom, Path vulnDb, ReportFilter filter) {
  public SbomScanRequest {
    Objects.requireNonNull(sbom, "sbom");
    Objects.requireNonNull(vulnDb, "vulnDb");
    Objects.requireNonNull(filter, "filter");
  }
}
