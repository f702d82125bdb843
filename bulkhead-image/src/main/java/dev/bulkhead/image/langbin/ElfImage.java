package dev.bulkhead.image.langbin;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads sections and mapped addresses of one ELF file (32 or 64 bit, either byte order) that has
 * been spooled from a stream, since the section header table sits at the end of the file while the
 * sections it describes come before it. Files up to {@link #IN_MEMORY} bytes (nearly every
 * executable) are held in memory; larger ones go to a private temporary file.
 *
 * <p>Every offset and size read from the file is checked against the file length; a violation
 * throws {@link ElfFormatException}. {@link #close} deletes the temporary file.
 */
final class ElfImage implements Closeable {
  /** ELF files larger than this are not spooled. */
  static final long MAX_BYTES = 512L * 1024 * 1024;

  private static final int PT_LOAD = 1;

  /** ELF files up to this size are spooled into memory instead of a temporary file. */
  static final int IN_MEMORY = 24 * 1024 * 1024;

  private final Path file;
  private final FileChannel channel;
  private final byte[] memory;
  private final long length;
  private final boolean is64;
  private final ByteOrder order;
  private final List<Section> sections = new ArrayList<>();
  private final List<long[]> loads = new ArrayList<>();

  /** One section header: its name, file offset, size and virtual address. */
  record Section(String name, int type, long offset, long size, long addr) {}

  private ElfImage(Path file, FileChannel channel, byte[] memory, long length) throws IOException {
    this.file = file;
    this.channel = channel;
    this.memory = memory;
    this.length = length;
    byte[] ident = read(0, 16);
    if (ident[4] != 1 && ident[4] != 2) {
      throw new ElfFormatException("unknown ELF class " + ident[4]);
    }
    is64 = ident[4] == 2;
    order = ident[5] == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    ByteBuffer h = buffer(0, is64 ? 64 : 52);
    long phoff = is64 ? h.getLong(32) : Integer.toUnsignedLong(h.getInt(28));
    long shoff = is64 ? h.getLong(40) : Integer.toUnsignedLong(h.getInt(32));
    int base = is64 ? 54 : 42;
    int phentsize = Short.toUnsignedInt(h.getShort(base));
    int phnum = Short.toUnsignedInt(h.getShort(base + 2));
    int shentsize = Short.toUnsignedInt(h.getShort(base + 4));
    int shnum = Short.toUnsignedInt(h.getShort(base + 6));
    int shstrndx = Short.toUnsignedInt(h.getShort(base + 8));
    readProgramHeaders(phoff, phentsize, phnum);
    readSectionHeaders(shoff, shentsize, shnum, shstrndx);
  }

  /**
   * Spools the stream (into memory, or a temporary file when large) when it starts with the ELF
   * magic.
   *
   * @return the image, or null when the stream is not ELF or is larger than {@link #MAX_BYTES}
   * @throws ElfFormatException when the headers are damaged
   */
  static ElfImage spool(InputStream in) throws IOException {
    return spool(in, -1);
  }

  /**
   * Spools like {@link #spool(InputStream)}; a known {@code size} lets a file that fits in memory
   * be read into one array of exactly that size.
   */
  static ElfImage spool(InputStream in, long size) throws IOException {
    byte[] magic = in.readNBytes(4);
    if (magic.length < 4
        || magic[0] != 0x7f
        || magic[1] != 'E'
        || magic[2] != 'L'
        || magic[3] != 'F') {
      return null;
    }
    // Read into memory first; only a file larger than IN_MEMORY spills to a temporary file.
    byte[] buf = new byte[size > 4 && size <= IN_MEMORY ? (int) size : 256 * 1024];
    System.arraycopy(magic, 0, buf, 0, 4);
    int filled = 4;
    while (true) {
      if (filled == buf.length) {
        if (buf.length >= IN_MEMORY) {
          return spill(buf, in);
        }
        buf = Arrays.copyOf(buf, Math.min(buf.length * 2, IN_MEMORY));
      }
      int n = in.read(buf, filled, buf.length - filled);
      if (n < 0) {
        break;
      }
      filled += n;
    }
    return new ElfImage(null, null, buf, filled);
  }

  private static ElfImage spill(byte[] head, InputStream in) throws IOException {
    Path tmp = Files.createTempFile("bulkhead-elf-", ".bin");
    boolean ok = false;
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        out.write(head);
        byte[] buf = new byte[64 * 1024];
        long total = head.length;
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
          total += n;
          if (total > MAX_BYTES) {
            return null;
          }
          out.write(buf, 0, n);
        }
      }
      FileChannel ch = FileChannel.open(tmp, StandardOpenOption.READ);
      try {
        ElfImage image = new ElfImage(tmp, ch, null, ch.size());
        ok = true;
        return image;
      } finally {
        if (!ok) {
          ch.close();
        }
      }
    } finally {
      if (!ok) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  private void readProgramHeaders(long phoff, int phentsize, int phnum) throws IOException {
    if (phnum == 0) {
      return;
    }
    if (phentsize < (is64 ? 56 : 32)) {
      throw new ElfFormatException("program header entry size " + phentsize + " is too small");
    }
    for (int i = 0; i < phnum; i++) {
      ByteBuffer p = buffer(phoff + (long) i * phentsize, is64 ? 56 : 32);
      if (p.getInt(0) != PT_LOAD) {
        continue;
      }
      long offset = is64 ? p.getLong(8) : Integer.toUnsignedLong(p.getInt(4));
      long vaddr = is64 ? p.getLong(16) : Integer.toUnsignedLong(p.getInt(8));
      long filesz = is64 ? p.getLong(32) : Integer.toUnsignedLong(p.getInt(16));
      loads.add(new long[] {vaddr, offset, filesz});
    }
  }

  private void readSectionHeaders(long shoff, int shentsize, int shnum, int shstrndx)
      throws IOException {
    if (shnum == 0 || shoff == 0) {
      return;
    }
    int entry = is64 ? 64 : 40;
    if (shentsize < entry) {
      throw new ElfFormatException("section header entry size " + shentsize + " is too small");
    }
    if (shstrndx >= shnum) {
      throw new ElfFormatException("section name table index " + shstrndx + " is out of range");
    }
    long[][] raw = new long[shnum][];
    for (int i = 0; i < shnum; i++) {
      ByteBuffer s = buffer(shoff + (long) i * shentsize, entry);
      long name = Integer.toUnsignedLong(s.getInt(0));
      long type = Integer.toUnsignedLong(s.getInt(4));
      long addr = is64 ? s.getLong(16) : Integer.toUnsignedLong(s.getInt(12));
      long offset = is64 ? s.getLong(24) : Integer.toUnsignedLong(s.getInt(16));
      long size = is64 ? s.getLong(32) : Integer.toUnsignedLong(s.getInt(20));
      raw[i] = new long[] {name, type, addr, offset, size};
    }
    long[] strtab = raw[shstrndx];
    checkRange(strtab[3], strtab[4]);
    byte[] names = read(strtab[3], (int) Math.min(strtab[4], 1 << 20));
    for (long[] r : raw) {
      sections.add(new Section(cString(names, r[0]), (int) r[1], r[3], r[4], r[2]));
    }
  }

  private static String cString(byte[] table, long start) {
    if (start < 0 || start >= table.length) {
      return "";
    }
    int end = (int) start;
    while (end < table.length && table[end] != 0 && end - start < 256) {
      end++;
    }
    return new String(table, (int) start, end - (int) start, StandardCharsets.ISO_8859_1);
  }

  /** Returns the first section with the given name, or null. */
  Section section(String name) {
    for (Section s : sections) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    return null;
  }

  /** Tells whether the file is 64-bit. */
  boolean is64() {
    return is64;
  }

  /** Returns the file's byte order. */
  ByteOrder order() {
    return order;
  }

  /** Returns the file offset of a virtual address inside a loaded segment, or -1. */
  long offsetOf(long vaddr) {
    for (long[] l : loads) {
      if (Long.compareUnsigned(vaddr, l[0]) >= 0 && Long.compareUnsigned(vaddr - l[0], l[2]) < 0) {
        return l[1] + (vaddr - l[0]);
      }
    }
    return -1;
  }

  /** Reads exactly {@code n} bytes at a file offset. */
  byte[] read(long offset, int n) throws IOException {
    checkRange(offset, n);
    if (memory != null) {
      return Arrays.copyOfRange(memory, (int) offset, (int) offset + n);
    }
    ByteBuffer b = ByteBuffer.allocate(n);
    while (b.hasRemaining()) {
      if (channel.read(b, offset + b.position()) < 0) {
        throw new ElfFormatException("unexpected end of file at offset " + offset);
      }
    }
    return b.array();
  }

  /** Reads a section's bytes, refusing sections larger than {@code max}. */
  byte[] read(Section s, int max) throws IOException {
    if (s.size() < 0 || s.size() > max) {
      throw new ElfFormatException(
          "section " + s.name() + " is " + s.size() + " bytes, more than " + max);
    }
    return read(s.offset(), (int) s.size());
  }

  private ByteBuffer buffer(long offset, int n) throws IOException {
    return ByteBuffer.wrap(read(offset, n)).order(order);
  }

  private void checkRange(long offset, long n) throws ElfFormatException {
    if (offset < 0 || n < 0 || offset > length || n > length - offset) {
      throw new ElfFormatException(
          "range " + offset + "+" + n + " lies outside the " + length + "-byte file");
    }
  }

  @Override
  public void close() throws IOException {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** Signals a damaged ELF structure; analyzers turn it into a warning. */
  static final class ElfFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    ElfFormatException(String message) {
      super(message);
    }
  }
}
