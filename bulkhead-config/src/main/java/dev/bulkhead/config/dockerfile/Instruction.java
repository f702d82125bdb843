package dev.bulkhead.config.dockerfile;

import java.util.List;
import java.util.Map;

/**
 * One Dockerfile instruction after line continuations are joined, with the physical position of
 * every character of its arguments so rules can point at the offending token.
 *
 * @param keyword the instruction in upper case ({@code FROM}, {@code RUN}...)
 * @param line 1-based line of the keyword
 * @param column 1-based column of the keyword
 * @param flags leading {@code --name=value} flags ({@code --mount}, {@code --from}...); a flag
 *     without a value maps to an empty string; a repeated flag keeps its values joined by newlines
 * @param args the arguments after the flags, continuation lines joined
 * @param json the arguments of the JSON (exec) form, or {@code null} for the shell form
 * @param heredocs here-documents that follow the instruction, in order
 * @param positions where each character of {@code args} came from
 */
public record Instruction(
    String keyword,
    int line,
    int column,
    Map<String, String> flags,
    String args,
    List<String> json,
    List<Heredoc> heredocs,
    Positions positions) {

  /**
   * A here-document ({@code <<EOF ... EOF}).
   *
   * @param delimiter the word after {@code <<}
   * @param body the lines between the marker line and the delimiter line
   * @param line 1-based line of the first body line
   */
  public record Heredoc(String delimiter, String body, int line) {}

  /** The line and column of each character of the joined arguments. */
  public record Positions(int[] lines, int[] columns) {
    /** The 1-based line of character {@code offset} (clamped to the arguments). */
    public int lineAt(int offset) {
      return lines.length == 0 ? 0 : lines[Math.max(0, Math.min(offset, lines.length - 1))];
    }

    /** The 1-based column of character {@code offset} (clamped to the arguments). */
    public int columnAt(int offset) {
      return columns.length == 0 ? 0 : columns[Math.max(0, Math.min(offset, columns.length - 1))];
    }
  }

  /** The shell text a RUN executes: its arguments (or JSON words) plus heredoc bodies. */
  public String commandText() {
    StringBuilder sb = new StringBuilder(json != null ? String.join(" ", json) : args);
    for (Heredoc h : heredocs) {
      sb.append('\n').append(h.body());
    }
    return sb.toString();
  }
}
