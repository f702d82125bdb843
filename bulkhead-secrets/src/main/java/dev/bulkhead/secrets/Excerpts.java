package dev.bulkhead.secrets;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Builds the one-line, masked excerpt shown for a finding: the line around the secret with every
 * secret on it masked, at most {@link #MAX} characters long.
 */
final class Excerpts {
  /** The longest excerpt, in characters. */
  static final int MAX = 80;

  /** Characters of context kept before the secret when the line must be shortened. */
  private static final int LEAD = 24;

  private Excerpts() {}

  /**
   * Masks a secret: keeps at most its first 4 and last 2 characters (fewer for short secrets, so at
   * least half is always hidden) and replaces the rest with {@code *}.
   */
  static String mask(String secret) {
    int n = secret.length();
    int head = n >= 16 ? 4 : n >= 8 ? 2 : 0;
    int tail = n >= 16 ? 2 : 0;
    StringBuilder sb = new StringBuilder(n);
    sb.append(secret, 0, head);
    for (int i = head; i < n - tail; i++) {
      sb.append('*');
    }
    sb.append(secret, n - tail, n);
    return sb.toString();
  }

  /**
   * Returns the excerpt for the secret at {@code [secretStart, secretEnd)} whose match starts at
   * {@code matchStart}, masking all {@code secrets} (start, end pairs) that touch the line.
   */
  static String excerpt(byte[] buf, int len, int matchStart, List<int[]> secrets) {
    int ls = RuleEngine.linesBack(buf, matchStart, 0);
    int le = RuleEngine.linesForward(buf, len, matchStart, 0);
    StringBuilder sb = new StringBuilder();
    int pos = ls;
    int focus = -1;
    for (int[] s : secrets) {
      int ss = Math.max(Math.max(s[0], ls), pos);
      int se = Math.min(s[1], le);
      if (se <= ss) {
        continue;
      }
      sb.append(new String(buf, pos, ss - pos, StandardCharsets.UTF_8));
      if (focus < 0 && s[1] > matchStart) {
        focus = sb.length();
      }
      if (ss == s[0] && se == s[1]) {
        sb.append(mask(new String(buf, ss, se - ss, StandardCharsets.ISO_8859_1)));
      } else {
        // Only part of the secret is on this line (or it overlaps another): show none of it.
        sb.append("*".repeat(se - ss));
      }
      pos = se;
    }
    sb.append(new String(buf, pos, le - pos, StandardCharsets.UTF_8));
    String line = clean(sb);
    if (focus < 0) {
      focus = 0;
    }
    return window(line, Math.min(focus, line.length()));
  }

  private static String clean(StringBuilder sb) {
    for (int i = 0; i < sb.length(); i++) {
      char c = sb.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        sb.setCharAt(i, ' ');
      }
    }
    return sb.toString();
  }

  private static String window(String line, int focus) {
    String trimmedLead = line.stripLeading();
    int shift = line.length() - trimmedLead.length();
    String s = trimmedLead.stripTrailing();
    int f = Math.max(0, focus - shift);
    if (s.length() <= MAX) {
      return s;
    }
    int start = Math.max(0, Math.min(f - LEAD, s.length() - MAX));
    return s.substring(start, start + MAX);
  }
}
