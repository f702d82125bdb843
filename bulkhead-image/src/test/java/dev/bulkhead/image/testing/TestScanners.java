package dev.bulkhead.image.testing;

import dev.bulkhead.core.ContentFinding;
import dev.bulkhead.core.Severity;
import dev.bulkhead.core.spi.ContentScanner;
import dev.bulkhead.core.spi.FileMeta;
import dev.bulkhead.core.spi.ImageMetadataView;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Small content scanners for walker tests (the real ones live in bulkhead-secrets, which image must
 * not depend on).
 */
public final class TestScanners {
  private TestScanners() {}

  /**
   * Reports each line holding {@code MARKER}, in files and in the config's Env and history; a file
   * starting {@code SKIP} makes it throw an IOException (as a size cap does), {@code CRASH} a
   * RuntimeException. Records every entry it was offered.
   */
  public static final class Marker implements ContentScanner {
    /** Every entry offered to {@link #scan}, as {@code path:size:mode(octal):TYPE}. */
    public final List<String> seen = Collections.synchronizedList(new ArrayList<>());

    /** The metadata views given to {@link #scanMetadata}. */
    public final List<ImageMetadataView> metadata = Collections.synchronizedList(new ArrayList<>());

    private final boolean directories;

    /** Creates a scanner of files only, or of directories too. */
    public Marker(boolean directories) {
      this.directories = directories;
    }

    public Marker() {
      this(false);
    }

    @Override
    public String id() {
      return "marker";
    }

    @Override
    public int version() {
      return 1;
    }

    @Override
    public boolean accepts(FileMeta meta) {
      return directories || meta.type() == FileMeta.Type.FILE;
    }

    @Override
    public List<ContentFinding> scan(FileMeta meta, InputStream content) throws IOException {
      seen.add(
          meta.path()
              + ":"
              + meta.size()
              + ":"
              + Integer.toOctalString(meta.mode())
              + ":"
              + meta.type());
      String text = new String(content.readAllBytes(), StandardCharsets.UTF_8);
      if (text.startsWith("SKIP")) {
        throw new IOException("over the size cap");
      }
      if (text.startsWith("CRASH")) {
        throw new IllegalStateException("boom");
      }
      List<ContentFinding> out = new ArrayList<>();
      String[] lines = text.split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        if (lines[i].contains("MARKER")) {
          out.add(finding(meta.path(), i + 1));
        }
      }
      return out;
    }

    @Override
    public List<ContentFinding> scanMetadata(ImageMetadataView view) {
      metadata.add(view);
      List<ContentFinding> out = new ArrayList<>();
      view.env().stream()
          .filter(e -> e.contains("MARKER"))
          .forEach(e -> out.add(finding("config:Env", 0)));
      for (int i = 0; i < view.history().size(); i++) {
        if (view.history().get(i).contains("MARKER")) {
          out.add(finding("history[" + i + "]", 0));
        }
      }
      return out;
    }

    private static ContentFinding finding(String path, int line) {
      return new ContentFinding(
          ContentFinding.SECRET,
          "marker",
          "test",
          Severity.HIGH,
          "marker found",
          path,
          line,
          "MA****",
          null,
          null,
          null);
    }
  }

  /**
   * Reports setuid/setgid files (only when added above the base layer) and world-writable
   * directories without the sticky bit.
   */
  public static final class Modes implements ContentScanner {
    @Override
    public String id() {
      return "modes";
    }

    @Override
    public int version() {
      return 1;
    }

    @Override
    public boolean accepts(FileMeta meta) {
      return meta.isSetuidOrSetgid()
          || meta.type() == FileMeta.Type.DIRECTORY && meta.isWorldWritable();
    }

    @Override
    public List<ContentFinding> scan(FileMeta meta, InputStream content) {
      boolean suid = meta.isSetuidOrSetgid();
      if (!suid && (meta.mode() & 01000) != 0) {
        return List.of();
      }
      return List.of(
          new ContentFinding(
              ContentFinding.MALWARE,
              suid ? "suid" : "world-writable-dir",
              "permissions",
              suid ? Severity.MEDIUM : Severity.LOW,
              suid ? "setuid file" : "world-writable directory",
              meta.path(),
              0,
              Integer.toOctalString(meta.mode()),
              null,
              null,
              null));
    }

    @Override
    public boolean onlyInUpperLayers(ContentFinding finding) {
      return finding.ruleId().equals("suid");
    }
  }

  /** Streams every file it is offered, keeping nothing, and reports its byte count as the title. */
  public static final class Counting implements ContentScanner {
    private final String id;

    public Counting(String id) {
      this.id = id;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public int version() {
      return 1;
    }

    @Override
    public boolean accepts(FileMeta meta) {
      return meta.type() == FileMeta.Type.FILE;
    }

    @Override
    public List<ContentFinding> scan(FileMeta meta, InputStream content) throws IOException {
      long n = content.transferTo(java.io.OutputStream.nullOutputStream());
      return List.of(
          new ContentFinding(
              ContentFinding.MALWARE,
              id,
              "test",
              Severity.LOW,
              Long.toString(n),
              meta.path(),
              0,
              "",
              null,
              null,
              null));
    }
  }
}
