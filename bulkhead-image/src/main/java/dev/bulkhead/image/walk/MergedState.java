package dev.bulkhead.image.walk;

import dev.bulkhead.core.Package;
import dev.bulkhead.core.spi.AnalysisResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Holds the analyzer results of the filesystem built so far, layer over layer: an upper layer's
 * result for the same (analyzer, path) replaces the lower one, whiteouts, opaque directories and
 * non-directories placed over a parent directory remove lower results, and each package keeps the
 * layer that introduced it at its version.
 */
final class MergedState {
  /** One analyzer's surviving result for one path, with its packages attributed to layers. */
  record Entry(AnalysisResult result, List<Package> packages) {}

  private final TreeMap<String, Map<String, Entry>> byPath = new TreeMap<>();

  /**
   * Applies one layer on top of the current state.
   *
   * @param diffId the layer's diff id, or {@code null} for a directory
   * @param command the layer's history command, or {@code null}
   */
  void apply(LayerScan scan, String diffId, String command) {
    Map<ResultKey, Entry> previous = new HashMap<>();
    for (ResultKey key : scan.results.keySet()) {
      Map<String, Entry> at = byPath.get(key.path());
      if (at != null && at.containsKey(key.analyzer())) {
        previous.put(key, at.get(key.analyzer()));
      }
    }
    scan.opaque.forEach(this::removeUnder);
    for (String path : scan.removed) {
      byPath.remove(path);
      removeUnder(path);
    }
    if (scan.entries != null) {
      removeReplacedParents(scan.entries);
    }
    scan.results.forEach(
        (key, result) -> {
          List<Package> packages = attribute(result, previous.get(key), diffId, command);
          byPath
              .computeIfAbsent(key.path(), p -> new LinkedHashMap<>())
              .put(key.analyzer(), new Entry(result, packages));
        });
  }

  /** Calls {@code action} with each surviving path and entry, in path order. */
  void forEach(BiConsumer<String, Entry> action) {
    byPath.forEach((path, entries) -> entries.values().forEach(e -> action.accept(path, e)));
  }

  /**
   * Removes the results whose path has an ancestor the layer replaced with a file, link or other
   * non-directory, as {@link ContentAttribution#removes} does for content findings.
   */
  private void removeReplacedParents(PathSet entries) {
    Map<String, Boolean> replaced = new HashMap<>();
    byPath
        .keySet()
        .removeIf(
            path -> {
              for (String dir = EntryPaths.parent(path);
                  !dir.isEmpty();
                  dir = EntryPaths.parent(dir)) {
                if (replaced.computeIfAbsent(dir, entries::containsNonDirectory)) {
                  return true;
                }
              }
              return false;
            });
  }

  private void removeUnder(String dir) {
    if (dir.isEmpty()) {
      byPath.clear();
    } else {
      // '0' follows '/' in code-point order, so this range is exactly the paths under dir/.
      byPath.subMap(dir + "/", dir + "0").clear();
    }
  }

  private static List<Package> attribute(
      AnalysisResult result, Entry previous, String diffId, String command) {
    Map<String, Package> before = new HashMap<>();
    if (previous != null) {
      previous.packages().forEach(p -> before.put(identity(p), p));
    }
    List<Package> out = new ArrayList<>(result.packages().size());
    for (Package p : result.packages()) {
      Package old = before.get(identity(p));
      out.add(
          old != null
              ? p.withLayer(old.layer(), old.layerCommand())
              : p.withLayer(diffId, command));
    }
    return out;
  }

  private static String identity(Package p) {
    return p.name() + '\0' + p.version();
  }
}
