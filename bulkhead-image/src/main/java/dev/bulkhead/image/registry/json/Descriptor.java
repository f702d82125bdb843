package dev.bulkhead.image.registry.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Points to a blob or manifest by digest, as OCI content descriptors do.
 *
 * @param mediaType the media type of the referenced content
 * @param digest the content digest, {@code sha256:...}
 * @param size the content size in bytes
 * @param platform the platform of an index entry, or {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Descriptor(String mediaType, String digest, long size, PlatformJson platform) {}
