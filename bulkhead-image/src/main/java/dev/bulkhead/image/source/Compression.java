package dev.bulkhead.image.source;

import com.github.luben.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Detects gzip and zstd streams by their magic bytes and decompresses them. */
public final class Compression {
  private Compression() {}

  /** Names the compression a stream starts with. */
  public enum Kind {
    GZIP,
    ZSTD,
    NONE
  }

  /** Returns the compression of {@code in}, which must support mark/reset; it is not consumed. */
  public static Kind sniff(InputStream in) throws IOException {
    in.mark(4);
    byte[] head = in.readNBytes(4);
    in.reset();
    if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
      return Kind.GZIP;
    }
    if (head.length == 4
        && (head[0] & 0xff) == 0x28
        && (head[1] & 0xff) == 0xb5
        && (head[2] & 0xff) == 0x2f
        && (head[3] & 0xff) == 0xfd) {
      return Kind.ZSTD;
    }
    return Kind.NONE;
  }

  /**
   * Returns {@code raw} decompressed when it is gzip or zstd, else buffered as it is. Closing the
   * result closes {@code raw}.
   */
  public static InputStream decompress(InputStream raw) throws IOException {
    InputStream in = raw.markSupported() ? raw : new BufferedInputStream(raw, 65536);
    switch (sniff(in)) {
      case GZIP:
        return new BufferedInputStream(new GZIPInputStream(in, 65536), 65536);
      case ZSTD:
        return new BufferedInputStream(new ZstdInputStream(in), 65536);
      default:
        return in;
    }
  }
}
