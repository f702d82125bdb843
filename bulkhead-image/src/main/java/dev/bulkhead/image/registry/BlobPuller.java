package dev.bulkhead.image.registry;

import dev.bulkhead.core.BulkheadException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Streams a blob ({@code GET /v2/<name>/blobs/<digest>}) to a reader, verifying its size and
 * SHA-256 on the fly; after the reader returns, the rest of the blob is read so the digest is
 * always checked, and a mismatch fails hard, whatever the reader did.
 *
 * @param <T> what the reader returns
 */
final class BlobPuller<T> implements RegistryEndpoint<T> {

  /** Reads a blob stream. */
  @FunctionalInterface
  interface BlobReader<T> {
    /** Reads as much of {@code blob} as needed. */
    T read(InputStream blob) throws IOException, BulkheadException;
  }

  private final ImageReference image;
  private final String what;
  private final String digest;
  private final long size;
  private final LongConsumer progress;
  private final BlobReader<T> reader;

  /**
   * Creates a puller.
   *
   * @param what what the blob is, e.g. {@code config} or {@code layer 2/5}, for messages
   * @param size the declared size, or -1
   */
  BlobPuller(
      ImageReference image,
      String what,
      String digest,
      long size,
      LongConsumer progress,
      BlobReader<T> reader) {
    this.image = image;
    this.what = what;
    this.digest = digest;
    this.size = size;
    this.progress = progress;
    this.reader = reader;
  }

  @Override
  public String actionDescription() {
    return "pull " + what + " " + digest + " of " + image.shortName() + " from " + image.registry();
  }

  @Override
  public String route() {
    return "/v2/" + image.repository() + "/blobs/" + digest;
  }

  @Override
  public List<String> accept() {
    return List.of();
  }

  @Override
  public String notFoundHint() {
    return "blob unknown: the registry lost a blob the manifest names; push the image again";
  }

  @Override
  public T handle(HttpResponse<InputStream> response) throws IOException, BulkheadException {
    long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
    if (size >= 0 && length > size) {
      throw mismatch("the registry announces " + length + " bytes, the manifest " + size);
    }
    VerifyingInputStream blob = new VerifyingInputStream(response.body(), digest, size, progress);
    T result;
    try {
      result = reader.read(blob);
    } catch (IOException | BulkheadException | RuntimeException e) {
      String problem = drainQuietly(blob);
      if (problem != null) {
        BulkheadException hard = mismatch(problem);
        hard.addSuppressed(e);
        throw hard;
      }
      throw e;
    }
    String problem = blob.drainAndCheck();
    if (problem != null) {
      throw mismatch(problem);
    }
    return result;
  }

  private static String drainQuietly(VerifyingInputStream blob) {
    try {
      return blob.drainAndCheck();
    } catch (IOException e) {
      return null;
    }
  }

  private BulkheadException mismatch(String problem) {
    return new BulkheadException(
        actionDescription()
            + " failed: "
            + problem
            + "; the blob is corrupt or was tampered with, do not trust this image");
  }
}
