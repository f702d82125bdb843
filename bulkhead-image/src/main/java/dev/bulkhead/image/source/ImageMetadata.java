package dev.bulkhead.image.source;

import java.util.List;

/**
 * Describes an image as its manifest and config do.
 *
 * @param target the image as the user named it
 * @param configDigest the digest of the image config (the image id), or {@code null} for a
 *     directory
 * @param layers the layers, bottom first
 * @param configJson the raw image config JSON, or {@code null} for a directory (or when the source
 *     could not find it, with a warning saying so)
 * @param warnings problems the source met that did not stop it (a truncated archive, other images
 *     in the same archive), each naming the image
 */
public record ImageMetadata(
    String target,
    String configDigest,
    List<LayerDescriptor> layers,
    byte[] configJson,
    List<String> warnings) {

  /** Normalises the lists to immutable copies. */
  public ImageMetadata {
    layers = List.copyOf(layers);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  /** Creates metadata without warnings. */
  public ImageMetadata(
      String target, String configDigest, List<LayerDescriptor> layers, byte[] configJson) {
    this(target, configDigest, layers, configJson, List.of());
  }

  /**
   * Describes one layer as the manifest lists it.
   *
   * @param key the key the source passes to {@link ImageSource.LayerHandler#layer}
   * @param digest the blob digest as stored ({@code sha256:...}), or {@code null} when unknown
   * @param mediaType the layer media type, or {@code null}
   * @param size the blob size in bytes, or -1
   */
  public record LayerDescriptor(String key, String digest, String mediaType, long size) {}
}
