package dev.bulkhead.cli.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds one secret or malware finding read from a bulkhead JSON report, with its rule family.
 *
 * @param family the rule family, from {@link Families#of}
 */
record ReportedFinding(
    String ruleId,
    String category,
    String family,
    String path,
    int line,
    String excerpt,
    String layer,
    String status,
    String removedIn) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reads the {@code secrets} and {@code malware} arrays of a JSON report. */
  static List<ReportedFinding> read(Path report) throws IOException {
    JsonNode root = JSON.readTree(report.toFile());
    List<ReportedFinding> all = new ArrayList<>();
    for (String array : List.of("secrets", "malware")) {
      for (JsonNode f : root.path(array)) {
        String ruleId = f.path("ruleId").asText("");
        String category = f.path("category").asText("");
        all.add(
            new ReportedFinding(
                ruleId,
                category,
                Families.of(category, ruleId),
                f.path("path").asText(""),
                f.path("line").asInt(0),
                f.path("excerpt").asText(""),
                text(f, "layer"),
                text(f, "status"),
                text(f, "removedIn")));
      }
    }
    return all;
  }

  private static String text(JsonNode f, String field) {
    JsonNode n = f.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }

  /** Tells whether this finding reports {@code label}: same place and same family. */
  boolean matches(Label label) {
    return family.equals(label.family()) && sameLocation(label);
  }

  /** Tells whether this finding is where {@code label} is: same path, line within 1. */
  boolean sameLocation(Label label) {
    return path.equals(label.path()) && (label.isMetadata() || Math.abs(line - label.line()) <= 1);
  }

  @Override
  public String toString() {
    return path + ":" + line + " " + ruleId + " [" + family + "] " + excerpt;
  }
}
