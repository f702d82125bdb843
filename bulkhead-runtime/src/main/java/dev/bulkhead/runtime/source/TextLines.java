package dev.bulkhead.runtime.source;

import dev.bulkhead.core.BulkheadException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads a text recording line by line within {@link SourceLimits}, tracking the line number for
 * error messages. Files ending in {@code .gz} are decompressed.
 */
final class TextLines implements AutoCloseable {
  private final String file;
  private final BufferedReader reader;
  private final int maxLineChars;
  private int lineNumber;

  private TextLines(String file, BufferedReader reader, int maxLineChars) {
    this.file = file;
    this.reader = reader;
    this.maxLineChars = maxLineChars;
  }

  /**
   * Opens {@code file}.
   *
   * @throws BulkheadException if it is missing, not a regular file, too large or unreadable
   */
  static TextLines open(Path file, SourceLimits limits) throws BulkheadException {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file)) {
      throw new BulkheadException(file + ": not a regular file; pass a recording file");
    }
    try {
      long size = Files.size(file);
      if (size > limits.maxFileBytes()) {
        throw new BulkheadException(
            file + ": " + size + " bytes is over the limit of " + limits.maxFileBytes());
      }
      InputStream in = Files.newInputStream(file);
      if (file.getFileName().toString().endsWith(".gz")) {
        in = new GZIPInputStream(in, 1 << 16);
      }
      return of(file.toString(), in, limits);
    } catch (IOException e) {
      throw new BulkheadException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Reads lines from {@code in}, named {@code name} in errors, at most the file-size limit. */
  static TextLines of(String name, InputStream in, SourceLimits limits) {
    BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                new Bounded(in, limits.maxFileBytes(), name),
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)),
            1 << 16);
    return new TextLines(name, r, limits.maxLineChars());
  }

  /**
   * Returns the next line without its terminator, or null at the end.
   *
   * @throws BulkheadException if the line is longer than the limit or reading fails
   */
  String next() throws BulkheadException {
    StringBuilder b = new StringBuilder(128);
    try {
      int c;
      while ((c = reader.read()) != -1) {
        if (c == '\n') {
          lineNumber++;
          return stripCr(b);
        }
        if (b.length() >= maxLineChars) {
          throw error("line longer than " + maxLineChars + " characters");
        }
        b.append((char) c);
      }
    } catch (IOException e) {
      throw new BulkheadException(file + ": cannot read: " + e.getMessage(), e);
    }
    if (b.length() == 0) {
      return null;
    }
    lineNumber++;
    return stripCr(b);
  }

  private static String stripCr(StringBuilder b) {
    int n = b.length();
    return n > 0 && b.charAt(n - 1) == '\r' ? b.substring(0, n - 1) : b.toString();
  }

  /** Returns the number of the line {@link #next} returned last (1-based). */
  int lineNumber() {
    return lineNumber;
  }

  /** Returns an exception naming the file and the current line. */
  BulkheadException error(String what) {
    return new BulkheadException(file + ":" + (lineNumber + 1) + ": " + what);
  }

  /** Returns an exception naming the file and the line last returned. */
  BulkheadException errorAtLine(String what) {
    return new BulkheadException(file + ":" + lineNumber + ": " + what);
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      // Closing a reader we only read from; nothing to recover.
    }
  }

  /** Fails reading past a byte limit, against decompression bombs. */
  static final class Bounded extends java.io.FilterInputStream {
    private final long limit;
    private final String name;
    private long count;

    Bounded(InputStream in, long limit, String name) {
      super(in);
      this.limit = limit;
      this.name = name;
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      if (c >= 0) {
        check(1);
      }
      return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        check(n);
      }
      return n;
    }

    private void check(int n) throws IOException {
      count += n;
      if (count > limit) {
        throw new IOException(name + " is larger than the limit of " + limit + " bytes");
      }
    }
  }
}
