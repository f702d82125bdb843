package dev.bulkhead.cli.corpus;

/**
 * Records one planted secret or malicious item of the corpus: where it is and which rule family
 * must find it.
 *
 * @param path the path relative to the scanned root, or an image metadata path such as {@code
 *     config:Env} or {@code history[3]}
 * @param line the 1-based line of the item, or 0 for whole-file items (known-bad hashes)
 * @param family the rule family expected to report it, e.g. {@code aws}, {@code private-key}
 * @param required true when a scanner must find it (counts for recall); false for items a second
 *     rule may legitimately also report (a JWT inside a kubeconfig), which count as hits when
 *     reported but never as misses
 */
record Label(String path, int line, String family, boolean required) {

  /** Returns a label a scanner must find. */
  static Label of(String path, int line, String family) {
    return new Label(path, line, family, true);
  }

  /** Returns a label a scanner may also report without it being a false positive. */
  static Label optional(String path, int line, String family) {
    return new Label(path, line, family, false);
  }

  /** Tells whether the path is image metadata rather than a file (lines do not apply there). */
  boolean isMetadata() {
    return path.startsWith("config:") || path.startsWith("history[");
  }
}
