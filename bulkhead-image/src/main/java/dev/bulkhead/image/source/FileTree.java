package dev.bulkhead.image.source;

import java.io.IOException;

/**
 * Iterates over the entries of one filesystem layer, whether a tar stream or a directory, so the
 * layer walker treats both alike.
 */
public interface FileTree {

  /**
   * Returns the next entry, or {@code null} at the end. The previous entry's content becomes
   * invalid.
   *
   * @throws IOException when the underlying storage fails (a truncated tar, an unreadable directory
   *     that stops the walk)
   */
  FileEntry next() throws IOException;
}
