package dev.bulkhead.config.spi;

import dev.bulkhead.config.model.Location;

/** A file that cannot be parsed; becomes a warning with its position, other files go on. */
public final class ConfigParseException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Location location;

  public ConfigParseException(Location location, String message) {
    super(message);
    this.location = location;
  }

  /** Where parsing failed. */
  public Location location() {
    return location;
  }
}
