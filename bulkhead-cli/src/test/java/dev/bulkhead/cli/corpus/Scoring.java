package dev.bulkhead.cli.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Matches findings to labels and counts, per rule family, planted items found and missed and
 * findings true and false.
 */
final class Scoring {
  private final Map<String, Counts> byFamily = new LinkedHashMap<>();
  private final List<ReportedFinding> falsePositives = new ArrayList<>();
  private final List<Label> missed = new ArrayList<>();

  /** Per-family counts; {@code planted} counts required labels only. */
  static final class Counts {
    int planted;
    int found;
    int findings;
    int truePositives;

    double precision() {
      return findings == 0 ? 1.0 : (double) truePositives / findings;
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
    for (ReportedFinding f : findings) {
      Counts c = counts(f.family());
      c.findings++;
      boolean matched = false;
      for (Label l : labels) {
        if (f.matches(l)) {
          hit.add(l);
          matched = true;
        }
      }
      if (matched) {
        c.truePositives++;
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

  Map<String, Counts> byFamily() {
    return byFamily;
  }

  List<ReportedFinding> falsePositives() {
    return falsePositives;
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
    }
    return t;
  }

  /** Renders the per-family table as Markdown. */
  String table() {
    StringBuilder sb = new StringBuilder();
    sb.append("| family | planted | found | findings | true | false | precision | recall |\n");
    sb.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    byFamily.forEach((family, c) -> row(sb, family, c));
    row(sb, "**all**", total());
    return sb.toString();
  }

  private static void row(StringBuilder sb, String family, Counts c) {
    sb.append(
        String.format(
            Locale.ROOT,
            "| %s | %d | %d | %d | %d | %d | %.2f | %.2f |%n",
            family,
            c.planted,
            c.found,
            c.findings,
            c.truePositives,
            c.findings - c.truePositives,
            c.precision(),
            c.recall()));
  }

  private Counts counts(String family) {
    return byFamily.computeIfAbsent(family, k -> new Counts());
  }
}
