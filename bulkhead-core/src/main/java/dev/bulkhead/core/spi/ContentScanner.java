package dev.bulkhead.core.spi;

import dev.bulkhead.core.ContentFinding;
import java.io.IOException;
import java.util.List;

/**
 * Looks for secrets or malicious content in every file of every layer (not only the files that
 * survive into the final image) and in the image metadata.
 *
 * <p>The layer walk hands each entry once to every scanner whose {@link #accepts} is true,
 * streaming. Scanners return findings with {@code layer}, {@code status} and {@code removedIn} left
 * {@code null}: the walker fills them once it knows the layer order and which later layer deleted
 * or replaced the file. Implementations are thread-safe.
 */
public interface ContentScanner {

  /** Returns the unique id, e.g. {@code secret}, {@code malware}. */
  String id();

  /** Returns the version of this scanner's logic and rules; bump it when output changes. */
  int version();

  /** Tells cheaply, from the entry's metadata alone, whether this scanner wants it. */
  boolean accepts(FileMeta meta);

  /**
   * Scans one entry of one layer.
   *
   * @param meta the entry's path, size, mode and type
   * @param content the file bytes (empty for directories); valid only during the call, not to be
   *     closed
   * @throws IOException when the content cannot be read; the walker turns it into a warning
   */
  List<ContentFinding> scan(FileMeta meta, java.io.InputStream content) throws IOException;

  /** Scans the image metadata (environment, entrypoint, command, labels, history). */
  default List<ContentFinding> scanMetadata(ImageMetadataView metadata) {
    return List.of();
  }

  /**
   * Tells whether a finding only matters when the file was added by a layer above the base one
   * (e.g. a SUID binary: the base image's own {@code passwd} is expected). The walker drops such
   * findings from the bottom layer and from directory scans.
   */
  default boolean onlyInUpperLayers(ContentFinding finding) {
    return false;
  }
}
