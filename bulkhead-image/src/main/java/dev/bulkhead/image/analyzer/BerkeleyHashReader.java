package dev.bulkhead.image.analyzer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;
import java.util.function.Consumer;

/**
 * Reads the values of a Berkeley DB hash database (rpm's {@code Packages} before rpm 4.16), page by
 * page, without the Berkeley DB library.
 *
 * <p>Layout (from db-5.3 {@code dbinc/db_page.h}): page 0 is the hash metadata page (magic {@code
 * 0x061561} at byte 12, page size at 20, last page number at 32, in the byte order of the machine
 * that wrote it). Every other page starts with a 26-byte header (next page at 16, entry count at
 * 20, {@code hf_offset} at 22, page type at 25) followed by an array of 16-bit item offsets. Hash
 * pages (type 2 or 13) hold key/value items alternately; a value is either inline ({@code
 * H_KEYDATA}) or an {@code H_OFFPAGE} reference to a chain of overflow pages (type 7) whose {@code
 * hf_offset} is the count of bytes on that page. All pages are scanned in order, as rpm's own
 * read-only backend does; every offset and chain is bounds-checked.
 *
 * <p>Not supported: encrypted or checksummed databases, and duplicate items (rpm writes neither).
 */
final class BerkeleyHashReader {
  static final int HASH_MAGIC = 0x061561;
  private static final int PAGE_HEADER = 26;
  private static final int P_HASH_UNSORTED = 2;
  private static final int P_OVERFLOW = 7;
  private static final int P_HASHMETA = 8;
  private static final int P_HASH = 13;
  private static final int H_KEYDATA = 1;
  private static final int H_OFFPAGE = 3;

  private final FileChannel channel;
  private final int pageSize;
  private final long pageCount;
  private final ByteOrder order;

  private BerkeleyHashReader(FileChannel channel, int pageSize, long pageCount, ByteOrder order) {
    this.channel = channel;
    this.pageSize = pageSize;
    this.pageCount = pageCount;
    this.order = order;
  }

  /** Hands every value of at least 8 bytes and at most {@code maxBlob} bytes to {@code sink}. */
  static void read(Path file, int maxBlob, Consumer<byte[]> sink, Warnings warnings)
      throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer meta = ByteBuffer.allocate(512);
      if (ch.read(meta, 0) < 72) {
        warnings.add("too short for a Berkeley DB file");
        return;
      }
      ByteOrder order = ByteOrder.LITTLE_ENDIAN;
      if (meta.order(order).getInt(12) != HASH_MAGIC) {
        order = ByteOrder.BIG_ENDIAN;
        if (meta.order(order).getInt(12) != HASH_MAGIC) {
          warnings.add(
              "not a Berkeley DB hash database (bad magic); btree and ndb are unsupported");
          return;
        }
      }
      int pageSize = meta.getInt(20);
      if (pageSize < 512 || pageSize > 65536 || Integer.bitCount(pageSize) != 1) {
        warnings.add("Berkeley DB page size " + pageSize + " is invalid");
        return;
      }
      if (meta.get(24) != 0 || (meta.get(26) & 0x01) != 0 || meta.get(25) != P_HASHMETA) {
        warnings.add("encrypted or checksummed Berkeley DB is unsupported");
        return;
      }
      long lastPage = meta.getInt(32) & 0xffffffffL;
      long pageCount = Math.min(lastPage + 1, ch.size() / pageSize);
      new BerkeleyHashReader(ch, pageSize, pageCount, order).scan(maxBlob, sink, warnings);
    }
  }

  private void scan(int maxBlob, Consumer<byte[]> sink, Warnings warnings) throws IOException {
    ByteBuffer page = ByteBuffer.allocate(pageSize).order(order);
    for (long pgno = 1; pgno < pageCount; pgno++) {
      readPage(pgno, page);
      int type = page.get(25);
      if (type != P_HASH && type != P_HASH_UNSORTED) {
        continue;
      }
      int entries = page.getShort(20) & 0xffff;
      int inpEnd = PAGE_HEADER + 2 * entries;
      if (inpEnd > pageSize) {
        warnings.add("page " + pgno + " claims " + entries + " entries; skipped");
        continue;
      }
      for (int i = 1; i < entries; i += 2) {
        int off = page.getShort(PAGE_HEADER + 2 * i) & 0xffff;
        int end = page.getShort(PAGE_HEADER + 2 * (i - 1)) & 0xffff;
        if (off < inpEnd || off >= pageSize) {
          warnings.add("page " + pgno + " item " + i + " is out of bounds; skipped");
          continue;
        }
        int itemType = page.get(off);
        try {
          byte[] value;
          if (itemType == H_OFFPAGE && off + 12 <= pageSize) {
            value = overflow(page.getInt(off + 4) & 0xffffffffL, page.getInt(off + 8), maxBlob);
          } else if (itemType == H_KEYDATA && end > off && end <= pageSize) {
            value = new byte[end - off - 1];
            page.get(off + 1, value);
          } else {
            throw new MalformedDataException("item type " + itemType + " is unsupported");
          }
          if (value.length >= 8) {
            sink.accept(value);
          }
        } catch (MalformedDataException e) {
          warnings.add("page " + pgno + " item " + i + ": " + e.getMessage() + "; skipped");
        }
      }
    }
  }

  private byte[] overflow(long pgno, int length, int maxBlob)
      throws IOException, MalformedDataException {
    if (length < 0 || length > maxBlob) {
      throw new MalformedDataException("overflow value of " + length + " bytes is too large");
    }
    byte[] out = new byte[length];
    ByteBuffer page = ByteBuffer.allocate(pageSize).order(order);
    int pos = 0;
    BitSet visited = new BitSet();
    while (pos < length) {
      if (pgno < 1 || pgno >= pageCount) {
        throw new MalformedDataException("overflow chain leaves the file at page " + pgno);
      }
      if (visited.get((int) pgno)) {
        throw new MalformedDataException("overflow chain loops at page " + pgno);
      }
      visited.set((int) pgno);
      readPage(pgno, page);
      if (page.get(25) != P_OVERFLOW) {
        throw new MalformedDataException("overflow chain reaches a non-overflow page " + pgno);
      }
      int n = Math.min(page.getShort(22) & 0xffff, pageSize - PAGE_HEADER);
      n = Math.min(n, length - pos);
      if (n <= 0) {
        throw new MalformedDataException("overflow page " + pgno + " is empty");
      }
      page.get(PAGE_HEADER, out, pos, n);
      pos += n;
      pgno = page.getInt(16) & 0xffffffffL;
    }
    return out;
  }

  private void readPage(long pgno, ByteBuffer page) throws IOException {
    page.clear();
    long at = pgno * pageSize;
    while (page.hasRemaining()) {
      if (channel.read(page, at + page.position()) < 0) {
        throw new IOException("Berkeley DB file ends inside page " + pgno);
      }
    }
  }
}
