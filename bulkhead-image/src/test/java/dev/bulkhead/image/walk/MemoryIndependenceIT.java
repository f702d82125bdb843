package dev.bulkhead.image.walk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walks an image whose single layer holds a 300 MiB file in a JVM with a 64 MiB heap, alone and
 * shared by an analyzer and two content scanners: any buffering of a layer or of the file in memory
 * would fail with OutOfMemoryError.
 */
class MemoryIndependenceIT {
  private static final long FILE_SIZE = 300L << 20;

  @TempDir Path tmp;

  @Test
  void a300MibLayerIsWalkedIn64MibOfHeap() throws Exception {
    String out = probe(false);
    assertThat(out).doesNotContain("content ");
  }

  @Test
  void contentScannersSharingTheFileWithAnAnalyzerStayIn64MibOfHeap() throws Exception {
    String out = probe(true);
    assertThat(out)
        .contains("content one big/blob " + FILE_SIZE)
        .contains("content two big/blob " + FILE_SIZE);
  }

  private String probe(boolean scanners) throws Exception {
    Path archive = tmp.resolve("big.tar.gz");
    Counting dry = new Counting();
    writeLayer(dry.digesting);
    String diffId = "sha256:" + HexFormat.of().formatHex(dry.md.digest());
    writeArchive(archive, dry.count, diffId);
    assertThat(Files.size(archive)).isLessThan(FILE_SIZE / 100);

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx64m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    MemoryProbe.class.getName(),
                    archive.toString(),
                    scanners ? "scanners" : "none"))
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("big " + FILE_SIZE + " " + diffId).contains("warnings []");
    assertThat(out).containsPattern("maxHeap [1-6][0-9]{7}\\b");
    return out;
  }

  private static void writeLayer(OutputStream out) throws IOException {
    TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    TarArchiveEntry e = new TarArchiveEntry("big/blob");
    e.setSize(FILE_SIZE);
    e.setModTime(0L); // both passes must write identical bytes
    tar.putArchiveEntry(e);
    byte[] chunk = new byte[1 << 16];
    for (long left = FILE_SIZE; left > 0; left -= chunk.length) {
      chunk[0] = (byte) left; // not all zeros, still compressible
      tar.write(chunk, 0, (int) Math.min(chunk.length, left));
    }
    tar.closeArchiveEntry();
    tar.finish();
    tar.flush();
  }

  private static void writeArchive(Path path, long layerSize, String diffId) throws IOException {
    String config =
        "{\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
            + diffId
            + "\"]},\"history\":[{\"created_by\":\"ADD big\"}]}";
    String manifest = "[{\"Config\":\"config.json\",\"RepoTags\":[],\"Layers\":[\"l/layer.tar\"]}]";
    try (OutputStream file = Files.newOutputStream(path);
        GZIPOutputStream gz = new GZIPOutputStream(file, 1 << 16);
        TarArchiveOutputStream outer = new TarArchiveOutputStream(gz)) {
      TarArchiveEntry layer = new TarArchiveEntry("l/layer.tar");
      layer.setSize(layerSize);
      outer.putArchiveEntry(layer);
      writeLayer(nonClosing(outer));
      outer.closeArchiveEntry();
      put(outer, "config.json", config);
      put(outer, "manifest.json", manifest);
    }
  }

  private static void put(TarArchiveOutputStream tar, String name, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setSize(bytes.length);
    tar.putArchiveEntry(e);
    tar.write(bytes);
    tar.closeArchiveEntry();
  }

  private static OutputStream nonClosing(OutputStream out) {
    return new java.io.FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() {}
    };
  }

  /** Counts and digests what is written, keeping nothing. */
  private static final class Counting extends OutputStream {
    final MessageDigest md;
    final OutputStream digesting;
    long count;

    Counting() throws Exception {
      md = MessageDigest.getInstance("SHA-256");
      digesting = new DigestOutputStream(this, md);
    }

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
