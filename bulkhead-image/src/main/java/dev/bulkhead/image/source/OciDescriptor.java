package dev.bulkhead.image.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds one OCI content descriptor.
 *
 * @param mediaType the media type, or {@code null}
 * @param digest the content digest
 * @param size the content size in bytes, or -1
 * @param refName the {@code org.opencontainers.image.ref.name} annotation, or {@code null}
 * @param platform the platform as declared (not normalised), or {@code null}
 */
record OciDescriptor(
    String mediaType, String digest, long size, String refName, Platform platform) {
  static final String REF_NAME = "org.opencontainers.image.ref.name";

  /** Reads a descriptor object. */
  static OciDescriptor of(JsonNode node) {
    JsonNode p = node.path("platform");
    Platform platform = null;
    if (p.isObject()) {
      platform =
          new Platform(Json.text(p, "os"), Json.text(p, "architecture"), Json.text(p, "variant"));
    }
    return new OciDescriptor(
        Json.text(node, "mediaType"),
        Json.text(node, "digest"),
        node.path("size").asLong(-1),
        Json.text(node.path("annotations"), REF_NAME),
        platform);
  }

  /** Reads every descriptor of an array field. */
  static List<OciDescriptor> listOf(JsonNode array) {
    List<OciDescriptor> out = new ArrayList<>();
    for (JsonNode item : array) {
      out.add(of(item));
    }
    return out;
  }

  /** Tells whether this descriptor points at an image index or manifest list. */
  boolean isIndex() {
    return mediaType != null
        && (mediaType.equals("application/vnd.oci.image.index.v1+json")
            || mediaType.equals("application/vnd.docker.distribution.manifest.list.v2+json"));
  }

  /** Tells whether this descriptor's ref name matches the tag the user gave. */
  boolean matchesTag(String tag) {
    return refName != null && (refName.equals(tag) || refName.endsWith(":" + tag));
  }
}
