package dev.bulkhead.vulndb.importer;

import dev.bulkhead.core.BulkheadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Imports advisory files and directories into a sink, telling each file's format from its content.
 *
 * <p>A directory is walked recursively (symbolic links are not followed) in name order: its OSV
 * files ({@code *.json}, {@code *.yaml}, {@code *.yml}) form one whole-feed source, while each
 * Debian tracker, Alpine secdb or OSV zip file in it is a source of its own.
 */
public final class Importers {
  private Importers() {}

  /**
   * Imports one path.
   *
   * @throws BulkheadException naming the file and the problem when it is missing, unreadable, of no
   *     known format, malformed as a whole, or over a size bound
   */
  public static void importPath(Path path, AdvisorySink sink, Consumer<String> progress)
      throws BulkheadException {
    if (Files.isDirectory(path)) {
      importDirectory(path, sink, progress);
    } else if (Files.isRegularFile(path)) {
      Format format = detect(path);
      if (format == Format.UNKNOWN) {
        throw new BulkheadException(
            "import "
                + path
                + " failed: not a Debian tracker JSON, Alpine secdb (JSON/YAML) or OSV"
                + " (JSON/YAML/zip) file");
      }
      importFile(path, format, sink, progress);
    } else {
      throw new BulkheadException("import " + path + " failed: no such file or directory");
    }
  }

  private static void importFile(
      Path file, Format format, AdvisorySink sink, Consumer<String> progress)
      throws BulkheadException {
    progress.accept("importing " + file + " (" + format.id() + ")");
    switch (format) {
      case DEBIAN_TRACKER:
        DebianTrackerImporter.importFile(file, sink, progress);
        break;
      case ALPINE_SECDB_JSON:
      case ALPINE_SECDB_YAML:
        AlpineSecdbImporter.importFile(file, format, sink);
        break;
      case OSV_ZIP:
        OsvImporter.importZip(file, sink, progress);
        break;
      case OSV_JSON:
      case OSV_YAML:
        OsvImporter.importFile(file, format, sink);
        break;
      default:
        throw new IllegalStateException("unhandled format " + format);
    }
  }

  private static void importDirectory(Path dir, AdvisorySink sink, Consumer<String> progress)
      throws BulkheadException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
          if (name.endsWith(".json")
              || name.endsWith(".yaml")
              || name.endsWith(".yml")
              || name.endsWith(".zip")) {
            files.add(p);
            if (files.size() > Limits.MAX_ENTRIES) {
              throw new BulkheadException(
                  "import " + dir + " failed: more than " + Limits.MAX_ENTRIES + " files");
            }
          }
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new BulkheadException(
          "import " + dir + " failed: cannot list it (" + OsvImporter.firstLine(e) + ")", e);
    }
    List<Path> osv = new ArrayList<>();
    for (Path file : files) {
      Format format = detect(file);
      if (format.isOsv()) {
        osv.add(file);
      } else if (format == Format.UNKNOWN) {
        sink.warn(file + ": not an advisory file Bulkhead reads; skipped");
      } else {
        importFile(file, format, sink, progress);
      }
    }
    if (!osv.isEmpty()) {
      progress.accept("importing " + osv.size() + " OSV files from " + dir);
      OsvImporter.importFiles(dir, osv, sink, progress);
    }
  }

  private static Format detect(Path file) throws BulkheadException {
    try {
      return FormatDetector.detect(file);
    } catch (IOException e) {
      throw new BulkheadException(
          "import " + file + " failed: cannot read (" + OsvImporter.firstLine(e) + ")", e);
    }
  }
}
