package dev.bulkhead.runtime.source;

import dev.bulkhead.core.BulkheadException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Lists the recording files a source path names: the file itself, or matching files below it. */
final class Files2 {
  private Files2() {}

  /**
   * Returns {@code path} when it is a file, else the regular non-hidden files below it that {@code
   * accept} their name, sorted by path.
   *
   * @throws BulkheadException if the path is missing, or holds more than {@code max} files
   */
  static List<Path> recordings(Path path, Predicate<String> accept, int max, String what)
      throws BulkheadException {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    if (!Files.isDirectory(path)) {
      throw new BulkheadException(path + ": no such file or directory; pass " + what);
    }
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(path, 16)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        String name = p.getFileName().toString();
        if (!name.startsWith(".") && Files.isRegularFile(p) && accept.test(name)) {
          files.add(p);
          if (files.size() > max) {
            throw new BulkheadException(path + ": more than " + max + " recordings");
          }
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw new BulkheadException(path + ": cannot list: " + e.getMessage(), e);
    }
    files.sort(null);
    return files;
  }

  /** Returns the id of {@code file} below {@code root}: its relative path with / separators. */
  static String id(Path root, Path file) {
    if (root.equals(file)) {
      return file.getFileName().toString();
    }
    return AdfaLdSource.relativeId(root, file);
  }
}
