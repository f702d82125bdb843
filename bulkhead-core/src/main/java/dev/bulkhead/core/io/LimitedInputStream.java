package dev.bulkhead.core.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes bytes through until a limit, then fails with a {@link LimitExceededException} naming what
 * was being read, so that a hostile file or payload cannot make a reader run without bound.
 *
 * <p>Bytes read and bytes skipped both count. The wrapped stream is closed with this one.
 */
public final class LimitedInputStream extends FilterInputStream {
  private final long limit;
  private final String what;
  private long count;

  /**
   * Wraps a stream.
   *
   * @param in the stream to read
   * @param limit the most bytes that may pass
   * @param what names the content for the error message, e.g. a file path
   */
  public LimitedInputStream(InputStream in, long limit, String what) {
    super(in);
    this.limit = limit;
    this.what = what;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    count(skipped);
    return skipped;
  }

  private void count(long n) throws LimitExceededException {
    count += n;
    if (count > limit) {
      throw new LimitExceededException(what + " is larger than the limit of " + limit + " bytes");
    }
  }

  /** Signals that more bytes than the limit were read or skipped. */
  public static final class LimitExceededException extends IOException {
    private static final long serialVersionUID = 1L;

    LimitExceededException(String message) {
      super(message);
    }
  }
}
