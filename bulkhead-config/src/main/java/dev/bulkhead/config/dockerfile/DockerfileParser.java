package dev.bulkhead.config.dockerfile;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulkhead.config.model.Location;
import dev.bulkhead.config.spi.ConfigParseException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a Dockerfile the way BuildKit's front end does: parser directives ({@code # escape=`}),
 * line continuations (comment and blank lines inside them dropped), here-documents on RUN, COPY and
 * ADD, leading {@code --flags}, and the JSON (exec) form. Keeps the line and column of every
 * argument character.
 *
 * @see <a href="https://docs.docker.com/reference/dockerfile/">Dockerfile reference</a>
 */
public final class DockerfileParser {
  /** More instructions than any real Dockerfile has; a bound against hostile input. */
  static final int MAX_INSTRUCTIONS = 20_000;

  private static final Pattern DIRECTIVE =
      Pattern.compile("^#\\s*([a-zA-Z][a-zA-Z0-9_-]*)\\s*=\\s*(.*?)\\s*$");
  private static final Pattern HEREDOC =
      Pattern.compile("(?<!<)<<(-?)([\"']?)([A-Za-z_][A-Za-z0-9_.-]*)\\2");
  private static final Pattern FLAG = Pattern.compile("--([a-zA-Z][a-zA-Z0-9-]*)(?:=(\\S*))?");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String file;
  private final List<String> lines;
  private char escape = '\\';
  private int next;

  private DockerfileParser(String file, String text) {
    this.file = file;
    this.lines = List.of(text.split("\r?\n", -1));
  }

  /**
   * Parses {@code text}.
   *
   * @param file the name used in error locations
   * @throws ConfigParseException on a bad escape directive, an unterminated here-document or more
   *     than {@value #MAX_INSTRUCTIONS} instructions
   */
  public static Dockerfile parse(String file, String text) throws ConfigParseException {
    String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
    return new DockerfileParser(file, t).run();
  }

  private Dockerfile run() throws ConfigParseException {
    readDirectives();
    List<Instruction> out = new ArrayList<>();
    while (next < lines.size()) {
      String raw = lines.get(next);
      String trimmed = raw.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        next++;
        continue;
      }
      if (out.size() >= MAX_INSTRUCTIONS) {
        throw new ConfigParseException(
            new Location(file, next + 1, 1),
            "more than "
                + MAX_INSTRUCTIONS
                + " instructions; not a Dockerfile this tool will read");
      }
      out.add(readInstruction());
    }
    return Dockerfile.of(out);
  }

  private void readDirectives() throws ConfigParseException {
    while (next < lines.size()) {
      Matcher m = DIRECTIVE.matcher(lines.get(next).strip());
      if (!m.matches()) {
        return;
      }
      if (m.group(1).equalsIgnoreCase("escape")) {
        String v = m.group(2);
        if (!v.equals("\\") && !v.equals("`")) {
          throw new ConfigParseException(
              new Location(file, next + 1, 1),
              "invalid escape directive '" + v + "': use # escape=\\ or # escape=`");
        }
        escape = v.charAt(0);
      }
      next++;
    }
  }

  private Instruction readInstruction() throws ConfigParseException {
    StringBuilder text = new StringBuilder();
    IntList lineOf = new IntList();
    IntList colOf = new IntList();
    int startLine = next + 1;
    String first = lines.get(next);
    int startCol = indexOfNonSpace(first) + 1;
    int lineNo = next;
    int from = startCol - 1;
    while (true) {
      String l = lines.get(lineNo);
      int end = continuationAt(l);
      int stop = end >= 0 ? end : l.length();
      for (int c = from; c < stop; c++) {
        text.append(l.charAt(c));
        lineOf.add(lineNo + 1);
        colOf.add(c + 1);
      }
      lineNo++;
      if (end < 0) {
        break;
      }
      while (lineNo < lines.size()
          && (lines.get(lineNo).isBlank() || lines.get(lineNo).strip().startsWith("#"))) {
        lineNo++;
      }
      if (lineNo >= lines.size()) {
        break;
      }
      from = 0;
    }
    next = lineNo;
    String logical = text.toString();
    int kwEnd = 0;
    while (kwEnd < logical.length() && !Character.isWhitespace(logical.charAt(kwEnd))) {
      kwEnd++;
    }
    String keyword = logical.substring(0, kwEnd).toUpperCase(Locale.ROOT);
    int pos = skipSpace(logical, kwEnd);
    Map<String, String> flags = new LinkedHashMap<>();
    while (logical.startsWith("--", pos)) {
      int e = pos;
      while (e < logical.length() && !Character.isWhitespace(logical.charAt(e))) {
        e++;
      }
      Matcher fm = FLAG.matcher(logical.substring(pos, e));
      if (!fm.matches()) {
        break;
      }
      String v = fm.group(2) == null ? "" : fm.group(2);
      flags.merge(fm.group(1).toLowerCase(Locale.ROOT), v, (a, b) -> a + "\n" + b);
      pos = skipSpace(logical, e);
    }
    String args = logical.substring(pos);
    int[] ls = new int[args.length()];
    int[] cs = new int[args.length()];
    for (int k = 0; k < args.length(); k++) {
      ls[k] = lineOf.get(pos + k);
      cs[k] = colOf.get(pos + k);
    }
    List<String> json = jsonForm(args);
    List<Instruction.Heredoc> heredocs = List.of();
    if (json == null
        && (keyword.equals("RUN") || keyword.equals("COPY") || keyword.equals("ADD"))) {
      heredocs = readHeredocs(args, startLine);
    }
    return new Instruction(
        keyword,
        startLine,
        startCol,
        Collections.unmodifiableMap(flags),
        args,
        json,
        heredocs,
        new Instruction.Positions(ls, cs));
  }

  private List<Instruction.Heredoc> readHeredocs(String args, int startLine)
      throws ConfigParseException {
    Matcher m = HEREDOC.matcher(args);
    List<Instruction.Heredoc> out = new ArrayList<>();
    boolean[] quoted = null;
    while (m.find()) {
      if (quoted == null) {
        quoted = quotedMask(args);
      }
      if (quoted[m.start()]) {
        continue; // echo "<<EOF" is text, not a here-document
      }
      boolean stripTabs = !m.group(1).isEmpty();
      String delimiter = m.group(3);
      int bodyStart = next;
      StringBuilder body = new StringBuilder();
      boolean closed = false;
      while (next < lines.size()) {
        String l = lines.get(next++);
        String cmp = stripTabs ? l.replaceFirst("^\t+", "") : l;
        if (cmp.equals(delimiter)) {
          closed = true;
          break;
        }
        body.append(cmp).append('\n');
      }
      if (!closed) {
        throw new ConfigParseException(
            new Location(file, startLine, 1),
            "here-document <<" + delimiter + " is never closed: add a line with " + delimiter);
      }
      out.add(new Instruction.Heredoc(delimiter, body.toString(), bodyStart + 1));
    }
    return List.copyOf(out);
  }

  /** Marks each character of {@code s} that lies inside a single- or double-quoted string. */
  static boolean[] quotedMask(String s) {
    boolean[] mask = new boolean[s.length()];
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      mask[i] = quote != 0;
      if (c == '\\' && quote != '\'' && i + 1 < s.length()) {
        mask[++i] = quote != 0;
      } else if (quote == 0 && (c == '"' || c == '\'')) {
        quote = c;
      } else if (c == quote) {
        quote = 0;
      }
    }
    return mask;
  }

  /** The index of a line-continuation escape at the end of {@code l}, or -1. */
  private int continuationAt(String l) {
    int e = l.length() - 1;
    while (e >= 0 && (l.charAt(e) == ' ' || l.charAt(e) == '\t')) {
      e--;
    }
    if (e < 0 || l.charAt(e) != escape) {
      return -1;
    }
    return e;
  }

  private static List<String> jsonForm(String args) {
    String a = args.strip();
    if (!a.startsWith("[") || !a.endsWith("]")) {
      return null;
    }
    try {
      return List.copyOf(JSON.readValue(a, new TypeReference<List<String>>() {}));
    } catch (IOException | RuntimeException e) {
      return null; // BuildKit falls back to the shell form too
    }
  }

  /** A growable int array, to keep a position per character without boxing. */
  private static final class IntList {
    private int[] a = new int[64];
    private int n;

    void add(int v) {
      if (n == a.length) {
        a = java.util.Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }

    int get(int i) {
      return a[i];
    }
  }

  private static int indexOfNonSpace(String s) {
    int i = 0;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int skipSpace(String s, int i) {
    int k = i;
    while (k < s.length() && Character.isWhitespace(s.charAt(k))) {
      k++;
    }
    return k;
  }
}
