package dev.bulkhead.image.registry;

import java.util.List;

/** Names the manifest, config and layer media types of Docker and OCI images. */
final class MediaTypes {
  static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
  static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
  static final String DOCKER_MANIFEST_LIST =
      "application/vnd.docker.distribution.manifest.list.v2+json";
  static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
  static final String DOCKER_SCHEMA1 = "application/vnd.docker.distribution.manifest.v1";

  /** The manifest types this client understands, for {@code Accept}. */
  static final List<String> MANIFESTS =
      List.of(OCI_INDEX, DOCKER_MANIFEST_LIST, OCI_MANIFEST, DOCKER_MANIFEST);

  private MediaTypes() {}

  /** Tells whether {@code type} is an image index or a manifest list. */
  static boolean isIndex(String type) {
    return OCI_INDEX.equals(type) || DOCKER_MANIFEST_LIST.equals(type);
  }

  /** Tells whether {@code type} is a single-platform image manifest. */
  static boolean isManifest(String type) {
    return OCI_MANIFEST.equals(type) || DOCKER_MANIFEST.equals(type);
  }

  /** Tells whether {@code type} is an image config, or unset (some registries omit it). */
  static boolean isConfig(String type) {
    return type == null || OCI_CONFIG.equals(type) || DOCKER_CONFIG.equals(type);
  }

  /** Strips parameters such as {@code ; charset=utf-8} from a Content-Type value. */
  static String base(String contentType) {
    if (contentType == null) {
      return null;
    }
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi)).trim();
  }
}
