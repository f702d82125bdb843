package dev.bulkhead.image.source;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Walks a directory as a {@link FileTree}, depth first, never following symlinks nor crossing into
 * other mounted filesystems, and opening a file only when asked.
 */
final class DirectoryFileTree implements FileTree, Closeable {
  private static final Set<String> SYSTEM_DIRS = Set.of("proc", "sys", "dev");
  private static final int MAX_DEPTH = 256;
  private static final String UNIX_ATTRIBUTES =
      "unix:mode,size,isDirectory,isSymbolicLink,isRegularFile";

  private final Object rootDevice;
  private final boolean machineRoot;
  private final boolean unixView;
  private final boolean posixView;
  private final Deque<Frame> stack = new ArrayDeque<>();
  private int unreadable;
  private String firstUnreadable;
  private int tooDeep;

  private record Frame(DirectoryStream<Path> stream, Iterator<Path> it, String prefix) {}

  private record DirEntry(String name, Kind kind, long size, int mode, String linkName, Path path)
      implements FileEntry {
    @Override
    public InputStream open() throws IOException {
      return Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS);
    }
  }

  DirectoryFileTree(Path root) throws IOException {
    Path real = root.toRealPath();
    this.rootDevice = device(real);
    this.machineRoot = real.getParent() == null;
    Set<String> views = real.getFileSystem().supportedFileAttributeViews();
    this.unixView = views.contains("unix");
    this.posixView = views.contains("posix");
    push(real, "");
  }

  @Override
  public FileEntry next() throws IOException {
    while (!stack.isEmpty()) {
      Frame top = stack.peek();
      Path p;
      try {
        if (!top.it().hasNext()) {
          stack.pop().stream().close();
          continue;
        }
        p = top.it().next();
      } catch (DirectoryIteratorException e) {
        noteUnreadable(top.prefix(), e.getCause());
        stack.pop().stream().close();
        continue;
      }
      String rel = top.prefix() + p.getFileName();
      Attributes a;
      try {
        a = attributes(p);
      } catch (IOException e) {
        noteUnreadable(rel, e);
        continue;
      }
      if (a.directory()) {
        if (descends(p, rel)) {
          push(p, rel + "/");
        }
        return new DirEntry(rel, FileEntry.Kind.DIRECTORY, 0, a.mode(), null, p);
      }
      if (a.symlink()) {
        String target = readLink(p);
        return new DirEntry(rel, FileEntry.Kind.SYMLINK, 0, a.mode(), target, p);
      }
      boolean regular = a.regular();
      FileEntry.Kind kind = regular ? FileEntry.Kind.FILE : FileEntry.Kind.OTHER;
      return new DirEntry(rel, kind, regular ? a.size() : 0, a.mode(), null, p);
    }
    return null;
  }

  private record Attributes(
      boolean directory, boolean symlink, boolean regular, long size, int mode) {}

  /**
   * Reads the attributes of {@code p} without following links, with one {@code lstat}: the {@code
   * unix} view's mode keeps setuid, setgid and sticky, which POSIX permissions drop.
   */
  private Attributes attributes(Path p) throws IOException {
    if (unixView) {
      Map<String, Object> a = Files.readAttributes(p, UNIX_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
      return new Attributes(
          Boolean.TRUE.equals(a.get("isDirectory")),
          Boolean.TRUE.equals(a.get("isSymbolicLink")),
          Boolean.TRUE.equals(a.get("isRegularFile")),
          a.get("size") instanceof Long size ? size : 0,
          a.get("mode") instanceof Integer mode ? mode & 07777 : 0);
    }
    BasicFileAttributes b;
    int mode = 0;
    if (posixView) {
      PosixFileAttributes posix =
          Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      mode = bits(posix.permissions());
      b = posix;
    } else {
      b = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }
    return new Attributes(b.isDirectory(), b.isSymbolicLink(), b.isRegularFile(), b.size(), mode);
  }

  private static int bits(Set<PosixFilePermission> permissions) {
    int mode = 0;
    for (PosixFilePermission perm : permissions) {
      // The enum lists OWNER_READ ... OTHERS_EXECUTE, i.e. from bit 8 down to bit 0.
      mode |= 1 << (8 - perm.ordinal());
    }
    return mode;
  }

  /** Returns a warning summarising the directories that could not be read, or {@code null}. */
  String problems(String target) {
    StringBuilder sb = new StringBuilder();
    if (unreadable > 0) {
      sb.append(target)
          .append(": ")
          .append(unreadable)
          .append(" paths could not be read and were skipped (first: ")
          .append(firstUnreadable)
          .append(')');
    }
    if (tooDeep > 0) {
      sb.append(sb.length() > 0 ? "; " : target + ": ")
          .append(tooDeep)
          .append(" directories nested deeper than ")
          .append(MAX_DEPTH)
          .append(" were skipped");
    }
    return sb.length() == 0 ? null : sb.toString();
  }

  private boolean descends(Path dir, String rel) {
    if (machineRoot && SYSTEM_DIRS.contains(rel)) {
      return false;
    }
    if (stack.size() >= MAX_DEPTH) {
      tooDeep++;
      return false;
    }
    try {
      return Objects.equals(device(dir), rootDevice);
    } catch (IOException e) {
      noteUnreadable(rel, e);
      return false;
    }
  }

  private void push(Path dir, String prefix) {
    try {
      DirectoryStream<Path> stream = Files.newDirectoryStream(dir);
      stack.push(new Frame(stream, stream.iterator(), prefix));
    } catch (IOException e) {
      noteUnreadable(prefix.isEmpty() ? dir.toString() : prefix, e);
    }
  }

  private void noteUnreadable(String what, Throwable e) {
    if (unreadable++ == 0) {
      firstUnreadable = what + ": " + e;
    }
  }

  private static String readLink(Path p) {
    try {
      return Files.readSymbolicLink(p).toString();
    } catch (IOException e) {
      return null;
    }
  }

  private static Object device(Path p) throws IOException {
    try {
      return Files.getAttribute(p, "unix:dev", LinkOption.NOFOLLOW_LINKS);
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      return Files.getFileStore(p).name();
    }
  }

  @Override
  public void close() throws IOException {
    while (!stack.isEmpty()) {
      stack.pop().stream().close();
    }
  }
}
