package dev.bulkhead.config.dockerfile;

import java.util.ArrayList;
import java.util.List;

/** Splits ENV and ARG arguments into key/value pairs, honouring quotes and backslashes. */
final class KeyValues {
  /**
   * One pair.
   *
   * @param key the name
   * @param value the value without quotes, or {@code null} for an ARG without default
   * @param offset where the key starts in the instruction's arguments
   */
  record Pair(String key, String value, int offset) {}

  private KeyValues() {}

  /**
   * Parses {@code KEY=VALUE ...}; with {@code legacyEnv}, the old {@code ENV KEY value with spaces}
   * form when the first word has no {@code =}.
   */
  static List<Pair> parse(String args, boolean legacyEnv) {
    List<Pair> out = new ArrayList<>();
    int i = skip(args, 0);
    if (legacyEnv && i < args.length()) {
      int e = i;
      while (e < args.length()
          && !Character.isWhitespace(args.charAt(e))
          && args.charAt(e) != '=') {
        e++;
      }
      if (e >= args.length() || args.charAt(e) != '=') {
        String value = unquote(args.substring(e).strip());
        out.add(new Pair(args.substring(i, e), value, i));
        return out;
      }
    }
    while (i < args.length() && out.size() < 1000) {
      int start = i;
      StringBuilder word = new StringBuilder();
      char quote = 0;
      while (i < args.length()) {
        char c = args.charAt(i);
        if (quote == 0 && Character.isWhitespace(c)) {
          break;
        }
        if (c == '\\' && quote != '\'' && i + 1 < args.length()) {
          word.append(args.charAt(i + 1));
          i += 2;
          continue;
        }
        if (quote == 0 && (c == '"' || c == '\'')) {
          quote = c;
        } else if (quote != 0 && c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
        i++;
      }
      String w = word.toString();
      int eq = w.indexOf('=');
      out.add(
          eq < 0
              ? new Pair(w, null, start)
              : new Pair(w.substring(0, eq), w.substring(eq + 1), start));
      i = skip(args, i);
    }
    return out;
  }

  private static String unquote(String v) {
    if (v.length() >= 2
        && (v.charAt(0) == '"' || v.charAt(0) == '\'')
        && v.charAt(v.length() - 1) == v.charAt(0)) {
      return v.substring(1, v.length() - 1);
    }
    return v;
  }

  private static int skip(String s, int i) {
    int k = i;
    while (k < s.length() && Character.isWhitespace(s.charAt(k))) {
      k++;
    }
    return k;
  }
}
