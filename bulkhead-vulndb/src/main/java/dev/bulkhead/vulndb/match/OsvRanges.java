package dev.bulkhead.vulndb.match;

import dev.bulkhead.vulndb.model.Affected;
import dev.bulkhead.vulndb.model.Range;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a version falls into an OSV package's affected ranges or enumerated versions,
 * following the OSV schema's evaluation (https://ossf.github.io/osv-schema/#evaluation): events
 * sorted by version, {@code introduced} opens, {@code fixed} and (past it) {@code last_affected}
 * close, {@code limit} bounds from above.
 */
final class OsvRanges {
  private OsvRanges() {}

  /** The range types whose versions are in the package's own scheme. */
  private static final Set<String> ORDERED_TYPES = Set.of("ECOSYSTEM", "SEMVER");

  /**
   * Returns the verdict for {@code version}: empty when not affected, else the first fixed version
   * above it (empty string when none is known).
   */
  static Optional<String> affected(Affected affected, String version, Comparator<String> scheme) {
    for (String v : affected.versions()) {
      if (v.equals(version) || scheme.compare(v, version) == 0) {
        return Optional.of(firstFixedAbove(affected, version, scheme));
      }
    }
    for (Range range : affected.ranges()) {
      if (ORDERED_TYPES.contains(range.type()) && inRange(range, version, scheme)) {
        return Optional.of(firstFixedAbove(range.events(), version, scheme));
      }
    }
    return Optional.empty();
  }

  static boolean inRange(Range range, String version, Comparator<String> scheme) {
    List<Range.Event> events = new ArrayList<>();
    for (Range.Event e : range.events()) {
      if (e.kind().equals("limit")) {
        if (!e.version().equals("*") && scheme.compare(version, e.version()) >= 0) {
          return false;
        }
      } else {
        events.add(e);
      }
    }
    events.sort((a, b) -> compareEvents(a, b, scheme));
    boolean affected = false;
    for (Range.Event e : events) {
      switch (e.kind()) {
        case "introduced":
          if (isZero(e.version()) || scheme.compare(version, e.version()) >= 0) {
            affected = true;
          }
          break;
        case "fixed":
          if (scheme.compare(version, e.version()) >= 0) {
            affected = false;
          }
          break;
        case "last_affected":
          if (scheme.compare(version, e.version()) > 0) {
            affected = false;
          }
          break;
        default:
          break;
      }
    }
    return affected;
  }

  private static int compareEvents(Range.Event a, Range.Event b, Comparator<String> scheme) {
    boolean za = a.kind().equals("introduced") && isZero(a.version());
    boolean zb = b.kind().equals("introduced") && isZero(b.version());
    if (za || zb) {
      return za == zb ? 0 : za ? -1 : 1;
    }
    return scheme.compare(a.version(), b.version());
  }

  private static boolean isZero(String v) {
    return v.equals("0") || v.equals("0.0.0-0");
  }

  private static String firstFixedAbove(Affected affected, String version, Comparator<String> s) {
    List<Range.Event> all = new ArrayList<>();
    for (Range r : affected.ranges()) {
      if (ORDERED_TYPES.contains(r.type())) {
        all.addAll(r.events());
      }
    }
    return firstFixedAbove(all, version, s);
  }

  private static String firstFixedAbove(
      List<Range.Event> events, String version, Comparator<String> scheme) {
    String best = null;
    for (Range.Event e : events) {
      if (e.kind().equals("fixed")
          && scheme.compare(e.version(), version) > 0
          && (best == null || scheme.compare(e.version(), best) < 0)) {
        best = e.version();
      }
    }
    return best == null ? "" : best;
  }
}
