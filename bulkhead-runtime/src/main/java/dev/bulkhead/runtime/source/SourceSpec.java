package dev.bulkhead.runtime.source;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

/**
 * Names one offline recording: {@code KIND:PATH}, e.g. {@code adfa-ld:traces/} or {@code
 * strace:app.log}.
 *
 * @param kind the reader id, lower case (see {@link Sources#kinds()})
 * @param path the file or directory to read
 */
public record SourceSpec(String kind, Path path) {

  /**
   * Parses {@code KIND:PATH}.
   *
   * @throws IllegalArgumentException with a message listing the known kinds when the text has no
   *     kind, an unknown kind or an empty path
   */
  public static SourceSpec parse(String text) {
    int colon = text.indexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException(
          "source '" + text + "' is not KIND:PATH; kinds: " + String.join(", ", Sources.kinds()));
    }
    String kind = text.substring(0, colon).toLowerCase(Locale.ROOT);
    if (!Sources.kinds().contains(kind)) {
      throw new IllegalArgumentException(
          "unknown source kind '"
              + kind
              + "' in '"
              + text
              + "'; kinds: "
              + String.join(", ", Sources.kinds()));
    }
    return new SourceSpec(kind, Paths.get(text.substring(colon + 1)));
  }

  @Override
  public String toString() {
    return kind + ":" + path;
  }
}
