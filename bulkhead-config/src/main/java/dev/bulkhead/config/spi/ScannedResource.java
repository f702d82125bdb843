package dev.bulkhead.config.spi;

import dev.bulkhead.config.model.Location;
import dev.bulkhead.config.model.ResourceRef;

/**
 * A resource a scanner looked at, whether or not it broke a rule; compliance scores count them.
 *
 * @param resource the resource
 * @param location where it starts
 */
public record ScannedResource(ResourceRef resource, Location location) {}
