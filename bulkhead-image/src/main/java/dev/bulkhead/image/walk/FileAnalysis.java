package dev.bulkhead.image.walk;

import dev.bulkhead.image.source.FileEntry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Hands one file to every consumer that wants it (analyzers and content scanners), reading it once.
 * One consumer reads the entry stream directly; when several want the same file its content is
 * captured once (in memory up to 16 MiB, else in a temporary file) and replayed to each, so memory
 * stays bounded whatever the file's size.
 */
final class FileAnalysis {
  private static final int IN_MEMORY = 16 << 20;

  /** Reads one file's content and turns its own failures into warnings. */
  interface Consumer {
    /** Reads the content; {@code in} is valid only during the call and must not be closed. */
    void read(InputStream in, long size) throws IOException;

    /** Records that this consumer could not read or parse the file. */
    void unreadable(IOException e);

    /** Records that this consumer failed with an unexpected exception. */
    void crashed(RuntimeException e);
  }

  /** Records that the file itself could not be read (opened or buffered). */
  interface ReadFailure {
    void failed(IOException e);
  }

  private final boolean directory;

  /**
   * Creates an analysis for one layer.
   *
   * @param directory whether the layer is a directory (read failures are then per file, never a
   *     broken layer)
   */
  FileAnalysis(boolean directory) {
    this.directory = directory;
  }

  /**
   * Runs every consumer on the content of {@code entry}; consumers that fail report it themselves.
   *
   * @throws IOException when the layer itself breaks while the file is read (a truncated tar)
   */
  void run(FileEntry entry, List<Consumer> consumers, ReadFailure onFailure) throws IOException {
    TrackingInputStream content;
    try {
      content = new TrackingInputStream(entry.open(), entry.size());
    } catch (IOException e) {
      onFailure.failed(e);
      return;
    }
    try (content) {
      if (consumers.size() == 1) {
        consume(consumers.get(0), content, entry.size(), content);
      } else if (entry.size() <= IN_MEMORY) {
        byte[] bytes = content.readAllBytes();
        for (Consumer c : consumers) {
          consume(c, new ByteArrayInputStream(bytes), bytes.length, content);
        }
      } else {
        replayFromTempFile(content, consumers);
      }
    } catch (IOException e) {
      if (content.failure() != null && !directory) {
        throw content.failure();
      }
      onFailure.failed(e);
    }
  }

  private void replayFromTempFile(TrackingInputStream content, List<Consumer> consumers)
      throws IOException {
    Path temp = Files.createTempFile("bulkhead-", ".file");
    try {
      Files.copy(content, temp, StandardCopyOption.REPLACE_EXISTING);
      long size = Files.size(temp);
      for (Consumer c : consumers) {
        try (InputStream in = Files.newInputStream(temp)) {
          consume(c, in, size, content);
        }
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private void consume(Consumer consumer, InputStream in, long size, TrackingInputStream source)
      throws IOException {
    try {
      consumer.read(in, size);
    } catch (IOException e) {
      if (source.failure() != null && !directory) {
        throw source.failure();
      }
      consumer.unreadable(e);
    } catch (RuntimeException e) {
      consumer.crashed(e);
    }
  }
}
