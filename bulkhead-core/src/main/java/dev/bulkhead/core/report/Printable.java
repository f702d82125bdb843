package dev.bulkhead.core.report;

/**
 * Makes text from images and feeds safe to print on a terminal: control characters (C0, DEL and C1,
 * which include the escape that starts terminal control sequences) become {@code ?}, so a file name
 * or a history line cannot clear the screen, forge report lines or retitle the window.
 */
public final class Printable {
  private Printable() {}

  /** Returns {@code s} with every control character except tab and newline replaced by '?'. */
  public static String of(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isISOControl(c) && c != '\n' && c != '\t') {
        if (b == null) {
          b = new StringBuilder(s.length()).append(s, 0, i);
        }
        b.append('?');
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? s : b.toString();
  }
}
