package dev.bulkhead.image.registry;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.digest.Digests;
import dev.bulkhead.image.registry.json.Descriptor;
import dev.bulkhead.image.registry.json.ManifestJson;
import java.util.List;

/**
 * Resolves a reference to one image manifest: pulls it, and when it is an index or manifest list,
 * picks the platform's entry and pulls that by digest; then checks the manifest's shape.
 */
final class ManifestResolver {
  static final int MAX_LAYERS = 1000;
  private static final int MAX_INDEX_DEPTH = 2;
  private static final int MAX_INDEX_ENTRIES = 1000;

  private final RegistryClient client;
  private final ImageReference image;
  private final Platform platform;

  ManifestResolver(RegistryClient client, ImageReference image, Platform platform) {
    this.client = client;
    this.image = image;
    this.platform = platform;
  }

  /** Returns the image manifest for the platform. */
  PulledManifest resolve() throws BulkheadException {
    ManifestPuller puller = new ManifestPuller(image, image.manifestReference());
    PulledManifest manifest = client.call(puller);
    for (int depth = 0; manifest.isIndex(); depth++) {
      List<Descriptor> entries = manifest.json().manifests();
      String action = puller.actionDescription();
      if (depth >= MAX_INDEX_DEPTH) {
        throw new BulkheadException(action + " failed: indexes nest too deep; check the image");
      }
      if (entries == null || entries.isEmpty() || entries.size() > MAX_INDEX_ENTRIES) {
        throw new BulkheadException(
            action + " failed: the index lists no manifests or too many; check the image");
      }
      Descriptor chosen = platform.select(entries, action);
      if (!Digests.isSha256(chosen.digest())) {
        throw new BulkheadException(
            action + " failed: the index entry for " + platform + " has no sha256 digest");
      }
      puller = new ManifestPuller(image, chosen.digest());
      manifest = client.call(puller);
    }
    check(manifest.json(), puller.actionDescription());
    return manifest;
  }

  private static void check(ManifestJson json, String action) throws BulkheadException {
    Descriptor config = json.config();
    if (config == null || !Digests.isSha256(config.digest())) {
      throw new BulkheadException(
          action + " failed: the manifest has no config with a sha256 digest; check the image");
    }
    if (!MediaTypes.isConfig(config.mediaType())) {
      throw new BulkheadException(
          action
              + " failed: the config media type is "
              + config.mediaType()
              + ", so this is an artifact, not a container image");
    }
    List<Descriptor> layers = json.layers() == null ? List.of() : json.layers();
    if (layers.size() > MAX_LAYERS) {
      throw new BulkheadException(
          action + " failed: the manifest lists more than " + MAX_LAYERS + " layers");
    }
    for (Descriptor layer : layers) {
      if (layer == null || !Digests.isSha256(layer.digest()) || layer.size() < 0) {
        throw new BulkheadException(
            action + " failed: a layer has no sha256 digest or a negative size; check the image");
      }
    }
  }
}
