package dev.bulkhead.image.walk;

import dev.bulkhead.core.ContentFinding;
import dev.bulkhead.core.spi.ContentScanner;
import dev.bulkhead.core.spi.FileMeta;
import dev.bulkhead.core.spi.ImageMetadataView;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the content scanners of one walk on layer entries and on the image metadata, keeping their
 * findings per layer and turning their failures into warnings: the first {@value
 * #WARNINGS_PER_SCANNER} per scanner in full, the rest as one summary line.
 */
final class ContentScans {
  static final int WARNINGS_PER_SCANNER = 20;

  /** The most findings one walk keeps; a hostile image cannot grow memory past it. */
  static final int MAX_FINDINGS = 100_000;

  private final String image;
  private final List<ContentScanner> scanners;
  private final PathSet.Hasher hasher;
  private final Map<String, Integer> problems = new LinkedHashMap<>();
  private final List<String> warnings = new ArrayList<>();
  private int findings;
  private long dropped;

  ContentScans(String image, List<ContentScanner> scanners) {
    this.image = image;
    this.scanners = List.copyOf(scanners);
    this.hasher = new PathSet.Hasher();
  }

  boolean isEmpty() {
    return scanners.isEmpty();
  }

  /** Returns a new, empty path set for one layer, salted for this walk. */
  PathSet newPathSet() {
    return new PathSet(hasher);
  }

  /** Returns the scanners that want {@code meta}; a scanner whose check throws is skipped. */
  List<ContentScanner> accepting(FileMeta meta, String layer) {
    List<ContentScanner> wanted = new ArrayList<>(scanners.size());
    for (ContentScanner s : scanners) {
      try {
        if (s.accepts(meta)) {
          wanted.add(s);
        }
      } catch (RuntimeException e) {
        problem(s.id(), "scanner " + s.id() + " failed on " + where(meta.path(), layer) + ": " + e);
      }
    }
    return wanted;
  }

  /**
   * Returns a consumer that runs {@code scanner} on a file and keeps its findings in {@code scan}.
   */
  FileAnalysis.Consumer consumer(
      ContentScanner scanner, FileMeta meta, String layer, LayerScan scan) {
    return new FileAnalysis.Consumer() {
      @Override
      public void read(InputStream in, long size) throws IOException {
        keep(scanner, meta.path(), scanner.scan(meta, in), scan);
      }

      @Override
      public void unreadable(IOException e) {
        skipped(scanner, meta.path(), layer, e);
      }

      @Override
      public void crashed(RuntimeException e) {
        failed(scanner, meta.path(), layer, e);
      }
    };
  }

  /** Hands a directory entry, with an empty stream, to each scanner that wants it. */
  void scanDirectory(FileMeta meta, String layer, LayerScan scan) {
    for (ContentScanner s : accepting(meta, layer)) {
      try {
        keep(s, meta.path(), s.scan(meta, InputStream.nullInputStream()), scan);
      } catch (IOException e) {
        skipped(s, meta.path(), layer, e);
      } catch (RuntimeException e) {
        failed(s, meta.path(), layer, e);
      }
    }
  }

  /** Records that a file wanted by scanners could not be read at all. */
  void unreadable(String path, String layer, IOException e) {
    problem("", "cannot read " + where(path, layer) + " for content scanning: " + e.getMessage());
  }

  /** Records that a file is too large to hand to scanners. */
  void tooLarge(String path, String layer, long size, long max) {
    problem(
        "",
        "not scanning "
            + where(path, layer)
            + " for content: it is "
            + size
            + " bytes, more than the "
            + max
            + " a scanner may read");
  }

  /** Runs every scanner once on the image metadata; findings have no layer and are present. */
  List<ContentFinding> scanMetadata(ImageMetadataView metadata) {
    List<ContentFinding> out = new ArrayList<>();
    for (ContentScanner s : scanners) {
      try {
        List<ContentFinding> found = s.scanMetadata(metadata);
        if (found != null) {
          found.forEach(f -> out.add(f.inLayer(null, ContentFinding.PRESENT, null)));
        }
      } catch (RuntimeException e) {
        warnings.add(image + ": scanner " + s.id() + " failed on the image metadata: " + e);
      }
    }
    return out;
  }

  /** Returns the warnings met, with one summary line per scanner that had too many. */
  List<String> warnings() {
    List<String> out = new ArrayList<>(warnings);
    problems.forEach(
        (id, count) -> {
          if (count > WARNINGS_PER_SCANNER) {
            out.add(
                image
                    + ": ... and "
                    + (count - WARNINGS_PER_SCANNER)
                    + " more files "
                    + (id.isEmpty() ? "not scanned for content" : "skipped by " + id));
          }
        });
    if (dropped > 0) {
      out.add(
          image
              + ": more than "
              + MAX_FINDINGS
              + " content findings; "
              + dropped
              + " more were dropped");
    }
    return out;
  }

  private void keep(ContentScanner scanner, String path, List<ContentFinding> found, LayerScan s) {
    if (found == null) {
      return;
    }
    for (ContentFinding f : found) {
      if (findings >= MAX_FINDINGS) {
        dropped++;
      } else {
        findings++;
        s.content.add(new ScannedFinding(scanner, path, f));
      }
    }
  }

  private void skipped(ContentScanner scanner, String path, String layer, IOException e) {
    problem(
        scanner.id(),
        "scanner " + scanner.id() + " skipped " + where(path, layer) + ": " + e.getMessage());
  }

  private void failed(ContentScanner scanner, String path, String layer, RuntimeException e) {
    problem(
        scanner.id(), "scanner " + scanner.id() + " failed on " + where(path, layer) + ": " + e);
  }

  private void problem(String bucket, String warning) {
    int count = problems.merge(bucket, 1, Integer::sum);
    if (count <= WARNINGS_PER_SCANNER) {
      warnings.add(image + ": " + warning);
    }
  }

  private static String where(String path, String layer) {
    return layer == null ? path : path + " in layer " + layer;
  }
}
