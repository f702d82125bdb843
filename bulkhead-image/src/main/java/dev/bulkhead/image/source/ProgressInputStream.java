package dev.bulkhead.image.source;

import dev.bulkhead.core.spi.Progress;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reports every byte read through it to a {@link Progress}. */
public final class ProgressInputStream extends FilterInputStream {
  private final Progress progress;

  /** Wraps {@code in}, reporting reads to {@code progress}. */
  public ProgressInputStream(InputStream in, Progress progress) {
    super(in);
    this.progress = progress;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      progress.advance(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    if (n > 0) {
      progress.advance(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    if (skipped > 0) {
      progress.advance(skipped);
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
