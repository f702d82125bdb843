package dev.bulkhead.image.registry;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/**
 * Names how a layer blob is compressed and opens its tar stream. The media type says what to
 * expect; the magic bytes decide, so a mislabelled or unknown-typed blob still reads.
 */
enum LayerCompression {
  GZIP,
  ZSTD,
  NONE;

  private static final int BUFFER = 64 * 1024;

  /** Returns the compression the media type declares, or {@code null} when it says nothing. */
  static LayerCompression fromMediaType(String mediaType) {
    if (mediaType == null) {
      return null;
    }
    if (mediaType.endsWith("+gzip") || mediaType.endsWith(".tar.gzip")) {
      return GZIP;
    }
    if (mediaType.endsWith("+zstd") || mediaType.endsWith(".tar.zstd")) {
      return ZSTD;
    }
    if (mediaType.endsWith(".tar") || mediaType.endsWith(".v1.tar")) {
      return NONE;
    }
    return null;
  }

  /** Returns the compression that {@code header} (the first bytes of a blob) shows. */
  static LayerCompression sniff(byte[] header, int length) {
    if (length >= 2 && (header[0] & 0xff) == 0x1f && (header[1] & 0xff) == 0x8b) {
      return GZIP;
    }
    if (length >= 4
        && (header[0] & 0xff) == 0x28
        && (header[1] & 0xff) == 0xb5
        && (header[2] & 0xff) == 0x2f
        && (header[3] & 0xff) == 0xfd) {
      return ZSTD;
    }
    return NONE;
  }

  /** Opens the uncompressed tar of {@code blob}; closing the result does not close {@code blob}. */
  static InputStream open(InputStream blob, String mediaType) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(new NonClosing(blob), BUFFER);
    buffered.mark(4);
    byte[] header = new byte[4];
    int length = buffered.readNBytes(header, 0, 4);
    buffered.reset();
    LayerCompression sniffed = sniff(header, length);
    LayerCompression declared = fromMediaType(mediaType);
    // A zstd stream may open with a skippable frame, whose magic differs; trust the type then.
    LayerCompression chosen = sniffed == NONE && declared == ZSTD ? ZSTD : sniffed;
    return switch (chosen) {
      case GZIP -> new GZIPInputStream(buffered, BUFFER);
      case ZSTD -> new ZstdCompressorInputStream(buffered);
      case NONE -> buffered;
    };
  }

  /** Shields a stream from {@code close()}, so the caller can still drain and verify it. */
  private static final class NonClosing extends FilterInputStream {
    NonClosing(InputStream in) {
      super(in);
    }

    @Override
    public void close() {}
  }
}
