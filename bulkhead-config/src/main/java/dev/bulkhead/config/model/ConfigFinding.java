package dev.bulkhead.config.model;

import dev.bulkhead.core.Severity;
import java.util.Objects;

/**
 * One rule violated at one place.
 *
 * @param rule the rule
 * @param severity effective severity (the rule's, unless a config file changed it)
 * @param location file, line and column of the offending field
 * @param resource the resource, or {@code null} for file-level findings
 * @param message what is wrong in this resource, naming the field and value
 * @param suppression why the finding is suppressed, or {@code null} when it counts
 */
public record ConfigFinding(
    Rule rule,
    Severity severity,
    Location location,
    ResourceRef resource,
    String message,
    Suppression suppression) {
  public ConfigFinding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
  }

  /** A finding at the rule's default severity, not suppressed. */
  public static ConfigFinding of(
      Rule rule, Location location, ResourceRef resource, String message) {
    return new ConfigFinding(rule, rule.severity(), location, resource, message, null);
  }

  /** This finding marked as suppressed. */
  public ConfigFinding suppressed(Suppression why) {
    return new ConfigFinding(rule, severity, location, resource, message, why);
  }

  /** This finding with another severity. */
  public ConfigFinding withSeverity(Severity s) {
    return new ConfigFinding(rule, s, location, resource, message, suppression);
  }
}
