package dev.bulkhead.image.walk;

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
 */
public record WalkResult(
    OsInfo os, List<Layer> layers, List<Package> packages, List<String> warnings) {

  /** Normalises the lists to immutable copies. */
  public WalkResult {
    layers = List.copyOf(layers);
    packages = List.copyOf(packages);
    warnings = List.copyOf(warnings);
  }
}
