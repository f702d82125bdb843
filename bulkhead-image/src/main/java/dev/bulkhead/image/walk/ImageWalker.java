package dev.bulkhead.image.walk;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.ContentFinding;
import dev.bulkhead.core.Layer;
import dev.bulkhead.core.OsInfo;
import dev.bulkhead.core.Package;
import dev.bulkhead.core.digest.DigestingInputStream;
import dev.bulkhead.core.digest.Digests;
import dev.bulkhead.core.spi.Analyzer;
import dev.bulkhead.core.spi.ContentScanner;
import dev.bulkhead.core.spi.Progress;
import dev.bulkhead.core.spi.Registry;
import dev.bulkhead.image.source.ConfigMetadata;
import dev.bulkhead.image.source.FileTree;
import dev.bulkhead.image.source.ImageConfig;
import dev.bulkhead.image.source.ImageMetadata;
import dev.bulkhead.image.source.ImageSource;
import dev.bulkhead.image.source.Limits;
import dev.bulkhead.image.source.Streams;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks every layer of an image once, streaming, hands each regular file to the analyzers and
 * content scanners that accept it, then applies the layers bottom-up with whiteouts, attributes
 * each package to the layer that introduced it at its version and marks each content finding
 * present or removed by a later layer.
 *
 * <p>Memory does not grow with image size: layers are never buffered, only analyzer results are
 * kept. Each layer's diff id is computed while streaming and checked against the config.
 */
public final class ImageWalker {
  private static final Comparator<String> NULLS_FIRST =
      Comparator.nullsFirst(Comparator.naturalOrder());
  private static final Comparator<Package> PACKAGE_ORDER =
      Comparator.comparing(Package::name, NULLS_FIRST)
          .thenComparing(Package::version, NULLS_FIRST)
          .thenComparing(Package::path, NULLS_FIRST);

  private final List<Analyzer> analyzers;
  private final List<ContentScanner> scanners;
  private final Limits limits;

  /** Creates a walker using the given analyzers (tests pass their own registry). */
  public ImageWalker(Registry<Analyzer> analyzers, Limits limits) {
    this(analyzers, List.of(), limits);
  }

  /**
   * Creates a walker using the given analyzers and content scanners. Without scanners the walk
   * opens only the files an analyzer accepts, as before; with scanners it offers every entry of
   * every layer to them.
   */
  public ImageWalker(Registry<Analyzer> analyzers, List<ContentScanner> scanners, Limits limits) {
    this.analyzers = analyzers.all();
    this.scanners = List.copyOf(scanners);
    this.limits = limits;
  }

  /** Creates a walker using the analyzers on the class path and the default limits. */
  public ImageWalker() {
    this(Registry.load(Analyzer.class, Analyzer::id), Limits.DEFAULTS);
  }

  /**
   * Reads the image from {@code source} and returns what its final filesystem holds.
   *
   * @param target the image as the user named it, used in messages
   * @throws BulkheadException when the image cannot be read, is hostile (path traversal, absurd
   *     sizes) or a layer does not match its diff id
   */
  public WalkResult walk(ImageSource source, String target, Progress progress)
      throws BulkheadException {
    ContentScans content = new ContentScans(target, scanners);
    LayerWalker walker = new LayerWalker(target, analyzers, limits, content);
    Map<String, LayerScan> scans = new HashMap<>();
    ImageSource.LayerHandler handler =
        new ImageSource.LayerHandler() {
          @Override
          public void layer(String key, InputStream tar) throws BulkheadException {
            layer(key, tar, null);
          }

          @Override
          public void layer(String key, InputStream tar, String verifiedDiffId)
              throws BulkheadException {
            checkCount(scans, target);
            scans.put(
                key,
                verifiedDiffId == null
                    ? walkTar(walker, key, tar, target)
                    : walkVerified(walker, key, tar, verifiedDiffId));
          }

          @Override
          public void files(String key, FileTree files) throws BulkheadException {
            checkCount(scans, target);
            scans.put(key, walker.walk(files, key, true));
          }
        };
    ImageMetadata metadata = source.read(handler, progress);
    return merge(metadata, scans, target, content);
  }

  private void checkCount(Map<String, LayerScan> scans, String target) throws BulkheadException {
    if (scans.size() >= limits.maxLayers()) {
      throw new BulkheadException(
          "refusing image " + target + ": it has more than " + limits.maxLayers() + " layers");
    }
  }

  /**
   * Walks one layer tar and digests all its bytes. When the tar walk stops early on a parse error
   * but the bytes themselves read to their end, the diff id is still computed so a tampered layer
   * cannot dodge the diff-id check by also breaking a tar header; only a byte stream that fails or
   * ends early leaves the layer unverified, with a warning.
   */
  private static LayerScan walkTar(LayerWalker walker, String key, InputStream tar, String target)
      throws BulkheadException {
    MessageDigest md = Digests.sha256();
    TrackingInputStream bytes = new TrackingInputStream(tar, Long.MAX_VALUE);
    DigestingInputStream in = new DigestingInputStream(bytes, md);
    LayerScan scan = walker.walk(new TarFileTree(in), key, false);
    if (bytes.failure() != null) {
      return scan;
    }
    try {
      Streams.drain(in);
      scan.diffId = Digests.format(md);
    } catch (IOException e) {
      scan.warnings.add(
          target + ": layer " + key + " is truncated after its last entry (" + e + ")");
    }
    return scan;
  }

  /** Walks a layer whose diff id the source verifies itself: no second hash of its bytes. */
  private static LayerScan walkVerified(
      LayerWalker walker, String key, InputStream tar, String diffId) throws BulkheadException {
    LayerScan scan = walker.walk(new TarFileTree(tar), key, false);
    scan.diffId = diffId;
    return scan;
  }

  private WalkResult merge(
      ImageMetadata metadata, Map<String, LayerScan> scans, String target, ContentScans content)
      throws BulkheadException {
    ImageConfig config = parseConfig(metadata, target);
    List<ImageMetadata.LayerDescriptor> descriptors = metadata.layers();
    if (descriptors.size() > limits.maxLayers()) {
      throw new BulkheadException(
          "refusing image " + target + ": it has more than " + limits.maxLayers() + " layers");
    }
    if (!config.diffIds().isEmpty() && config.diffIds().size() != descriptors.size()) {
      throw new BulkheadException(
          target
              + ": the config lists "
              + config.diffIds().size()
              + " diff ids but the manifest "
              + descriptors.size()
              + " layers; the image is corrupt, fetch it again");
    }
    List<String> warnings = new ArrayList<>(metadata.warnings());
    if (analyzers.isEmpty() && content.isEmpty()) {
      warnings.add("no analyzers found on the class path; packages cannot be listed");
    }
    MergedState state = new MergedState();
    List<Layer> layers = new ArrayList<>();
    List<ContentAttribution.Placed> placed = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < descriptors.size(); i++) {
      ImageMetadata.LayerDescriptor d = descriptors.get(i);
      LayerScan scan = scans.get(d.key());
      String diffId = config.diffIdOf(i);
      if (scan == null) {
        warnings.add(target + ": layer " + (i + 1) + " (" + d.key() + ") is missing; not scanned");
      } else {
        if (seen.add(d.key())) {
          warnings.addAll(scan.warnings);
        }
        checkDiffId(target, i, d.key(), diffId, scan);
        diffId = diffId != null ? diffId : scan.diffId;
        placed.add(new ContentAttribution.Placed(i, scan.directory ? null : diffId, scan));
      }
      if (scan != null && scan.directory) {
        state.apply(scan, null, null);
        continue;
      }
      String command = config.commandOf(i);
      layers.add(new Layer(i, d.digest() != null ? d.digest() : diffId, diffId, command, d.size()));
      if (scan != null) {
        state.apply(scan, diffId, command);
      }
    }
    List<ContentFinding> found = List.of();
    if (!content.isEmpty()) {
      List<ContentFinding> onMetadata = scanMetadata(metadata, target, content, warnings);
      found = ContentAttribution.place(placed, onMetadata, w -> warnings.add(target + ": " + w));
      warnings.addAll(content.warnings());
    }
    return finish(state, layers, warnings, found);
  }

  private static List<ContentFinding> scanMetadata(
      ImageMetadata metadata, String target, ContentScans content, List<String> warnings) {
    if (metadata.configJson() == null) {
      return List.of();
    }
    try {
      return content.scanMetadata(ConfigMetadata.parse(metadata.configJson()));
    } catch (IOException e) {
      warnings.add(target + ": image metadata not scanned for content: " + e.getMessage());
      return List.of();
    }
  }

  private static void checkDiffId(
      String target, int index, String key, String expected, LayerScan scan)
      throws BulkheadException {
    if (expected != null && scan.diffId != null && !expected.equals(scan.diffId)) {
      throw new BulkheadException(
          target
              + ": layer "
              + (index + 1)
              + " ("
              + key
              + ") does not match the config's diff id: read "
              + scan.diffId
              + ", expected "
              + expected
              + "; the image is corrupt or was tampered with, fetch it again");
    }
  }

  private static WalkResult finish(
      MergedState state,
      List<Layer> layers,
      List<String> warnings,
      List<ContentFinding> contentFindings) {
    List<Package> packages = new ArrayList<>();
    Map<String, OsInfo> os = new LinkedHashMap<>();
    state.forEach(
        (path, entry) -> {
          packages.addAll(entry.packages());
          warnings.addAll(entry.result().warnings());
          if (entry.result().os() != null) {
            os.put(path, entry.result().os());
          }
        });
    packages.sort(PACKAGE_ORDER);
    return new WalkResult(OsMerger.merge(os), layers, packages, warnings, contentFindings);
  }

  private static ImageConfig parseConfig(ImageMetadata metadata, String target)
      throws BulkheadException {
    if (metadata.configJson() == null) {
      return ImageConfig.NONE;
    }
    try {
      return ImageConfig.parse(metadata.configJson());
    } catch (IOException e) {
      throw new BulkheadException(
          target + ": " + e.getMessage() + "; the image is corrupt, fetch it again", e);
    }
  }
}
