package dev.bulkhead.image.langbin;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails with {@link CapException} once more than a fixed number of bytes has been read. */
final class CappedInputStream extends FilterInputStream {
  private final long cap;
  private long count;

  CappedInputStream(InputStream in, long cap) {
    super(in);
    this.cap = cap;
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
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  private void count(int n) throws CapException {
    count += n;
    if (count > cap) {
      throw new CapException("more than " + cap + " bytes");
    }
  }

  /** Signals that the cap was passed. */
  static final class CapException extends IOException {
    private static final long serialVersionUID = 1L;

    CapException(String message) {
      super(message);
    }
  }
}
