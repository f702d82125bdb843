package dev.bulkhead.vulndb.model;

import java.util.List;

/**
 * Holds one OSV range: its type ({@code ECOSYSTEM}, {@code SEMVER}, {@code GIT}) and its events.
 */
public record Range(String type, List<Event> events) {

  /** Normalises the list to an immutable copy. */
  public Range {
    events = events == null ? List.of() : List.copyOf(events);
  }

  /**
   * Holds one OSV range event.
   *
   * @param kind {@code introduced}, {@code fixed}, {@code last_affected} or {@code limit}
   * @param version the version the event names
   */
  public record Event(String kind, String version) {}
}
