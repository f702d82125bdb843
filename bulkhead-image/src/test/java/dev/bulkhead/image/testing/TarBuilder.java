package dev.bulkhead.image.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Builds layer tars in memory with commons-compress, including hostile entries. */
public final class TarBuilder {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes);

  public TarBuilder() {
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
  }

  public TarBuilder file(String name, String content) {
    return file(name, content.getBytes(StandardCharsets.UTF_8));
  }

  public TarBuilder file(String name, byte[] content) {
    return file(name, content, 0644);
  }

  /** Adds a regular file with the given mode bits (e.g. {@code 04755} for setuid). */
  public TarBuilder file(String name, String content, int mode) {
    return file(name, content.getBytes(StandardCharsets.UTF_8), mode);
  }

  private TarBuilder file(String name, byte[] content, int mode) {
    try {
      TarArchiveEntry e = new TarArchiveEntry(name, true);
      e.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~07777 | mode);
      e.setSize(content.length);
      tar.putArchiveEntry(e);
      tar.write(content);
      tar.closeArchiveEntry();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public TarBuilder dir(String name) {
    return entry(new TarArchiveEntry(name.endsWith("/") ? name : name + "/", true));
  }

  /** Adds a directory with the given mode bits (e.g. {@code 0777}). */
  public TarBuilder dir(String name, int mode) {
    TarArchiveEntry e = new TarArchiveEntry(name.endsWith("/") ? name : name + "/", true);
    e.setMode(TarArchiveEntry.DEFAULT_DIR_MODE & ~07777 | mode);
    return entry(e);
  }

  public TarBuilder symlink(String name, String target) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK, true);
    e.setLinkName(target);
    return entry(e);
  }

  public TarBuilder hardlink(String name, String target) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_LINK, true);
    e.setLinkName(target);
    return entry(e);
  }

  public TarBuilder whiteout(String dir, String name) {
    return file((dir.isEmpty() ? "" : dir + "/") + ".wh." + name, new byte[0]);
  }

  public TarBuilder opaque(String dir) {
    return file(dir + "/.wh..wh..opq", new byte[0]);
  }

  private TarBuilder entry(TarArchiveEntry e) {
    try {
      tar.putArchiveEntry(e);
      tar.closeArchiveEntry();
      return this;
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /** Returns the finished tar. */
  public byte[] build() {
    try {
      tar.finish();
      tar.close();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns a tar whose only entry claims {@code size} bytes but holds none (a lying header). */
  public static byte[] lyingHeader(String name, long size) {
    TarArchiveEntry e = new TarArchiveEntry(name, true);
    e.setSize(size);
    byte[] header = new byte[512];
    e.writeEntryHeader(header);
    byte[] out = new byte[512 * 4];
    System.arraycopy(header, 0, out, 0, 512);
    return out;
  }
}
