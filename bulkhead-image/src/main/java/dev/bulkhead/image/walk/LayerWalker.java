package dev.bulkhead.image.walk;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.spi.Analyzer;
import dev.bulkhead.core.spi.ContentScanner;
import dev.bulkhead.core.spi.FileMeta;
import dev.bulkhead.image.source.FileEntry;
import dev.bulkhead.image.source.FileTree;
import dev.bulkhead.image.source.Limits;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks one layer's entries: normalises and checks each path, records whiteouts, and hands each
 * regular file once to every analyzer and content scanner that accepts it (and each directory to
 * the scanners that want directories), keeping only the results.
 */
final class LayerWalker {
  private static final String WHITEOUT = ".wh.";
  private static final String OPAQUE = ".wh..wh..opq";
  private static final String AUFS_META = ".wh..wh.";

  private final String image;
  private final List<Analyzer> analyzers;
  private final Limits limits;
  private final ContentScans content;

  LayerWalker(String image, List<Analyzer> analyzers, Limits limits, ContentScans content) {
    this.image = image;
    this.analyzers = List.copyOf(analyzers);
    this.limits = limits;
    this.content = content;
  }

  /**
   * Walks {@code tree} to its end and returns what the layer contributes.
   *
   * @param layer names the layer in messages
   * @param directory whether the tree is a directory (read failures are then per file)
   * @throws BulkheadException when an entry is hostile: a path escaping the root, a file too large
   *     for an analyzer, too many entries
   */
  LayerScan walk(FileTree tree, String layer, boolean directory) throws BulkheadException {
    LayerScan scan = new LayerScan();
    scan.directory = directory;
    // Every tar layer remembers its entries so a later merge can tell which lower directories it
    // replaced with a non-directory; a directory source is a single layer and needs them only for
    // content scanners.
    scan.entries = directory && content.isEmpty() ? null : content.newPathSet();
    FileAnalysis analysis = new FileAnalysis(directory);
    long count = 0;
    try {
      for (FileEntry entry = tree.next(); entry != null; entry = tree.next()) {
        if (++count > limits.maxEntriesPerLayer()) {
          throw refuse(
              layer, entry.name(), "the layer has more than " + limits.maxEntriesPerLayer());
        }
        visit(entry, layer, scan, analysis);
      }
    } catch (IOException e) {
      scan.warnings.add(
          image
              + ": layer "
              + layer
              + " is truncated or corrupt after "
              + count
              + " entries ("
              + e.getMessage()
              + "); reporting what it held before that");
    }
    return scan;
  }

  private void visit(FileEntry entry, String layer, LayerScan scan, FileAnalysis analysis)
      throws IOException, BulkheadException {
    String path = EntryPaths.normalise(entry.name());
    if (path == null) {
      throw refuse(layer, entry.name(), "its path escapes the filesystem root");
    }
    if (path.isEmpty()) {
      return;
    }
    String base = EntryPaths.baseName(path);
    if (base.startsWith(WHITEOUT)) {
      whiteout(path, base, layer, scan);
      return;
    }
    if (scan.entries != null) {
      scan.entries.add(path, entry.kind() == FileEntry.Kind.DIRECTORY);
    }
    switch (entry.kind()) {
      case FILE:
        analyse(entry, path, layer, scan, analysis);
        break;
      case DIRECTORY:
        if (!content.isEmpty()) {
          FileMeta meta = new FileMeta(path, 0, entry.mode(), FileMeta.Type.DIRECTORY);
          content.scanDirectory(meta, scan.directory ? null : layer, scan);
        }
        break;
      default:
        // A link or device replaces whatever this layer put at or below its path before it; links
        // are not followed. Lower layers' files below it are hidden in MergedState.
        hideBelow(path, scan);
        if (accepting(path, 0).isEmpty()) {
          break;
        }
        // A link or device over an analysed path hides the file below it.
        scan.removed.add(path);
        scan.results.keySet().removeIf(k -> k.path().equals(path));
        if (entry.kind() == FileEntry.Kind.HARDLINK) {
          scan.warnings.add(
              image + ": layer " + layer + ": hard link " + path + " is not followed");
        }
        break;
    }
  }

  private static void hideBelow(String path, LayerScan scan) {
    if (!scan.results.isEmpty()) {
      String prefix = path + "/";
      scan.results.keySet().removeIf(k -> k.path().startsWith(prefix));
    }
  }

  private void whiteout(String path, String base, String layer, LayerScan scan)
      throws BulkheadException {
    String dir = EntryPaths.parent(path);
    if (base.equals(OPAQUE)) {
      scan.opaque.add(dir);
    } else if (!base.startsWith(AUFS_META)) {
      String name = base.substring(WHITEOUT.length());
      if (name.isEmpty() || name.equals(".") || name.equals("..")) {
        throw refuse(layer, path, "it is a whiteout without a valid target");
      }
      scan.removed.add(EntryPaths.join(dir, name));
    }
  }

  private void analyse(
      FileEntry entry, String path, String layer, LayerScan scan, FileAnalysis analysis)
      throws IOException, BulkheadException {
    List<Analyzer> wanted = accepting(path, entry.size());
    String where = scan.directory ? null : layer;
    List<ContentScanner> scanners = List.of();
    FileMeta meta = null;
    if (!content.isEmpty()) {
      meta = new FileMeta(path, entry.size(), entry.mode(), FileMeta.Type.FILE);
      scanners = content.accepting(meta, where);
    }
    if (wanted.isEmpty() && scanners.isEmpty()) {
      return;
    }
    if (entry.size() > limits.maxFileSize()) {
      if (!wanted.isEmpty()) {
        throw refuse(
            layer,
            path,
            "it is "
                + entry.size()
                + " bytes, more than the "
                + limits.maxFileSize()
                + " an analyzer may read");
      }
      content.tooLarge(path, where, entry.size(), limits.maxFileSize());
      return;
    }
    List<FileAnalysis.Consumer> consumers = new ArrayList<>(wanted.size() + scanners.size());
    for (Analyzer a : wanted) {
      consumers.add(new AnalyzerConsumer(a, path, layer, scan, image));
    }
    for (ContentScanner s : scanners) {
      consumers.add(content.consumer(s, meta, where, scan));
    }
    analysis.run(
        entry,
        consumers,
        e -> {
          if (wanted.isEmpty()) {
            content.unreadable(path, where, e);
          } else {
            scan.warnings.add(image + ": cannot read " + path + " in layer " + layer + ": " + e);
          }
        });
  }

  private List<Analyzer> accepting(String path, long size) {
    List<Analyzer> wanted = new ArrayList<>(1);
    for (Analyzer a : analyzers) {
      if (a.accepts(path, size)) {
        wanted.add(a);
      }
    }
    return wanted;
  }

  private BulkheadException refuse(String layer, String entry, String why) {
    return new BulkheadException(
        "refusing image "
            + image
            + ": layer "
            + layer
            + ", entry '"
            + entry
            + "': "
            + why
            + "; the image is corrupt or hostile");
  }
}
