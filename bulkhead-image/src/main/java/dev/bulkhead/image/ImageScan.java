package dev.bulkhead.image;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.Finding;
import dev.bulkhead.core.OsInfo;
import dev.bulkhead.core.Package;
import dev.bulkhead.core.Report;
import dev.bulkhead.core.spi.Analyzer;
import dev.bulkhead.core.spi.ContentScanner;
import dev.bulkhead.core.spi.Progress;
import dev.bulkhead.core.spi.Registry;
import dev.bulkhead.core.spi.VulnerabilityMatcher;
import dev.bulkhead.image.analyzer.PackageUrls;
import dev.bulkhead.image.registry.RegistryOptions;
import dev.bulkhead.image.source.ImageSource;
import dev.bulkhead.image.source.Limits;
import dev.bulkhead.image.walk.ImageWalker;
import dev.bulkhead.image.walk.WalkResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Scans one image for installed OS packages and, given a matcher, their known vulnerabilities;
 * given content scanners, also for secrets and malicious content in every layer and the config.
 *
 * <pre>{@code
 * Report report = ImageScan.of("docker-archive:alpine.tar")
 *     .withMatcher(vulnDb)
 *     .withContentScanners(List.of(secretScanner, malwareScanner))
 *     .withProgress(progressBar)
 *     .run();
 * }</pre>
 *
 * <p>Targets: {@code docker-archive:PATH} (a {@code docker save} tar, plain or gzip), {@code
 * oci:DIR[:TAG]} (an OCI image layout), {@code dir:PATH} (an unpacked root filesystem), or else a
 * registry reference {@code [HOST[:PORT]/]REPO[:TAG|@sha256:DIGEST]}. Instances are immutable.
 */
public final class ImageScan {
  private final String target;
  private final ImageTarget parsed;
  private final RegistryOptions registry;
  private final VulnerabilityMatcher matcher;
  private final Progress progress;
  private final Registry<Analyzer> analyzers;
  private final Limits limits;
  private final List<ContentScanner> scanners;

  private ImageScan(
      String target,
      ImageTarget parsed,
      RegistryOptions registry,
      VulnerabilityMatcher matcher,
      Progress progress,
      Registry<Analyzer> analyzers,
      Limits limits,
      List<ContentScanner> scanners) {
    this.target = target;
    this.parsed = parsed;
    this.registry = registry;
    this.matcher = matcher;
    this.progress = progress;
    this.analyzers = analyzers;
    this.limits = limits;
    this.scanners = scanners;
  }

  /**
   * Prepares a scan of {@code target}.
   *
   * @throws BulkheadException when the target names an unsupported source or is plainly a path
   *     without its prefix; the message says what to pass instead
   */
  public static ImageScan of(String target) throws BulkheadException {
    return new ImageScan(
        target,
        ImageTarget.parse(target),
        RegistryOptions.defaults(),
        null,
        Progress.NONE,
        null,
        Limits.DEFAULTS,
        List.of());
  }

  /** Returns a copy using {@code options} for registries and for platform choice in indexes. */
  public ImageScan withRegistryOptions(RegistryOptions options) {
    return new ImageScan(target, parsed, options, matcher, progress, analyzers, limits, scanners);
  }

  /** Returns a copy that matches packages with {@code vulnerabilityMatcher}; none lists only. */
  public ImageScan withMatcher(VulnerabilityMatcher vulnerabilityMatcher) {
    return new ImageScan(
        target, parsed, registry, vulnerabilityMatcher, progress, analyzers, limits, scanners);
  }

  /** Returns a copy reporting per-layer progress to {@code layerProgress}. */
  public ImageScan withProgress(Progress layerProgress) {
    return new ImageScan(
        target, parsed, registry, matcher, layerProgress, analyzers, limits, scanners);
  }

  /** Returns a copy using these analyzers instead of those on the class path. */
  public ImageScan withAnalyzers(Registry<Analyzer> analyzerRegistry) {
    return new ImageScan(
        target, parsed, registry, matcher, progress, analyzerRegistry, limits, scanners);
  }

  /** Returns a copy with other bounds on hostile input. */
  public ImageScan withLimits(Limits bounds) {
    return new ImageScan(target, parsed, registry, matcher, progress, analyzers, bounds, scanners);
  }

  /**
   * Returns a copy that also runs {@code contentScanners} over every file and directory of every
   * layer (including files later layers delete or replace) and over the image config; none (the
   * default) scans for packages only, opening just the files an analyzer wants.
   *
   * @throws IllegalArgumentException when two scanners share an id
   */
  public ImageScan withContentScanners(List<ContentScanner> contentScanners) {
    Set<String> ids = new HashSet<>();
    for (ContentScanner s : contentScanners) {
      if (!ids.add(s.id())) {
        throw new IllegalArgumentException("two content scanners share the id '" + s.id() + "'");
      }
    }
    return new ImageScan(
        target,
        parsed,
        registry,
        matcher,
        progress,
        analyzers,
        limits,
        List.copyOf(contentScanners));
  }

  /**
   * Reads the image, lists its packages and matches them.
   *
   * @return a report with schema version 1, packages sorted by name, the matcher's findings (none
   *     without a matcher), the content scanners' findings (present before removed, then by
   *     severity, highest first, path, line, rule and layer) and every warning met
   * @throws BulkheadException when the image cannot be read, is hostile or fails its digests
   */
  public Report run() throws BulkheadException {
    Registry<Analyzer> registryOfAnalyzers =
        analyzers != null ? analyzers : Registry.load(Analyzer.class, Analyzer::id);
    ImageWalker walker = new ImageWalker(registryOfAnalyzers, scanners, limits);
    WalkResult walk;
    try (ImageSource source = parsed.open(target, registry, limits)) {
      walk = walker.walk(source, target, progress);
    } catch (IOException e) {
      throw new BulkheadException("close " + target + " failed: " + e.getMessage(), e);
    }
    List<String> warnings = new ArrayList<>(walk.warnings());
    List<Package> packages = withPackageUrls(walk.packages(), walk.os());
    List<Finding> findings =
        matcher == null ? List.of() : matcher.match(walk.os(), packages, warnings::add);
    return new Report(
        Report.SCHEMA_VERSION,
        target,
        walk.os(),
        walk.layers(),
        packages,
        findings,
        warnings,
        walk.contentFindings());
  }

  /**
   * Sets each OS package's purl now that the distribution is known (one database file alone does
   * not say which distribution wrote it).
   */
  private static List<Package> withPackageUrls(List<Package> packages, OsInfo os) {
    List<Package> out = new ArrayList<>(packages.size());
    for (Package p : packages) {
      out.add(p.withPurl(PackageUrls.of(p, os)));
    }
    return out;
  }
}
