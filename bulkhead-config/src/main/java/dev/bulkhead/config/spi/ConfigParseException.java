package dev.bulkhead.config.spi;

import dev.bulkhead.config.model.ConfigFinding;
import dev.bulkhead.config.model.Location;
import java.util.List;

/** A file that cannot be parsed; becomes a warning with its position, other files go on. */
public final class ConfigParseException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Location location;
  private final transient List<ConfigFinding> partialFindings;

  public ConfigParseException(Location location, String message) {
    this(location, message, List.of());
  }

  /**
   * A parse failure after some of the file was checked (for example a broken third document of a
   * multi-document file): the engine reports {@code partialFindings} and the warning.
   */
  public ConfigParseException(
      Location location, String message, List<ConfigFinding> partialFindings) {
    super(message);
    this.location = location;
    this.partialFindings = List.copyOf(partialFindings);
  }

  /** Where parsing failed. */
  public Location location() {
    return location;
  }

  /** Findings from the part of the file read before the failure; empty by default. */
  public List<ConfigFinding> partialFindings() {
    return partialFindings == null ? List.of() : partialFindings;
  }
}
