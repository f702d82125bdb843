package dev.bulkhead.service.scan;

import dev.bulkhead.core.spi.Progress;
import dev.bulkhead.image.registry.RegistryOptions;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One image or directory scan.
 *
 * @param target the image reference or {@code dir:PATH}, as {@code ImageScan.of} takes it
 * @param registry registry access (credentials already resolved by the front end)
 * @param scanners what to look for
 * @param osPackages list and match OS packages
 * @param libraryPackages list and match language packages
 * @param sourceTree also read build manifests (pom.xml, gradle.lockfile), as for a source tree
 * @param content secret and malware scanner settings
 * @param vulnDb the advisory database file
 * @param requireVulnDb a missing database is an error rather than a warning (a gate, or a database
 *     the user named)
 * @param filter suppressions and filters applied after matching
 * @param progress progress of the layer walk
 */
public record ScanRequest(
    String target,
    RegistryOptions registry,
    Set<Scanner> scanners,
    boolean osPackages,
    boolean libraryPackages,
    boolean sourceTree,
    ContentOptions content,
    Path vulnDb,
    boolean requireVulnDb,
    ReportFilter filter,
    Progress progress) {
  public ScanRequest {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(vulnDb, "vulnDb");
    Objects.requireNonNull(filter, "filter");
    scanners = scanners.isEmpty() ? EnumSet.noneOf(Scanner.class) : EnumSet.copyOf(scanners);
    progress = progress == null ? Progress.NONE : progress;
  }
}
