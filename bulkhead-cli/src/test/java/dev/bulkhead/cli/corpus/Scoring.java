package dev.bulkhead.cli.corpus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Matches findings to labels and counts, per rule family, planted items found and missed and
 * findings true, duplicate and false.
 *
 * <p>A finding is true when a label of its family sits at its path within one line; a duplicate
 * when only labels of other families do (a second rule reporting a planted secret, e.g. the generic
 * assignment rule on an AWS key line); false otherwise. Precision is true / (true + false):
 * duplicates are listed, not counted against it.
 */
final class Scoring {
  private final Map<String, Counts> byFamily = new LinkedHashMap<>();
  private final List<ReportedFinding> falsePositives = new ArrayList<>();
  private final List<ReportedFinding> duplicates = new ArrayList<>();
  private final List<Label> missed = new ArrayList<>();

  /** Per-family counts; {@code planted} counts required labels only. */
  static final class Counts {
    int planted;
    int found;
    int findings;
    int truePositives;
    int duplicates;

    int falsePositives() {
      return findings - truePositives - duplicates;
    }

    double precision() {
      int judged = truePositives + falsePositives();
      return judged == 0 ? 1.0 : (double) truePositives / judged;
    }

    double recall() {
      return planted == 0 ? 1.0 : (double) found / planted;
    }
  }

  Scoring() {
    Families.ALL.forEach(f -> byFamily.put(f, new Counts()));
  }

  /** Scores one scan: its findings against the labels planted in what it scanned. */
  Scoring add(List<Label> labels, List<ReportedFinding> findings) {
    Set<Label> hit = new LinkedHashSet<>();
    List<ReportedFinding> ordered = new ArrayList<>(findings);
    ordered.sort(Comparator.comparingInt(f -> distance(f, labels)));
    for (ReportedFinding f : ordered) {
      Counts c = counts(f.family());
      c.findings++;
      Label best = null;
      for (Label l : labels) {
        if (f.matches(l) && (best == null || better(f, l, best, hit))) {
          best = l;
        }
      }
      if (best != null) {
        hit.add(best);
        c.truePositives++;
      } else if (labels.stream().anyMatch(f::sameLocation)) {
        c.duplicates++;
        duplicates.add(f);
      } else {
        falsePositives.add(f);
      }
    }
    for (Label l : labels) {
      if (l.required()) {
        Counts c = counts(l.family());
        c.planted++;
        if (hit.contains(l)) {
          c.found++;
        } else {
          missed.add(l);
        }
      }
    }
    return this;
  }

  /**
   * Tells whether {@code l} is a better label than {@code best} for {@code f}: one finding accounts
   * for one planted item, so an item not yet found beats one already found, and the nearer line
   * wins.
   */
  private static boolean better(ReportedFinding f, Label l, Label best, Set<Label> hit) {
    if (hit.contains(l) != hit.contains(best)) {
      return !hit.contains(l);
    }
    return Math.abs(f.line() - l.line()) < Math.abs(f.line() - best.line());
  }

  /** Returns the line distance to the nearest label the finding matches (exact hits go first). */
  private static int distance(ReportedFinding f, List<Label> labels) {
    int d = Integer.MAX_VALUE;
    for (Label l : labels) {
      if (f.matches(l)) {
        d = Math.min(d, l.isMetadata() ? 0 : Math.abs(f.line() - l.line()));
      }
    }
    return d;
  }

  Map<String, Counts> byFamily() {
    return byFamily;
  }

  List<ReportedFinding> falsePositives() {
    return falsePositives;
  }

  List<ReportedFinding> duplicates() {
    return duplicates;
  }

  List<Label> missed() {
    return missed;
  }

  /** Returns the counts summed over all families. */
  Counts total() {
    Counts t = new Counts();
    for (Counts c : byFamily.values()) {
      t.planted += c.planted;
      t.found += c.found;
      t.findings += c.findings;
      t.truePositives += c.truePositives;
      t.duplicates += c.duplicates;
    }
    return t;
  }

  /** Renders the per-family table as Markdown. */
  String table() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        "| family | planted | found | findings | true | duplicate | false | precision | recall"
            + " |\n");
    sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    byFamily.forEach((family, c) -> row(sb, family, c));
    row(sb, "**all**", total());
    return sb.toString();
  }

  private static void row(StringBuilder sb, String family, Counts c) {
    sb.append(
        String.format(
            Locale.ROOT,
            "| %s | %d | %d | %d | %d | %d | %d | %.2f | %.2f |%n",
            family,
            c.planted,
            c.found,
            c.findings,
            c.truePositives,
            c.duplicates,
            c.falsePositives(),
            c.precision(),
            c.recall()));
  }

  private Counts counts(String family) {
    return byFamily.computeIfAbsent(family, k -> new Counts());
  }
}
