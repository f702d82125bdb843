package dev.bulkhead.config.cel;

import dev.bulkhead.config.model.Location;
import java.util.Arrays;

/**
 * Maps code-point offsets in one file to 1-based line and column numbers. YAML marks and CEL
 * positions both count code points, so neither surrogate pairs nor multi-byte characters shift a
 * column.
 */
final class SourceText {
  private final String file;
  private final int[] codePoints;
  private final int[] lineStarts;

  SourceText(String file, String text) {
    this.file = file;
    this.codePoints = text.codePoints().toArray();
    int[] starts = new int[16];
    int n = 0;
    starts[n++] = 0;
    for (int i = 0; i < codePoints.length; i++) {
      if (codePoints[i] == '\n') {
        if (n == starts.length) {
          starts = Arrays.copyOf(starts, n * 2);
        }
        starts[n++] = i + 1;
      }
    }
    this.lineStarts = Arrays.copyOf(starts, n);
  }

  String file() {
    return file;
  }

  int length() {
    return codePoints.length;
  }

  int codePointAt(int offset) {
    return codePoints[offset];
  }

  /** The location of a code-point offset; offsets past the end point just after the last one. */
  Location location(int offset) {
    int o = Math.max(0, Math.min(offset, codePoints.length));
    int idx = Arrays.binarySearch(lineStarts, o);
    int line = idx >= 0 ? idx : -idx - 2;
    return new Location(file, line + 1, o - lineStarts[line] + 1);
  }
}
