package dev.bulkhead.core.digest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Feeds every byte that passes through it to a message digest. Unlike {@link
 * java.security.DigestInputStream}, skipping reads the bytes, so a reader that skips (as tar
 * readers do over unwanted entries) cannot leave them out of the digest.
 *
 * <p>{@link #read()} and {@link #skip(long)} both go through {@link #read(byte[], int, int)}, so a
 * subclass that overrides that one method sees every byte.
 */
public class DigestingInputStream extends FilterInputStream {
  private final MessageDigest md;
  private final byte[] single = new byte[1];

  /** Wraps {@code in}, digesting into {@code md}. */
  public DigestingInputStream(InputStream in, MessageDigest md) {
    super(in);
    this.md = md;
  }

  /** Returns the digest the bytes read so far went into. */
  public final MessageDigest digest() {
    return md;
  }

  @Override
  public int read() throws IOException {
    int n;
    do {
      n = read(single, 0, 1);
    } while (n == 0);
    return n < 0 ? -1 : single[0] & 0xff;
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
  public final boolean markSupported() {
    return false;
  }

  @Override
  public final synchronized void mark(int readlimit) {}

  @Override
  public final synchronized void reset() throws IOException {
    throw new IOException("mark/reset not supported");
  }
}
