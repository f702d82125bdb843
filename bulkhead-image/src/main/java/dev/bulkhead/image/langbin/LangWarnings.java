package dev.bulkhead.image.langbin;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects per-file warnings, each prefixed with the file path, keeping at most a fixed number so
 * that a hostile file cannot flood a report.
 */
final class LangWarnings {
  static final int MAX = 20;

  private final String path;
  private final List<String> kept = new ArrayList<>();
  private int dropped;

  LangWarnings(String path) {
    this.path = path;
  }

  /** Adds a warning; the path is prepended. */
  void add(String message) {
    if (kept.size() < MAX) {
      kept.add(path + ": " + message);
    } else {
      dropped++;
    }
  }

  /** Returns the warnings, ending with a count of those dropped over the limit. */
  List<String> list() {
    List<String> out = new ArrayList<>(kept);
    if (dropped > 0) {
      out.add(path + ": " + dropped + " more warnings not shown");
    }
    return out;
  }
}
