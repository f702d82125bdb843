package dev.bulkhead.config.k8s;

import java.util.List;

/**
 * One offending field found by a check.
 *
 * @param path where the field is, relative to the resource (a missing field: where it belongs)
 * @param message what is wrong, naming the container and value
 */
public record Violation(List<Object> path, String message) {
  public Violation {
    path = List.copyOf(path);
  }
}
