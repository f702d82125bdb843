package dev.bulkhead.image.langbin;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the Go version and module information string that the Go linker writes into the {@code
 * .go.buildinfo} section, following Go's <a
 * href="https://github.com/golang/go/blob/master/src/debug/buildinfo/buildinfo.go">debug/buildinfo</a>.
 *
 * <p>The section starts with the 14-byte magic {@code "\xff Go buildinf:"}, a pointer size byte and
 * a flags byte. With flag bit 1 set (Go 1.18 and later) two varint-length-prefixed strings follow
 * at offset 32: the version and the module info. Otherwise (before 1.18) two pointers at offset 16
 * point to Go string headers elsewhere in the file; they are followed through the loaded segments
 * on a best-effort basis. The module info is framed by 16 sentinel bytes on each side, removed
 * here.
 *
 * @param goVersion e.g. {@code go1.19.8}
 * @param modInfo the tab-separated {@code path}/{@code mod}/{@code dep}/{@code =>}/{@code build}
 *     lines, possibly empty
 */
record GoBuildInfo(String goVersion, String modInfo) {
  static final String SECTION = ".go.buildinfo";
  static final int MAX_STRING = 4 * 1024 * 1024;
  private static final byte[] MAGIC = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);
  private static final int FLAG_BIG_ENDIAN = 1;
  private static final int FLAG_INLINE = 2;

  /** Returns the build info of an ELF file, or null when it has no {@code .go.buildinfo}. */
  static GoBuildInfo read(ElfImage elf) throws IOException {
    ElfImage.Section s = elf.section(SECTION);
    if (s == null) {
      return null;
    }
    byte[] head = elf.read(s.offset(), (int) Math.min(Math.max(s.size(), 0), 32));
    if (head.length < 32 || !Arrays.equals(Arrays.copyOf(head, MAGIC.length), MAGIC)) {
      throw new ElfImage.ElfFormatException(SECTION + " does not start with the Go magic");
    }
    int ptrSize = head[14];
    int flags = head[15];
    if ((flags & FLAG_INLINE) != 0) {
      long[] pos = {s.offset() + 32};
      long end = s.offset() + s.size();
      String version = utf8(inlineBytes(elf, pos, end));
      byte[] mod = inlineBytes(elf, pos, end);
      return new GoBuildInfo(version, stripSentinels(mod));
    }
    if (ptrSize != 4 && ptrSize != 8) {
      throw new ElfImage.ElfFormatException("pointer size " + ptrSize + " is neither 4 nor 8");
    }
    ByteOrder order =
        (flags & FLAG_BIG_ENDIAN) != 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    ByteBuffer b = ByteBuffer.wrap(head).order(order);
    long versionAddr = ptrSize == 8 ? b.getLong(16) : Integer.toUnsignedLong(b.getInt(16));
    long modAddr =
        ptrSize == 8 ? b.getLong(16 + 8) : Integer.toUnsignedLong(b.getInt(16 + ptrSize));
    String version = utf8(pointedBytes(elf, versionAddr, ptrSize, order));
    byte[] mod = pointedBytes(elf, modAddr, ptrSize, order);
    return new GoBuildInfo(version, stripSentinels(mod));
  }

  /** Reads one unsigned varint-prefixed string and advances {@code pos[0]} past it. */
  private static byte[] inlineBytes(ElfImage elf, long[] pos, long end) throws IOException {
    long length = 0;
    int shift = 0;
    while (true) {
      if (pos[0] >= end) {
        throw new ElfImage.ElfFormatException("varint runs past the end of " + SECTION);
      }
      int b = elf.read(pos[0]++, 1)[0] & 0xff;
      if (shift > 28) {
        throw new ElfImage.ElfFormatException("varint in " + SECTION + " is too long");
      }
      length |= (long) (b & 0x7f) << shift;
      shift += 7;
      if ((b & 0x80) == 0) {
        break;
      }
    }
    if (length > MAX_STRING || length > end - pos[0]) {
      throw new ElfImage.ElfFormatException(
          "string of " + length + " bytes does not fit in " + SECTION);
    }
    byte[] bytes = elf.read(pos[0], (int) length);
    pos[0] += length;
    return bytes;
  }

  /** Follows a pointer to a Go string header {@code (data, len)} and reads the string. */
  private static byte[] pointedBytes(ElfImage elf, long addr, int ptrSize, ByteOrder order)
      throws IOException {
    long headerOffset = elf.offsetOf(addr);
    if (headerOffset < 0) {
      throw new ElfImage.ElfFormatException("address 0x" + Long.toHexString(addr) + " is unmapped");
    }
    ByteBuffer h = ByteBuffer.wrap(elf.read(headerOffset, 2 * ptrSize)).order(order);
    long data = ptrSize == 8 ? h.getLong(0) : Integer.toUnsignedLong(h.getInt(0));
    long length = ptrSize == 8 ? h.getLong(8) : Integer.toUnsignedLong(h.getInt(4));
    if (length == 0) {
      return new byte[0];
    }
    if (length < 0 || length > MAX_STRING) {
      throw new ElfImage.ElfFormatException("string length " + length + " is out of range");
    }
    long dataOffset = elf.offsetOf(data);
    if (dataOffset < 0) {
      throw new ElfImage.ElfFormatException("address 0x" + Long.toHexString(data) + " is unmapped");
    }
    return elf.read(dataOffset, (int) length);
  }

  /** Removes the 16-byte sentinels Go puts around the module info, when present. */
  static String stripSentinels(byte[] mod) {
    if (mod.length >= 33 && mod[mod.length - 17] == '\n') {
      return new String(mod, 16, mod.length - 32, StandardCharsets.UTF_8);
    }
    return "";
  }

  private static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
