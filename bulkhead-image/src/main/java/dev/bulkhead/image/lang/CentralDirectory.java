package dev.bulkhead.image.lang;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Reads the central directory of a zip archive held in memory and the data of single entries, so
 * that a Java archive can be identified without inflating every class in it.
 *
 * <p>Only what {@link JarScanner} needs: no zip64, no encryption; STORED and DEFLATED entries.
 * Every offset and size is checked against the array; anything else makes {@link #read} return null
 * so the caller falls back to streaming. Offsets are corrected for data prepended to the archive
 * (Spring Boot's launch script in "fully executable" jars).
 */
final class CentralDirectory {
  private static final int EOCD = 0x06054b50;
  private static final int CEN = 0x02014b50;
  private static final int LOC = 0x04034b50;

  private CentralDirectory() {}

  /** One central directory entry. */
  record Entry(String name, int method, long compressedSize, long size, long localOffset) {}

  /** Receives the number of inflated bytes; may throw to stop a zip bomb. */
  interface Spender {
    void spend(long n) throws IOException;
  }

  /** Returns the entries in directory order, or null when the directory cannot be used. */
  static List<Entry> read(byte[] b) {
    int len = b.length;
    int eocd = -1;
    for (int i = len - 22; i >= Math.max(0, len - 22 - 65_535); i--) {
      // The record must end the file exactly (with its comment), so that the end record of an
      // archive stored near the end of this one is never taken for ours.
      if (u32(b, i) == EOCD && i + 22L + u16(b, i + 20) == len) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) {
      return null;
    }
    int total = u16(b, eocd + 10);
    long cdSize = u32(b, eocd + 12);
    long cdOffset = u32(b, eocd + 16);
    if (total == 0xffff || cdSize == 0xffffffffL || cdOffset == 0xffffffffL) {
      return null; // zip64
    }
    long cdStart = eocd - cdSize;
    long shift = cdStart - cdOffset;
    if (cdStart < 0 || shift < 0) {
      return null;
    }
    List<Entry> out = new ArrayList<>(Math.min(total, 100_000));
    int p = (int) cdStart;
    for (int i = 0; i < total; i++) {
      if (p + 46 > eocd || u32(b, p) != CEN) {
        return null;
      }
      int flags = u16(b, p + 8);
      int method = u16(b, p + 10);
      long csize = u32(b, p + 20);
      long usize = u32(b, p + 24);
      int n = u16(b, p + 28);
      int extra = u16(b, p + 30);
      int comment = u16(b, p + 32);
      long local = u32(b, p + 42) + shift;
      if (p + 46L + n > eocd || (flags & 1) != 0 || local + 30 > len) {
        return null;
      }
      String name =
          new String(
              b,
              p + 46,
              n,
              (flags & 0x800) != 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
      out.add(new Entry(name, method, csize, usize, local));
      p += 46 + n + extra + comment;
    }
    return out;
  }

  /**
   * Returns an entry's bytes, or null when they exceed {@code max}.
   *
   * @throws IOException when the local header or the compressed data is damaged
   */
  static byte[] data(byte[] b, Entry e, int max, Spender budget) throws IOException {
    int start = dataStart(b, e);
    if (e.method() == 0) {
      if (e.compressedSize() > max) {
        return null;
      }
      budget.spend(e.compressedSize());
      return Arrays.copyOfRange(b, start, start + (int) e.compressedSize());
    }
    if (e.method() != 8) {
      throw new IOException("unsupported compression method " + e.method());
    }
    byte[] out = inflate(b, start, (int) e.compressedSize(), max + 1L, budget);
    return out.length > max ? null : out;
  }

  /** Returns a stream of an entry's uncompressed bytes, for entries too large to hold. */
  static InputStream stream(byte[] b, Entry e) throws IOException {
    int start = dataStart(b, e);
    InputStream raw = new ByteArrayInputStream(b, start, (int) e.compressedSize());
    if (e.method() == 0) {
      return raw;
    }
    if (e.method() != 8) {
      throw new IOException("unsupported compression method " + e.method());
    }
    return new InflaterInputStream(raw, new Inflater(true), 64 * 1024);
  }

  /** Returns at most {@code max} leading bytes of an entry (for truncated small files). */
  static byte[] prefix(byte[] b, Entry e, int max) throws IOException {
    int start = dataStart(b, e);
    if (e.method() == 0) {
      return Arrays.copyOfRange(b, start, start + (int) Math.min(max, e.compressedSize()));
    }
    return inflate(b, start, (int) e.compressedSize(), max, n -> {});
  }

  private static int dataStart(byte[] b, Entry e) throws IOException {
    long off = e.localOffset();
    if (off + 30 > b.length || u32(b, (int) off) != LOC) {
      throw new IOException("bad local header for " + e.name());
    }
    long start = off + 30 + u16(b, (int) off + 26) + u16(b, (int) off + 28);
    if (e.compressedSize() < 0 || start + e.compressedSize() > b.length) {
      throw new IOException("entry " + e.name() + " runs past the end of the archive");
    }
    return (int) start;
  }

  private static byte[] inflate(byte[] b, int start, int length, long limit, Spender budget)
      throws IOException {
    Inflater inf = new Inflater(true);
    try {
      inf.setInput(b, start, length);
      byte[] out = new byte[(int) Math.min(limit, Math.max(1024, Math.min(length * 4L, 1 << 20)))];
      int filled = 0;
      while (!inf.finished() && filled < limit) {
        if (filled == out.length) {
          out = Arrays.copyOf(out, (int) Math.min(limit, out.length * 2L));
        }
        int n = inf.inflate(out, filled, out.length - filled);
        if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
          break;
        }
        filled += n;
        budget.spend(n);
      }
      return filled == out.length ? out : Arrays.copyOf(out, filled);
    } catch (DataFormatException ex) {
      throw new IOException("damaged deflate data: " + ex.getMessage(), ex);
    } finally {
      inf.end();
    }
  }

  private static int u16(byte[] b, int i) {
    return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
  }

  private static long u32(byte[] b, int i) {
    return ((long) (b[i] & 0xff)
            | (long) (b[i + 1] & 0xff) << 8
            | (long) (b[i + 2] & 0xff) << 16
            | (long) (b[i + 3] & 0xff) << 24)
        & 0xffffffffL;
  }
}
