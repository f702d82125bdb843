package dev.bulkhead.vulndb.importer;

/** Bounds what importers accept, so a hostile or broken feed cannot exhaust memory or disk. */
final class Limits {
  private Limits() {}

  /** The largest streamed feed file (the Debian tracker JSON is about 70 MB today). */
  static final long MAX_STREAMED_FILE = 1L << 30;

  /** The largest feed file parsed whole (Alpine secdb, one OSV advisory). */
  static final long MAX_TREE_FILE = 64L << 20;

  /** The largest single OSV advisory, in a directory or a zip. */
  static final long MAX_ADVISORY_FILE = 16L << 20;

  /** The most files read from one directory tree or one zip. */
  static final int MAX_ENTRIES = 2_000_000;

  /** The most bytes inflated from one zip, all entries together. */
  static final long MAX_ZIP_TOTAL = 8L << 30;

  /** The most advisories in one source. */
  static final int MAX_ADVISORIES = 5_000_000;

  /** The longest title kept. */
  static final int MAX_TITLE = 200;

  /** The longest details text kept. */
  static final int MAX_DETAILS = 16_384;

  /** Returns the first line of {@code text}, cut to {@link #MAX_TITLE} characters. */
  static String title(String text) {
    if (text == null) {
      return null;
    }
    String t = text.strip();
    int nl = t.indexOf('\n');
    if (nl >= 0) {
      t = t.substring(0, nl).strip();
    }
    if (t.isEmpty()) {
      return null;
    }
    return t.length() > MAX_TITLE ? t.substring(0, MAX_TITLE - 3) + "..." : t;
  }

  /** Returns {@code text} cut to {@link #MAX_DETAILS} characters. */
  static String details(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    return text.length() > MAX_DETAILS ? text.substring(0, MAX_DETAILS) : text;
  }
}
