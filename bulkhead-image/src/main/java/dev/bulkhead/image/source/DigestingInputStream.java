package dev.bulkhead.image.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Feeds every byte that passes through it to a message digest. Unlike {@link
 * java.security.DigestInputStream}, skipping reads the bytes, so a reader that skips (as tar
 * readers do over unwanted entries) cannot leave them out of the digest.
 */
public final class DigestingInputStream extends FilterInputStream {
  private final MessageDigest md;

  /** Wraps {@code in}, digesting into {@code md}. */
  public DigestingInputStream(InputStream in, MessageDigest md) {
    super(in);
    this.md = md;
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) {
      md.update((byte) b);
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n = in.read(buf, off, len);
    if (n > 0) {
      md.update(buf, off, n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buf = new byte[(int) Math.min(Math.max(n, 0), 65536)];
    long done = 0;
    while (done < n) {
      int r = read(buf, 0, (int) Math.min(buf.length, n - done));
      if (r < 0) {
        break;
      }
      done += r;
    }
    return done;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public synchronized void mark(int readlimit) {}

  @Override
  public synchronized void reset() throws IOException {
    throw new IOException("mark/reset not supported");
  }
}
