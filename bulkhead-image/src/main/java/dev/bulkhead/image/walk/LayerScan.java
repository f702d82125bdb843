package dev.bulkhead.image.walk;

import dev.bulkhead.core.spi.AnalysisResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Holds what one layer contributes: analyzer results per (analyzer, path), content findings, the
 * paths it deletes from lower layers and the problems met reading it. Only results are kept, never
 * file content, so its size does not grow with the layer's bytes (with content scanners, by about
 * 11 bytes per entry for the path set).
 */
final class LayerScan {
  final Map<ResultKey, AnalysisResult> results = new LinkedHashMap<>();

  /** Paths removed from lower layers: whiteout targets and non-file entries over analysed paths. */
  final Set<String> removed = new HashSet<>();

  /** Directories whose lower-layer contents are hidden ({@code .wh..wh..opq}). */
  final Set<String> opaque = new HashSet<>();

  final List<String> warnings = new ArrayList<>();

  /** Content scanners' findings in this layer, in entry order. */
  final List<ScannedFinding> content = new ArrayList<>();

  /**
   * Every non-whiteout entry of the layer, or {@code null} for a directory source scanned without
   * content scanners.
   */
  PathSet entries;

  /**
   * The sha256 of the uncompressed tar, or {@code null} for a directory and for a tar whose bytes
   * could not be read to their end (its digest cannot be checked).
   */
  String diffId;

  /** Whether the layer came from a directory rather than a tar. */
  boolean directory;
}
