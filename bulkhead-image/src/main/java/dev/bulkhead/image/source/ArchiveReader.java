package dev.bulkhead.image.source;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.digest.DigestingInputStream;
import dev.bulkhead.core.digest.Digests;
import dev.bulkhead.core.spi.Progress;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Makes the single streaming pass over a {@code docker save} tar: streams every layer entry to the
 * handler as met, keeps the small JSON entries (manifest, configs) and verifies entries whose name
 * is their digest.
 */
final class ArchiveReader {
  private static final Pattern BLOB = Pattern.compile("blobs/(sha256|sha512)/([a-f0-9]+)");
  private static final Pattern LEGACY_CONFIG = Pattern.compile("([a-f0-9]{64})\\.json");
  private static final long MAX_ENTRIES = 1_000_000;
  private static final int JSON_BUDGET_FACTOR = 8;

  private final String target;
  private final Limits limits;
  final Map<String, byte[]> jsons = new HashMap<>();
  final Map<String, Long> layerSizes = new LinkedHashMap<>();
  final Map<String, String> digests = new HashMap<>();
  final List<String> warnings = new ArrayList<>();
  private long jsonBytes;

  ArchiveReader(String target, Limits limits) {
    this.target = target;
    this.limits = limits;
  }

  /** Reads every entry of {@code tar}; stops with a warning when the tar breaks after a layer. */
  void readAll(TarArchiveInputStream tar, ImageSource.LayerHandler handler, Progress progress)
      throws IOException, BulkheadException {
    long entries = 0;
    while (true) {
      try {
        TarArchiveEntry entry = tar.getNextEntry();
        if (entry == null) {
          return;
        }
        if (++entries > MAX_ENTRIES) {
          throw new BulkheadException(
              target + ": the archive has more than " + MAX_ENTRIES + " entries; refusing it");
        }
        if (entry.isFile()) {
          readEntry(DockerArchiveSource.normalise(entry.getName()), entry, tar, handler, progress);
        }
      } catch (IOException e) {
        if (layerSizes.isEmpty()) {
          throw e;
        }
        warnings.add(
            target
                + ": the archive is truncated or corrupt after "
                + entries
                + " entries ("
                + e.getMessage()
                + "); reporting what could be read");
        return;
      }
    }
  }

  private void readEntry(
      String name,
      TarArchiveEntry entry,
      InputStream tar,
      ImageSource.LayerHandler handler,
      Progress progress)
      throws IOException, BulkheadException {
    String digest = digestOf(name);
    MessageDigest md = digest == null ? null : Digests.newDigest(digest);
    InputStream raw = md == null ? tar : new DigestingInputStream(tar, md);
    BufferedInputStream in = new BufferedInputStream(raw, 65536);
    boolean jsonCandidate =
        name.equals("manifest.json") || name.startsWith("blobs/") || isTopLevelJson(name);
    switch (ArchiveEntryKind.sniff(in, jsonCandidate && entry.getSize() <= limits.maxJsonSize())) {
      case LAYER:
        readLayer(name, digest, entry.getSize(), in, handler, progress);
        break;
      case JSON:
        keepJson(name, in);
        break;
      default:
        break;
    }
    if (md != null) {
      Streams.drain(in);
      String actual = Digests.format(md);
      if (!actual.equals(digest)) {
        throw new BulkheadException(
            target
                + ": entry "
                + name
                + " does not match its digest (got "
                + actual
                + "); the archive is corrupt or was tampered with, save it again");
      }
    }
  }

  private void readLayer(
      String name,
      String digest,
      long size,
      InputStream in,
      ImageSource.LayerHandler handler,
      Progress progress)
      throws IOException, BulkheadException {
    if (layerSizes.size() >= limits.maxLayers()) {
      throw new BulkheadException(
          target + ": the archive has more than " + limits.maxLayers() + " layers; refusing it");
    }
    layerSizes.put(name, size);
    if (digest != null) {
      digests.put(name, digest);
    }
    progress.start(LayerLabel.of(layerSizes.size(), -1, digest == null ? name : digest), size);
    try {
      InputStream raw = new BufferedInputStream(new ProgressInputStream(in, progress), 65536);
      boolean plain = Compression.sniff(raw) == Compression.Kind.NONE;
      InputStream layer = Compression.decompress(raw);
      // The entry's digest is checked after the handler returns (readEntry), so an uncompressed
      // layer's digest is a verified diff id.
      handler.layer(name, Streams.nonClosing(layer), plain ? digest : null);
      Streams.drain(in);
    } finally {
      progress.finish();
    }
  }

  private void keepJson(String name, InputStream in) throws IOException {
    byte[] bytes = Json.readBounded(in, limits.maxJsonSize(), name);
    if (jsonBytes + bytes.length > (long) limits.maxJsonSize() * JSON_BUDGET_FACTOR) {
      warnings.add(target + ": too much JSON in the archive; ignored " + name);
      return;
    }
    jsonBytes += bytes.length;
    jsons.put(name, bytes);
  }

  private static boolean isTopLevelJson(String name) {
    return name.endsWith(".json") && name.indexOf('/') < 0;
  }

  private static String digestOf(String name) {
    Matcher blob = BLOB.matcher(name);
    if (blob.matches()) {
      String digest = blob.group(1) + ":" + blob.group(2);
      return Digests.isValid(digest) ? digest : null;
    }
    Matcher config = LEGACY_CONFIG.matcher(name);
    return config.matches() ? "sha256:" + config.group(1) : null;
  }
}
