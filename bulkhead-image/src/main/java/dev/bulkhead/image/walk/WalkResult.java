package dev.bulkhead.image.walk;

import dev.bulkhead.core.ContentFinding;
import dev.bulkhead.core.Layer;
import dev.bulkhead.core.OsInfo;
import dev.bulkhead.core.Package;
import java.util.List;

/**
 * Holds what a walk of all layers found.
 *
 * @param os the merged OS identity, or {@code null}
 * @param layers the image layers, bottom first (empty for a directory)
 * @param packages the packages of the final filesystem, sorted by name, version and path
 * @param warnings problems met that did not stop the walk
 * @param contentFindings the content scanners' findings, placed in layers and sorted (present
 *     first, then severity, path, line, rule, layer)
 */
public record WalkResult(
    OsInfo os,
    List<Layer> layers,
    List<Package> packages,
    List<String> warnings,
    List<ContentFinding> contentFindings) {

  /** Normalises the lists to immutable copies. */
  public WalkResult {
    layers = List.copyOf(layers);
    packages = List.copyOf(packages);
    warnings = List.copyOf(warnings);
    contentFindings = contentFindings == null ? List.of() : List.copyOf(contentFindings);
  }

  /** Creates a result without content findings. */
  public WalkResult(OsInfo os, List<Layer> layers, List<Package> packages, List<String> warnings) {
    this(os, layers, packages, warnings, List.of());
  }
}
