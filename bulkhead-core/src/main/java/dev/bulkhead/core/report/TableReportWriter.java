package dev.bulkhead.core.report;

import dev.bulkhead.core.ContentFinding;
import dev.bulkhead.core.Finding;
import dev.bulkhead.core.Layer;
import dev.bulkhead.core.OsInfo;
import dev.bulkhead.core.Report;
import dev.bulkhead.core.Severity;
import dev.bulkhead.core.SuppressedFinding;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a human-readable report that fits an 80-column terminal: a summary, then findings grouped
 * by package, each package with the layer that introduced it, then warnings.
 */
public final class TableReportWriter implements ReportWriter {
  static final int WIDTH = 80;

  @Override
  public String format() {
    return "table";
  }

  @Override
  public void write(Report report, OutputStream out) throws IOException {
    PrintWriter w =
        new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), false) {
          @Override
          public void println() {
            write('\n');
          }
        };
    writeSummary(w, report);
    Map<String, List<Finding>> byPackage = new LinkedHashMap<>();
    for (Finding f : report.findings()) {
      byPackage
          .computeIfAbsent(
              f.packageName() + " " + f.installedVersion() + " " + f.path(), k -> new ArrayList<>())
          .add(f);
    }
    for (List<Finding> group : byPackage.values()) {
      w.println();
      writePackage(w, report, group);
    }
    writeSuppressed(w, report);
    writeContent(w, report, ContentFinding.SECRET, "Secrets");
    writeContent(w, report, ContentFinding.MALWARE, "Malicious content");
    if (!report.warnings().isEmpty()) {
      w.println();
      w.println("Warnings:");
      for (String warning : report.warnings()) {
        String prefix = "  - ";
        for (String line : wrap(warning, WIDTH - 4)) {
          w.println(prefix + line);
          prefix = "    ";
        }
      }
    }
    w.flush();
  }

  private static void writeSummary(PrintWriter w, Report report) {
    w.println(fit("Target:   " + report.target()));
    OsInfo os = report.os();
    w.println(fit("OS:       " + (os == null ? "not detected" : describe(os))));
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (Finding f : report.findings()) {
      counts.merge(f.severity(), 1, Integer::sum);
    }
    w.println(
        String.format(
            Locale.ROOT,
            "Packages: %d   Layers: %d",
            report.packages().size(),
            report.layers().size()));
    StringBuilder s = new StringBuilder("Vulnerabilities: ").append(report.findings().size());
    String sep = " (";
    Severity[] all = Severity.values();
    for (int i = all.length - 1; i >= 0; i--) {
      s.append(sep).append(all[i]).append(' ').append(counts.getOrDefault(all[i], 0));
      sep = ", ";
    }
    w.println(s.append(')'));
    if (report.findings().isEmpty()) {
      w.println();
      w.println("No vulnerabilities found.");
    }
  }

  private static void writePackage(PrintWriter w, Report report, List<Finding> group) {
    Finding first = group.get(0);
    String source =
        first.sourceName() != null && !first.sourceName().equals(first.packageName())
            ? " (source " + first.sourceName() + ")"
            : "";
    w.println(fit(first.packageName() + " " + first.installedVersion() + source));
    if (first.path() != null) {
      w.println(fit("  in " + first.path()));
    }
    Layer layer = layerOf(report, first.layer());
    if (layer != null) {
      String created = layer.createdBy() == null ? "" : " " + oneLine(layer.createdBy());
      w.println(
          fit("  layer " + (layer.index() + 1) + " " + shortDigest(layer.diffId()) + created));
    }
    for (Finding f : group) {
      String fix = f.fixedVersion() == null ? "no fix yet" : "fixed in " + f.fixedVersion();
      w.println(
          fit(
              String.format(
                  Locale.ROOT, "  %-9s %-17s %s", f.severity(), f.vulnerabilityId(), fix)));
      if (f.title() != null && !f.title().isBlank()) {
        w.println(fit("            " + oneLine(f.title())));
      }
    }
  }

  /** Lists at most this many suppressed findings; the count covers all of them. */
  static final int SUPPRESSED_SHOWN = 10;

  private static void writeSuppressed(PrintWriter w, Report report) {
    List<SuppressedFinding> items = report.suppressed();
    if (items.isEmpty()) {
      return;
    }
    long vex = items.stream().filter(s -> SuppressedFinding.VEX.equals(s.kind())).count();
    w.println();
    w.println(
        String.format(
            Locale.ROOT,
            "Suppressed: %d (VEX %d, ignore file %d)",
            items.size(),
            vex,
            items.size() - vex));
    for (SuppressedFinding s : items.subList(0, Math.min(SUPPRESSED_SHOWN, items.size()))) {
      Finding f = s.finding();
      w.println(
          fit(
              String.format(
                  Locale.ROOT,
                  "  %-17s %s %s",
                  f.vulnerabilityId(),
                  f.packageName(),
                  f.installedVersion())));
      w.println(fit("            " + oneLine(CycloneDxWriter.describe(s))));
    }
    if (items.size() > SUPPRESSED_SHOWN) {
      w.println("  … and " + (items.size() - SUPPRESSED_SHOWN) + " more (see --format json)");
    }
  }

  private static void writeContent(PrintWriter w, Report report, String kind, String heading) {
    List<ContentFinding> items = report.contentFindings(kind);
    if (items.isEmpty()) {
      return;
    }
    w.println();
    w.println(heading + ": " + items.size() + " " + countBySeverity(items));
    Map<String, List<ContentFinding>> byFile = new LinkedHashMap<>();
    for (ContentFinding f : items) {
      byFile.computeIfAbsent(f.path() + "\u0000" + f.layer(), k -> new ArrayList<>()).add(f);
    }
    for (List<ContentFinding> group : byFile.values()) {
      ContentFinding first = group.get(0);
      w.println();
      w.println(fit(first.path()));
      Layer layer = layerOf(report, first.layer());
      if (layer != null) {
        String where = "  in layer " + (layer.index() + 1) + " " + shortDigest(layer.diffId());
        if (ContentFinding.REMOVED.equals(first.status())) {
          Layer removed = layerOf(report, first.removedIn());
          where +=
              ", removed in layer "
                  + (removed == null ? "?" : Integer.toString(removed.index() + 1))
                  + ": still present in the image";
        }
        w.println(fit(where));
      }
      for (ContentFinding f : group) {
        String at = f.line() > 0 ? "line " + f.line() : "";
        w.println(fit(String.format(Locale.ROOT, "  %-9s %-28s %s", f.severity(), f.ruleId(), at)));
        if (f.excerpt() != null && !f.excerpt().isBlank()) {
          w.println(fit("            " + oneLine(f.excerpt())));
        }
      }
    }
  }

  private static String countBySeverity(List<ContentFinding> items) {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (ContentFinding f : items) {
      counts.merge(f.severity(), 1, Integer::sum);
    }
    StringBuilder s = new StringBuilder();
    String sep = "(";
    Severity[] all = Severity.values();
    for (int i = all.length - 1; i >= 0; i--) {
      if (counts.containsKey(all[i])) {
        s.append(sep).append(all[i]).append(' ').append(counts.get(all[i]));
        sep = ", ";
      }
    }
    return s.append(')').toString();
  }

  private static Layer layerOf(Report report, String diffId) {
    if (diffId == null) {
      return null;
    }
    for (Layer l : report.layers()) {
      if (diffId.equals(l.diffId())) {
        return l;
      }
    }
    return null;
  }

  private static String describe(OsInfo os) {
    String codename = os.codename() == null ? "" : " (" + os.codename() + ")";
    return os.family() + " " + (os.version() == null ? "" : os.version()) + codename;
  }

  private static String shortDigest(String digest) {
    if (digest == null) {
      return "";
    }
    int colon = digest.indexOf(':');
    return digest.substring(0, Math.min(digest.length(), colon + 13));
  }

  static String oneLine(String s) {
    return Printable.of(s).replaceAll("\\s+", " ").trim();
  }

  static String fit(String line) {
    String safe = Printable.of(line);
    return safe.length() <= WIDTH ? safe : safe.substring(0, WIDTH - 1) + "…";
  }

  /** Splits text into lines of at most {@code width} characters at spaces where possible. */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    String rest = oneLine(text);
    while (rest.length() > width) {
      int cut = rest.lastIndexOf(' ', width);
      if (cut <= 0) {
        cut = width;
      }
      lines.add(rest.substring(0, cut));
      rest = rest.substring(cut).trim();
    }
    lines.add(rest);
    return lines;
  }
}
