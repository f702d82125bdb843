package dev.bulkhead.image.walk;

import dev.bulkhead.core.ContentFinding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Places each layer's content findings in the final image: a finding is {@code removed} when a
 * later layer deletes its path (a whiteout of it or of a parent, an opaque parent) or replaces it
 * (any entry at the same path, or a non-directory at a parent), else {@code present}.
 *
 * <p>Findings are sorted present first, then by severity (highest first), path, line, rule, layer
 * (bottom first) and kind, so the same image always gives the same order.
 */
final class ContentAttribution {
  private static final Comparator<Ranked> ORDER =
      Comparator.comparing((Ranked r) -> !ContentFinding.PRESENT.equals(r.finding().status()))
          .thenComparing(
              r -> r.finding().severity(), Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(r -> r.finding().path(), Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparingInt(r -> r.finding().line())
          .thenComparing(
              r -> r.finding().ruleId(), Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparingInt(Ranked::layerIndex)
          .thenComparing(r -> r.finding().kind(), Comparator.nullsFirst(Comparator.naturalOrder()));

  /**
   * Describes one layer of the image in order.
   *
   * @param index the layer's index, bottom 0
   * @param diffId the layer's diff id, or {@code null} for a directory
   * @param scan what the walk kept of it
   */
  record Placed(int index, String diffId, LayerScan scan) {}

  private record Ranked(int layerIndex, ContentFinding finding) {}

  private ContentAttribution() {}

  /**
   * Returns the findings of all layers placed and sorted, metadata findings included.
   *
   * @param layers the scanned layers bottom first (a directory is one layer with a null diff id)
   * @param metadata findings on the image metadata (no layer, present)
   * @param warnings receives a warning when a scanner's {@code onlyInUpperLayers} fails
   */
  static List<ContentFinding> place(
      List<Placed> layers, List<ContentFinding> metadata, Consumer<String> warnings) {
    List<Ranked> ranked = new ArrayList<>();
    metadata.forEach(f -> ranked.add(new Ranked(-1, f)));
    for (int k = 0; k < layers.size(); k++) {
      Placed layer = layers.get(k);
      boolean base = layer.index() == 0 || layer.scan().directory;
      for (ScannedFinding sf : layer.scan().content) {
        if (base && onlyUpper(sf, warnings)) {
          continue;
        }
        Placed by = layer.scan().directory ? null : removedBy(layers, k, sf.path());
        ContentFinding placed =
            by == null
                ? sf.finding().inLayer(layer.diffId(), ContentFinding.PRESENT, null)
                : sf.finding().inLayer(layer.diffId(), ContentFinding.REMOVED, by.diffId());
        ranked.add(new Ranked(layer.index(), placed));
      }
    }
    ranked.sort(ORDER);
    return ranked.stream().map(Ranked::finding).toList();
  }

  private static boolean onlyUpper(ScannedFinding sf, Consumer<String> warnings) {
    try {
      return sf.scanner().onlyInUpperLayers(sf.finding());
    } catch (RuntimeException e) {
      warnings.accept("scanner " + sf.scanner().id() + " failed to place a finding: " + e);
      return false;
    }
  }

  /** Returns the first layer above position {@code k} removing {@code path}, or {@code null}. */
  private static Placed removedBy(List<Placed> layers, int k, String path) {
    for (int j = k + 1; j < layers.size(); j++) {
      if (removes(layers.get(j).scan(), path)) {
        return layers.get(j);
      }
    }
    return null;
  }

  /** Tells whether {@code upper} deletes or replaces {@code path} of a lower layer. */
  static boolean removes(LayerScan upper, String path) {
    if (upper.removed.contains(path) || upper.entries != null && upper.entries.contains(path)) {
      return true;
    }
    if (upper.opaque.contains("")) {
      return true;
    }
    for (String dir = EntryPaths.parent(path); !dir.isEmpty(); dir = EntryPaths.parent(dir)) {
      if (upper.opaque.contains(dir)
          || upper.removed.contains(dir)
          || upper.entries != null && upper.entries.containsNonDirectory(dir)) {
        return true;
      }
    }
    return false;
  }
}
