package dev.bulkhead.cli.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Renders the accuracy table, the negatives' counts and every miss and false positive. */
final class AccuracyReport {
  private AccuracyReport() {}

  /** Returns the Markdown report. */
  static String render(Scoring scoring, Map<String, List<ReportedFinding>> negatives) {
    StringBuilder sb = new StringBuilder();
    sb.append("## Precision and recall per rule family\n\n").append(scoring.table()).append('\n');
    sb.append("## Findings on real images (all false positives)\n\n");
    sb.append("| negative | findings |\n|---|---:|\n");
    negatives.forEach(
        (name, f) -> sb.append("| ").append(name).append(" | ").append(f.size()).append(" |\n"));
    sb.append("\n## Missed planted items\n\n");
    if (scoring.missed().isEmpty()) {
      sb.append("none\n");
    }
    for (Label l : scoring.missed()) {
      sb.append("- `")
          .append(l.path())
          .append(':')
          .append(l.line())
          .append("` ")
          .append(l.family())
          .append('\n');
    }
    sb.append("\n## Duplicates (a second rule on a planted item)\n\n");
    if (scoring.duplicates().isEmpty()) {
      sb.append("none\n");
    }
    for (ReportedFinding f : scoring.duplicates()) {
      line(sb, f);
    }
    sb.append("\n## False positives\n\n");
    if (scoring.falsePositives().isEmpty()) {
      sb.append("none\n");
    }
    for (ReportedFinding f : scoring.falsePositives()) {
      line(sb, f);
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, ReportedFinding f) {
    sb.append("- `")
        .append(f.path())
        .append(':')
        .append(f.line())
        .append("` ")
        .append(f.ruleId())
        .append(" (")
        .append(f.family())
        .append(")\n");
  }

  /** Writes {@code text} to {@code target/secret-accuracy.md} and returns the path. */
  static Path write(String text) throws IOException {
    Path out = Path.of("target", "secret-accuracy.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, text, StandardCharsets.UTF_8);
    return out;
  }
}
