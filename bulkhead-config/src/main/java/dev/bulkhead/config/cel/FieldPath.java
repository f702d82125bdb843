package dev.bulkhead.config.cel;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the {@code fieldPath} of a validation, a JSONPath-like reference such as {@code
 * spec.template.spec.containers[0].image} or {@code metadata.labels['app.kubernetes.io/name']},
 * into path segments: strings for map keys, integers for list indexes.
 */
final class FieldPath {
  private FieldPath() {}

  /**
   * Returns the segments.
   *
   * @throws IllegalArgumentException with a reason when the path is malformed
   */
  static List<Object> parse(String path) {
    List<Object> out = new ArrayList<>();
    String p = path.strip();
    if (p.startsWith(".")) {
      p = p.substring(1);
    }
    int i = 0;
    StringBuilder name = new StringBuilder();
    while (i < p.length()) {
      char c = p.charAt(i);
      if (c == '.') {
        flush(name, out, path);
        i++;
      } else if (c == '[') {
        flush(name, out, path);
        int j = i + 1;
        if (j < p.length() && (p.charAt(j) == '\'' || p.charAt(j) == '"')) {
          int end = p.indexOf(p.charAt(j) + "]", j + 1);
          if (end < 0) {
            throw new IllegalArgumentException("unclosed quoted key in field path " + path);
          }
          out.add(p.substring(j + 1, end));
          i = end + 2;
        } else {
          int close = p.indexOf(']', j);
          if (close < 0) {
            throw new IllegalArgumentException("unclosed '[' in field path " + path);
          }
          String inner = p.substring(j, close).strip();
          try {
            out.add(Integer.parseInt(inner));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                "index '" + inner + "' in field path " + path + " is neither a number nor quoted",
                e);
          }
          i = close + 1;
        }
      } else {
        name.append(c);
        i++;
      }
    }
    flush(name, out, path);
    return out;
  }

  private static void flush(StringBuilder name, List<Object> out, String path) {
    if (name.length() == 0) {
      return;
    }
    String n = name.toString().strip();
    if (n.isEmpty()) {
      throw new IllegalArgumentException("empty segment in field path " + path);
    }
    out.add(n);
    name.setLength(0);
  }
}
