package dev.bulkhead.image.registry;

import dev.bulkhead.core.digest.DigestingInputStream;
import dev.bulkhead.core.digest.Digests;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/**
 * Hashes a blob while it is read, refuses more bytes than the descriptor declares and, at the end,
 * compares size and SHA-256 with the descriptor. A mismatch throws at end of stream and is also
 * remembered, so the caller can fail hard even when a reader swallowed the exception.
 */
final class VerifyingInputStream extends DigestingInputStream {
  private final String expectedDigest;
  private final long expectedSize;
  private final LongConsumer onRead;
  private long count;
  private String actualDigest;
  private String problem;

  /**
   * Wraps {@code in}.
   *
   * @param expectedSize the declared size, or -1 when unknown
   * @param onRead receives the number of bytes of each read, for progress
   */
  VerifyingInputStream(
      InputStream in, String expectedDigest, long expectedSize, LongConsumer onRead) {
    super(in, Digests.sha256());
    this.expectedDigest = expectedDigest;
    this.expectedSize = expectedSize;
    this.onRead = onRead;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (actualDigest != null) {
      return finish();
    }
    int n = super.read(b, off, len);
    if (n < 0) {
      actualDigest = Digests.format(digest());
      return finish();
    }
    count += n;
    onRead.accept(n);
    if (expectedSize >= 0 && count > expectedSize) {
      problem = "the registry sent more than the " + expectedSize + " bytes the manifest declares";
      throw new BlobMismatchException(problem);
    }
    return n;
  }

  private int finish() throws IOException {
    if (problem == null && !expectedDigest.equals(actualDigest)) {
      problem = "digest mismatch, the registry sent " + count + " bytes hashing to " + actualDigest;
    } else if (problem == null && expectedSize >= 0 && count != expectedSize) {
      problem = "size mismatch, the registry sent " + count + " of " + expectedSize + " bytes";
    }
    if (problem != null) {
      throw new BlobMismatchException(problem);
    }
    return -1;
  }

  /**
   * Reads to the end so the digest is checked; returns the mismatch found, or {@code null}.
   *
   * @throws IOException when reading fails for another reason
   */
  String drainAndCheck() throws IOException {
    byte[] buffer = new byte[64 * 1024];
    try {
      while (read(buffer, 0, buffer.length) >= 0) {
        // Reads on; the digest is checked at end of stream.
      }
    } catch (BlobMismatchException e) {
      return problem;
    }
    return problem;
  }

  /** Signals that a blob's bytes do not match its descriptor. */
  static final class BlobMismatchException extends IOException {
    private static final long serialVersionUID = 1L;

    BlobMismatchException(String message) {
      super(message);
    }
  }
}
