package dev.bulkhead.core.spi;

import java.io.IOException;

/**
 * Turns one file of a scanned filesystem into facts (OS identity, installed packages).
 *
 * <p>A layer walk hands each regular file once to every analyzer whose {@link #accepts} returns
 * true, streaming, so memory does not grow with image size. Analyzers are discovered with {@link
 * java.util.ServiceLoader}; ids must be unique. Implementations are stateless and thread-safe.
 *
 * <p>Results are merged per path across layers: a file in an upper layer replaces the same path
 * below it, and a whiteout removes it, so an analyzer reports only what its one file says.
 */
public interface Analyzer {

  /** Returns the unique id, e.g. {@code dpkg}. */
  String id();

  /**
   * Returns the version of this analyzer's logic; bump it whenever output for the same input
   * changes, since scan caches key on it.
   */
  int version();

  /**
   * Tells cheaply, from the path alone, whether this analyzer wants the file.
   *
   * @param path the file path relative to the filesystem root, without a leading slash, with {@code
   *     /} separators (e.g. {@code var/lib/dpkg/status})
   * @param size the file size in bytes
   */
  boolean accepts(String path, long size);

  /**
   * Reads one accepted file and returns what it says.
   *
   * @throws IOException when the content cannot be read; the walker turns it into a warning naming
   *     the file
   */
  AnalysisResult analyze(AnalysisInput input) throws IOException;
}
