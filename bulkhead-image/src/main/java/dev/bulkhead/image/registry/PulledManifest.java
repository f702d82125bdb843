package dev.bulkhead.image.registry;

import dev.bulkhead.image.registry.json.ManifestJson;

/**
 * Holds a manifest or index as pulled.
 *
 * @param mediaType the media type from the response or the document
 * @param digest the verified digest of the raw bytes
 * @param json the parsed document
 */
record PulledManifest(String mediaType, String digest, ManifestJson json) {

  /** Tells whether this is an image index or manifest list. */
  boolean isIndex() {
    return MediaTypes.isIndex(mediaType);
  }
}
