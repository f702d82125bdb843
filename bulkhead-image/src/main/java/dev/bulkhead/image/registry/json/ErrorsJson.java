package dev.bulkhead.image.registry.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * Holds a registry error body, {@code {"errors":[{"code":...,"message":...}]}}.
 *
 * @param errors the errors, or {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ErrorsJson(List<Problem> errors) {

  /**
   * Describes one registry error.
   *
   * @param code the error code, e.g. {@code MANIFEST_UNKNOWN}
   * @param message the human-readable message
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Problem(String code, String message) {}
}
