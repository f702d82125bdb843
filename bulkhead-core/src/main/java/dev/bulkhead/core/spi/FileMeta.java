package dev.bulkhead.core.spi;

/**
 * Describes one entry of a layer or directory.
 *
 * @param path the path relative to the root, without a leading slash
 * @param size the size in bytes (0 for directories)
 * @param mode the Unix permission bits including setuid (04000), setgid (02000) and sticky (01000)
 * @param type the entry type
 */
public record FileMeta(String path, long size, int mode, Type type) {

  /** The kinds of entry a scanner may see. */
  public enum Type {
    FILE,
    DIRECTORY
  }

  /** Returns true for setuid or setgid regular files. */
  public boolean isSetuidOrSetgid() {
    return type == Type.FILE && (mode & 06000) != 0;
  }

  /** Returns true when any execute bit is set. */
  public boolean isExecutable() {
    return (mode & 0111) != 0;
  }

  /** Returns true when others may write (o+w). */
  public boolean isWorldWritable() {
    return (mode & 0002) != 0;
  }
}
