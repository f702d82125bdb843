package dev.bulkhead.image.analyzer;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads blank-line separated stanzas of {@code Field: value} lines (the RFC 822 style of dpkg's
 * status file), keeping only the wanted fields so that memory stays bounded per stanza.
 *
 * <p>Lines starting with a space or tab continue the previous field; their text is appended, after
 * a newline, to wanted fields only. Problems are reported to the given {@link Warnings}.
 */
final class StanzaReader {
  static final int MAX_LINE_BYTES = 64 * 1024;
  static final int MAX_FIELD_CHARS = 64 * 1024;

  /** One stanza: its wanted fields, the line it starts on, and whether a wanted line was bad. */
  record Stanza(Map<String, String> fields, long startLine, boolean damaged) {}

  private final BoundedLineReader reader;
  private final Set<String> wanted;
  private final Warnings warnings;
  private boolean eof;

  StanzaReader(InputStream in, Set<String> wanted, Warnings warnings) {
    this.reader = new BoundedLineReader(in, MAX_LINE_BYTES);
    this.wanted = wanted;
    this.warnings = warnings;
  }

  /** Returns the next non-empty stanza, or null at end of input. */
  Stanza next() throws IOException {
    Map<String, String> fields = new HashMap<>();
    String current = null;
    long start = -1;
    boolean damaged = false;
    while (!eof) {
      String line = reader.readLine();
      if (line == null) {
        eof = true;
        break;
      }
      if (line.isBlank()) {
        if (start >= 0) {
          break;
        }
        continue;
      }
      if (start < 0) {
        start = reader.lineNumber();
      }
      char first = line.charAt(0);
      if (first == ' ' || first == '\t') {
        if (current == null) {
          warnings.add("line " + reader.lineNumber() + " continues no field; ignored");
        } else if (wanted.contains(current)) {
          String joined = fields.get(current) + "\n" + line.trim();
          fields.put(current, joined.length() > MAX_FIELD_CHARS ? fields.get(current) : joined);
        }
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        warnings.add("line " + reader.lineNumber() + " is not a 'Field: value' line; ignored");
        current = null;
        damaged = true;
        continue;
      }
      current = line.substring(0, colon);
      if (wanted.contains(current)) {
        if (reader.lastLineTruncated()) {
          warnings.add("line " + reader.lineNumber() + " is too long");
          damaged = true;
        }
        fields.put(current, line.substring(colon + 1).trim());
      }
    }
    return start < 0 ? null : new Stanza(fields, start, damaged);
  }
}
