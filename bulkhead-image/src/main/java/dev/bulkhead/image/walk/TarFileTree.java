package dev.bulkhead.image.walk;

import dev.bulkhead.image.source.FileEntry;
import dev.bulkhead.image.source.FileTree;
import dev.bulkhead.image.source.Streams;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Presents an uncompressed layer tar as a {@link FileTree}. */
final class TarFileTree implements FileTree {
  private final TarArchiveInputStream tar;

  TarFileTree(InputStream uncompressedTar) {
    this.tar = new TarArchiveInputStream(uncompressedTar);
  }

  private record TarEntry(
      String name, Kind kind, long size, int mode, String linkName, InputStream tar)
      implements FileEntry {
    @Override
    public InputStream open() {
      return Streams.nonClosing(tar);
    }
  }

  @Override
  public FileEntry next() throws IOException {
    TarArchiveEntry e = tar.getNextEntry();
    if (e == null) {
      return null;
    }
    FileEntry.Kind kind;
    if (e.isSymbolicLink()) {
      kind = FileEntry.Kind.SYMLINK;
    } else if (e.isLink()) {
      kind = FileEntry.Kind.HARDLINK;
    } else if (e.isDirectory()) {
      kind = FileEntry.Kind.DIRECTORY;
    } else if (e.isFile()) {
      kind = FileEntry.Kind.FILE;
    } else {
      kind = FileEntry.Kind.OTHER;
    }
    long size = kind == FileEntry.Kind.FILE ? e.getSize() : 0;
    String link = e.isSymbolicLink() || e.isLink() ? e.getLinkName() : null;
    return new TarEntry(e.getName(), kind, size, e.getMode() & 07777, link, tar);
  }
}
