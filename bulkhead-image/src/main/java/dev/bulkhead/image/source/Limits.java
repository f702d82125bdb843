package dev.bulkhead.image.source;

/**
 * Bounds what a scan accepts from a (possibly hostile) image, so a crafted archive cannot exhaust
 * memory or time.
 *
 * @param maxLayers the most layers an image may have
 * @param maxEntriesPerLayer the most entries one layer (or directory) may hold
 * @param maxFileSize the largest file handed to an analyzer, in bytes
 * @param maxJsonSize the largest manifest, index or config JSON, in bytes
 */
public record Limits(int maxLayers, long maxEntriesPerLayer, long maxFileSize, int maxJsonSize) {

  /** The defaults: 1000 layers, 5 million entries per layer, 512 MiB files, 8 MiB JSON. */
  public static final Limits DEFAULTS = new Limits(1000, 5_000_000, 512L << 20, 8 << 20);
}
