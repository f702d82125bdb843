package dev.bulkhead.image.source;

import java.io.IOException;
import java.io.InputStream;

/** Describes one entry of a {@link FileTree} and opens its content on demand. */
public interface FileEntry {

  /** Tells what kind of filesystem object an entry is. */
  enum Kind {
    FILE,
    DIRECTORY,
    SYMLINK,
    HARDLINK,
    OTHER
  }

  /** Returns the name as stored (possibly with a leading {@code ./} or {@code /}). */
  String name();

  /** Returns the kind of entry. */
  Kind kind();

  /** Returns the content size in bytes (0 for anything but a regular file). */
  long size();

  /**
   * Returns the Unix mode bits: permissions plus setuid (04000), setgid (02000) and sticky (01000);
   * 0 when the storage does not say.
   */
  int mode();

  /** Returns the link target of a symlink or hard link, else {@code null}. */
  String linkName();

  /**
   * Opens the content of a regular file; valid until the next call to {@link FileTree#next}. The
   * caller closes the stream; closing it does not close the tree.
   */
  InputStream open() throws IOException;
}
