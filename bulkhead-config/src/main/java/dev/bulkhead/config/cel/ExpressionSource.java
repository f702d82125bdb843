package dev.bulkhead.config.cel;

import dev.bulkhead.config.model.Location;
import org.snakeyaml.engine.v2.common.ScalarStyle;

/**
 * A CEL expression read from a YAML scalar, with the file position of each of its code points, so
 * an error CEL reports at line and column of the expression is reported at line and column of the
 * policy file. Plain, quoted, literal ({@code |}) and folded ({@code >}) scalars are aligned with
 * the source text character by character: indentation, folded line breaks and escape characters are
 * skipped.
 */
final class ExpressionSource {
  private final String text;
  private final String field;
  private final SourceText source;
  private final int[] codePoints;
  private final int[] offsets;
  private final int start;

  private ExpressionSource(
      String text, String field, SourceText source, int[] codePoints, int[] offsets, int start) {
    this.text = text;
    this.field = field;
    this.source = source;
    this.codePoints = codePoints;
    this.offsets = offsets;
    this.start = start;
  }

  /**
   * Aligns {@code text} with the source between a scalar's start and end marks.
   *
   * @param field where it came from, e.g. {@code spec.validations[0].expression}
   */
  static ExpressionSource of(
      String text, String field, SourceText source, int start, int end, ScalarStyle style) {
    int[] cps = text.codePoints().toArray();
    int[] offsets = new int[cps.length + 1];
    int limit = Math.min(end, source.length());
    int p = start;
    if (style == ScalarStyle.DOUBLE_QUOTED || style == ScalarStyle.SINGLE_QUOTED) {
      p++;
    } else if (style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED) {
      while (p < limit && source.codePointAt(p) != '\n') {
        p++;
      }
    }
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      if (Character.isWhitespace(c)) {
        offsets[i] = Math.min(p, limit);
        if (p < limit && Character.isWhitespace(source.codePointAt(p))) {
          p++;
        }
        continue;
      }
      int q = p;
      while (q < limit && source.codePointAt(q) != c) {
        q++;
      }
      if (q < limit) {
        p = q;
      }
      offsets[i] = Math.min(p, limit);
      if (p < limit) {
        p++;
      }
    }
    offsets[cps.length] = Math.min(p, limit);
    return new ExpressionSource(text, field, source, cps, offsets, start);
  }

  /** An expression without a file position (built in code, not read from a file). */
  static ExpressionSource detached(String text, String field) {
    SourceText src = new SourceText("<inline>", text);
    return of(text, field, src, 0, src.length(), ScalarStyle.PLAIN);
  }

  String text() {
    return text;
  }

  /** Where the expression came from in its policy, e.g. {@code spec.validations[0].expression}. */
  String field() {
    return field;
  }

  /** The start of the scalar that holds the expression. */
  Location where() {
    return source.location(start);
  }

  /**
   * The file location of a position CEL reports in this expression.
   *
   * @param line 1-based line within the expression
   * @param column 0-based code-point column within that line
   */
  Location locate(int line, int column) {
    if (line <= 0) {
      return where();
    }
    int lineStart = 0;
    int l = 1;
    for (int i = 0; i < codePoints.length && l < line; i++) {
      if (codePoints[i] == '\n') {
        l++;
        lineStart = i + 1;
      }
    }
    return locateOffset(lineStart + Math.max(0, column));
  }

  /** The file location of a code-point offset within the expression. */
  Location locateOffset(int offset) {
    return source.location(offsets[Math.max(0, Math.min(offset, offsets.length - 1))]);
  }
}
