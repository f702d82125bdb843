package dev.bulkhead.image.registry;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.spi.Progress;
import dev.bulkhead.image.source.ImageMetadata;
import dev.bulkhead.image.source.ImageSource;

/** Reads an image from a registry over the OCI distribution API. */
public final class RegistrySource implements ImageSource {
  private final String reference;

  /** Creates a source for {@code [HOST[:PORT]/]REPO[:TAG|@DIGEST]}. */
  public RegistrySource(String reference, RegistryOptions options) {
    this.reference = reference;
  }

  @Override
  public ImageMetadata read(LayerHandler handler, Progress progress) throws BulkheadException {
    throw new BulkheadException("registry images are not supported yet: " + reference);
  }

  @Override
  public void close() {}
}
