package dev.bulkhead.runtime.source;

import dev.bulkhead.core.BulkheadException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads ADFA-LD trace directories: every regular file below the directory is one trace of
 * whitespace-separated i386 system call numbers; the trace id is the path relative to the
 * directory, with {@code /} separators. Hidden files and {@code *.md} notes are skipped.
 *
 * @see <a href="https://research.unsw.edu.au/projects/adfa-ids-datasets">ADFA IDS datasets</a>
 */
final class AdfaLdSource implements TraceSource {
  /** Largest system call number accepted; i386 has about 450. */
  static final int MAX_SYSCALL_NR = 4095;

  @Override
  public String kind() {
    return "adfa-ld";
  }

  @Override
  public String description() {
    return "ADFA-LD directory, one trace per file (i386 system call numbers)";
  }

  @Override
  public void read(Path dir, SourceLimits limits, Consumer<Trace> sink) throws BulkheadException {
    if (Files.isRegularFile(dir)) {
      sink.accept(
          Trace.ofSyscalls(
              dir.getFileName().toString(), readCalls(dir, limits), SyscallTable.I386));
      return;
    }
    if (!Files.isDirectory(dir)) {
      throw new BulkheadException(
          dir + ": no such directory; pass adfa-ld:DIR with one trace file per system call trace");
    }
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir, 16, new FileVisitOption[0])) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        if (Files.isRegularFile(p) && isTrace(dir.relativize(p))) {
          files.add(p);
          if (files.size() > limits.maxTraces()) {
            throw new BulkheadException(
                dir + ": more than " + limits.maxTraces() + " trace files; split the directory");
          }
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new BulkheadException(dir + ": cannot list: " + e.getMessage(), e);
    }
    List<String> ids = new ArrayList<>(files.size());
    files.forEach(f -> ids.add(relativeId(dir, f)));
    Integer[] order = new Integer[files.size()];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> ids.get(a).compareTo(ids.get(b)));
    for (int i : order) {
      sink.accept(Trace.ofSyscalls(ids.get(i), readCalls(files.get(i), limits), SyscallTable.I386));
    }
  }

  private static boolean isTrace(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return false;
      }
    }
    return !relative.getFileName().toString().endsWith(".md");
  }

  static String relativeId(Path dir, Path file) {
    StringBuilder b = new StringBuilder();
    for (Path part : dir.relativize(file)) {
      if (b.length() > 0) {
        b.append('/');
      }
      b.append(part);
    }
    return b.toString();
  }

  /**
   * Reads the numbers of one trace file.
   *
   * @throws BulkheadException naming the file and line of the first token that is not a number in
   *     range, or when the file is over the limits
   */
  static int[] readCalls(Path file, SourceLimits limits) throws BulkheadException {
    try {
      long size = Files.size(file);
      if (size > limits.maxFileBytes()) {
        throw new BulkheadException(
            file + ": " + size + " bytes is over the limit of " + limits.maxFileBytes());
      }
    } catch (IOException e) {
      throw new BulkheadException(file + ": cannot read: " + e.getMessage(), e);
    }
    int[] calls = new int[256];
    int n = 0;
    int line = 1;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      int value = -1;
      int digits = 0;
      for (int c = in.read(); ; c = in.read()) {
        if (c >= '0' && c <= '9') {
          value = (value < 0 ? 0 : value * 10) + (c - '0');
          if (++digits > 6 || value > MAX_SYSCALL_NR) {
            throw new BulkheadException(
                file + ":" + line + ": system call number out of range 0.." + MAX_SYSCALL_NR);
          }
          continue;
        }
        if (value >= 0) {
          if (n == limits.maxEventsPerTrace()) {
            throw new BulkheadException(
                file + ": more than " + limits.maxEventsPerTrace() + " calls in one trace");
          }
          if (n == calls.length) {
            calls = Arrays.copyOf(calls, n * 2);
          }
          calls[n++] = value;
          value = -1;
          digits = 0;
        }
        if (c == -1) {
          break;
        }
        if (c == '\n') {
          line++;
        } else if (c != ' ' && c != '\t' && c != '\r') {
          throw new BulkheadException(
              file
                  + ":"
                  + line
                  + ": unexpected character '"
                  + (c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\x%02x", c))
                  + "'; an ADFA-LD trace holds only system call numbers");
        }
      }
    } catch (IOException e) {
      throw new BulkheadException(file + ": cannot read: " + e.getMessage(), e);
    }
    return Arrays.copyOf(calls, n);
  }
}
