package dev.bulkhead.runtime.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.runtime.event.RuntimeEvent;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads JSON-lines event exports (one object per line; blank lines skipped; in a directory, every
 * non-hidden file except {@code *.md}) into one trace per process, through a per-line converter.
 */
final class JsonLines {
  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    JSON.getFactory()
        .setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
  }

  /** Turns one parsed line into an event, or null to skip it. */
  interface Converter {
    RuntimeEvent convert(JsonNode line, TextLines where) throws BulkheadException;
  }

  private JsonLines() {}

  static void read(
      Path path, SourceLimits limits, Consumer<Trace> sink, Converter converter, String what)
      throws BulkheadException {
    // Notes beside exports (README.md) are not events, as for ADFA-LD.
    for (Path file : Files2.recordings(path, n -> !n.endsWith(".md"), limits.maxTraces(), what)) {
      TraceGrouper traces = new TraceGrouper(Files2.id(path, file), limits);
      try (TextLines lines = TextLines.open(file, limits)) {
        for (String line; (line = lines.next()) != null; ) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode node;
          try {
            node = JSON.readTree(line);
          } catch (JsonProcessingException e) {
            throw lines.errorAtLine("not JSON: " + e.getOriginalMessage());
          }
          if (node == null || !node.isObject()) {
            throw lines.errorAtLine("expected one JSON object per line");
          }
          RuntimeEvent e = converter.convert(node, lines);
          if (e != null) {
            traces.add(e, file + ":" + lines.lineNumber());
          }
        }
      }
      traces.emit(sink);
    }
  }

  /** Returns the text of {@code node}, or null when it is missing or JSON null. */
  static String text(JsonNode node) {
    return node == null || node.isMissingNode() || node.isNull() ? null : node.asText();
  }

  /** Returns the integer of {@code node} (number or numeric text), or {@code dflt}. */
  static long number(JsonNode node, long dflt) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return dflt;
    }
    if (node.isNumber()) {
      return node.asLong();
    }
    try {
      return Long.parseLong(node.asText().trim());
    } catch (NumberFormatException e) {
      return dflt;
    }
  }
}
