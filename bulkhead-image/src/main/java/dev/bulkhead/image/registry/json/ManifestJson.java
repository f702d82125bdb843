package dev.bulkhead.image.registry.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * Holds an image manifest (config and layers) or an image index (manifests); Docker and OCI share
 * the field names.
 *
 * @param schemaVersion 2 for every supported format
 * @param mediaType the media type the document declares, or {@code null}
 * @param config the image config descriptor of a manifest
 * @param layers the layer descriptors of a manifest, bottom first
 * @param manifests the entries of an index
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ManifestJson(
    int schemaVersion,
    String mediaType,
    Descriptor config,
    List<Descriptor> layers,
    List<Descriptor> manifests) {}
