package dev.bulkhead.image.registry;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.digest.Digests;
import dev.bulkhead.image.registry.json.Descriptor;
import dev.bulkhead.image.registry.json.ManifestJson;
import dev.bulkhead.image.registry.json.PlatformJson;
import dev.bulkhead.image.source.Platform;
import java.util.List;
import java.util.stream.Collectors;

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
      Descriptor chosen = select(platform, entries, action);
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

  /**
   * Returns the first index entry for {@code platform}.
   *
   * @param action what is being done, for the error message
   * @throws BulkheadException when no entry matches; the message lists the platforms there are
   */
  static Descriptor select(Platform platform, List<Descriptor> entries, String action)
      throws BulkheadException {
    for (Descriptor entry : entries) {
      PlatformJson p = entry.platform();
      if (p != null && platform.matches(p.os(), p.architecture(), p.variant())) {
        return entry;
      }
    }
    String available =
        entries.stream()
            .map(Descriptor::platform)
            .filter(p -> p != null && Platform.isListed(p.os()))
            .map(PlatformJson::toString)
            .distinct()
            .collect(Collectors.joining(", "));
    throw new BulkheadException(
        action
            + " failed: the image has no "
            + platform
            + " variant; pass --platform with one of: "
            + (available.isEmpty() ? "(none listed)" : available));
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
