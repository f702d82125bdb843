package dev.bulkhead.image.walk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.image.source.FileEntry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks that one file is opened and read once however many consumers want it. */
class FileAnalysisTest {
  @TempDir Path tmp;

  /** A real file entry that counts how often it is opened. */
  private static final class CountingEntry implements FileEntry {
    private final Path file;
    int opens;

    CountingEntry(Path file) {
      this.file = file;
    }

    @Override
    public String name() {
      return file.getFileName().toString();
    }

    @Override
    public Kind kind() {
      return Kind.FILE;
    }

    @Override
    public long size() {
      try {
        return Files.size(file);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    @Override
    public int mode() {
      return 0644;
    }

    @Override
    public String linkName() {
      return null;
    }

    @Override
    public InputStream open() throws IOException {
      opens++;
      return Files.newInputStream(file);
    }
  }

  /** Digests what it reads and remembers the stream type it was given. */
  private static final class Digesting implements FileAnalysis.Consumer {
    String sha256;
    long size;
    InputStream given;
    final List<String> problems = new ArrayList<>();

    @Override
    public void read(InputStream in, long declared) throws IOException {
      given = in;
      size = declared;
      try {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[] buf = new byte[8192];
        for (int n; (n = in.read(buf)) >= 0; ) {
          md.update(buf, 0, n);
        }
        sha256 = HexFormat.of().formatHex(md.digest());
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void unreadable(IOException e) {
      problems.add(e.toString());
    }

    @Override
    public void crashed(RuntimeException e) {
      problems.add(e.toString());
    }
  }

  private Path file(int size) throws IOException {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return Files.write(tmp.resolve("f" + size), bytes);
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  @Test
  void oneConsumerReadsTheEntryStreamDirectlyWithoutBuffering() throws Exception {
    Path f = file(100_000);
    CountingEntry entry = new CountingEntry(f);
    Digesting only = new Digesting();
    new FileAnalysis(true).run(entry, List.of(only), e -> only.problems.add(e.toString()));
    assertThat(entry.opens).isEqualTo(1);
    assertThat(only.sha256).isEqualTo(sha256(f));
    assertThat(only.given).isInstanceOf(TrackingInputStream.class);
  }

  @Test
  void analyzerAndScannerShareOneReadOfASmallFileInMemory() throws Exception {
    Path f = file(300_000);
    CountingEntry entry = new CountingEntry(f);
    Digesting analyzer = new Digesting();
    Digesting scanner = new Digesting();
    new FileAnalysis(true).run(entry, List.of(analyzer, scanner), e -> {});
    assertThat(entry.opens).isEqualTo(1);
    assertThat(analyzer.sha256).isEqualTo(sha256(f)).isEqualTo(scanner.sha256);
    assertThat(scanner.given).isInstanceOf(ByteArrayInputStream.class);
    assertThat(scanner.size).isEqualTo(300_000);
  }

  @Test
  void aFileOver16MibIsReplayedFromATemporaryFileAfterOneRead() throws Exception {
    Path f = file((16 << 20) + 4096);
    CountingEntry entry = new CountingEntry(f);
    List<Digesting> consumers = List.of(new Digesting(), new Digesting(), new Digesting());
    new FileAnalysis(true).run(entry, List.copyOf(consumers), e -> {});
    assertThat(entry.opens).isEqualTo(1);
    for (Digesting c : consumers) {
      assertThat(c.sha256).isEqualTo(sha256(f));
      assertThat(c.given).isNotInstanceOf(ByteArrayInputStream.class);
      assertThat(c.problems).isEmpty();
    }
  }
}
