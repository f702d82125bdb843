package dev.bulkhead.config.engine;

import dev.bulkhead.config.model.Location;

/**
 * A problem with one input that did not stop the scan: a file that cannot be parsed, is too large
 * or cannot be read. Line and column are 0 when unknown.
 */
public record ConfigWarning(Location location, String message) {}
