package dev.bulkhead.image.walk;

import dev.bulkhead.core.OsInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Merges the OS identities several files give: {@code etc/os-release} wins, then {@code
 * usr/lib/os-release}, then the rest ({@code etc/alpine-release}, {@code etc/debian_version}) fill
 * in fields still unknown, as long as they name the same family.
 */
final class OsMerger {
  private OsMerger() {}

  /** Returns the merged identity, or {@code null} when no file named one. */
  static OsInfo merge(Map<String, OsInfo> byPath) {
    List<Map.Entry<String, OsInfo>> ranked = new ArrayList<>(byPath.entrySet());
    ranked.sort(Comparator.comparingInt((Map.Entry<String, OsInfo> e) -> rank(e.getKey())));
    OsInfo merged = null;
    for (Map.Entry<String, OsInfo> e : ranked) {
      OsInfo next = e.getValue();
      if (merged == null) {
        merged = next;
      } else if (merged.family() == null || Objects.equals(merged.family(), next.family())) {
        merged =
            new OsInfo(
                first(merged.family(), next.family()),
                first(merged.version(), next.version()),
                first(merged.codename(), next.codename()),
                first(merged.prettyName(), next.prettyName()));
      }
    }
    return merged;
  }

  private static int rank(String path) {
    if (path.equals("etc/os-release")) {
      return 0;
    }
    return path.endsWith("os-release") ? 1 : 2;
  }

  private static String first(String a, String b) {
    return a != null ? a : b;
  }
}
