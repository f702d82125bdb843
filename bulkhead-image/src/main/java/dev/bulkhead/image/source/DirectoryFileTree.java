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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Objects;
import java.util.Set;

/**
 * Walks a directory as a {@link FileTree}, depth first, never following symlinks nor crossing into
 * other mounted filesystems, and opening a file only when asked.
 */
final class DirectoryFileTree implements FileTree, Closeable {
  private static final Set<String> SYSTEM_DIRS = Set.of("proc", "sys", "dev");
  private static final int MAX_DEPTH = 256;

  private final Object rootDevice;
  private final boolean machineRoot;
  private final Deque<Frame> stack = new ArrayDeque<>();
  private int unreadable;
  private String firstUnreadable;
  private int tooDeep;

  private record Frame(DirectoryStream<Path> stream, Iterator<Path> it, String prefix) {}

  private record DirEntry(String name, Kind kind, long size, String linkName, Path path)
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
      BasicFileAttributes a;
      try {
        a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (IOException e) {
        noteUnreadable(rel, e);
        continue;
      }
      if (a.isDirectory()) {
        if (descends(p, rel)) {
          push(p, rel + "/");
        }
        return new DirEntry(rel, FileEntry.Kind.DIRECTORY, 0, null, p);
      }
      if (a.isSymbolicLink()) {
        String target = readLink(p);
        return new DirEntry(rel, FileEntry.Kind.SYMLINK, 0, target, p);
      }
      FileEntry.Kind kind = a.isRegularFile() ? FileEntry.Kind.FILE : FileEntry.Kind.OTHER;
      return new DirEntry(rel, kind, a.isRegularFile() ? a.size() : 0, null, p);
    }
    return null;
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
