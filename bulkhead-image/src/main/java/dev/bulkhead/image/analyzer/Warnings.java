package dev.bulkhead.image.analyzer;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects per-file warnings, each prefixed with the file path, keeping at most a fixed number so
 * that a hostile file cannot flood a report. Shared by the OS and language-package analyzers.
 */
public final class Warnings {
  /** Maximum number of warnings kept per file; further ones are only counted. */
  public static final int MAX = 20;

  private final String path;
  private final List<String> kept = new ArrayList<>();
  private int dropped;

  /**
   * Creates an empty collector for one file.
   *
   * @param path the file path prepended to every warning
   */
  public Warnings(String path) {
    this.path = path;
  }

  /** Adds a warning; the path is prepended. */
  public void add(String message) {
    if (kept.size() < MAX) {
      kept.add(path + ": " + message);
    } else {
      dropped++;
    }
  }

  /** Returns the warnings, ending with a count of those dropped over the limit. */
  public List<String> list() {
    List<String> out = new ArrayList<>(kept);
    if (dropped > 0) {
      out.add(path + ": " + dropped + " more warnings not shown");
    }
    return out;
  }
}
