package dev.bulkhead.image.walk;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.spi.AnalysisResult;
import dev.bulkhead.core.spi.Analyzer;
import dev.bulkhead.image.source.FileEntry;
import dev.bulkhead.image.source.FileTree;
import dev.bulkhead.image.source.Limits;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks one layer's entries: normalises and checks each path, records whiteouts, and hands each
 * regular file once to every analyzer that accepts it, keeping only the results.
 */
final class LayerWalker {
  private static final String WHITEOUT = ".wh.";
  private static final String OPAQUE = ".wh..wh..opq";
  private static final String AUFS_META = ".wh..wh.";

  private final String image;
  private final List<Analyzer> analyzers;
  private final Limits limits;

  LayerWalker(String image, List<Analyzer> analyzers, Limits limits) {
    this.image = image;
    this.analyzers = List.copyOf(analyzers);
    this.limits = limits;
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
    FileAnalysis analysis = new FileAnalysis(image, layer, directory, scan.warnings);
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
      scan.complete = false;
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
    switch (entry.kind()) {
      case FILE:
        analyse(entry, path, layer, scan, analysis);
        break;
      case DIRECTORY:
        break;
      default:
        if (accepting(path, 0).isEmpty()) {
          break;
        }
        // A link or device over an analysed path hides the file below it; links are not followed.
        scan.removed.add(path);
        scan.results.keySet().removeIf(k -> k.path().equals(path));
        if (entry.kind() == FileEntry.Kind.HARDLINK) {
          scan.warnings.add(
              image + ": layer " + layer + ": hard link " + path + " is not followed");
        }
        break;
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
    if (wanted.isEmpty()) {
      return;
    }
    if (entry.size() > limits.maxFileSize()) {
      throw refuse(
          layer,
          path,
          "it is "
              + entry.size()
              + " bytes, more than the "
              + limits.maxFileSize()
              + " an analyzer may read");
    }
    for (var result : analysis.run(entry, path, wanted).entrySet()) {
      AnalysisResult r = result.getValue();
      scan.results.put(new ResultKey(result.getKey(), path), r);
    }
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
