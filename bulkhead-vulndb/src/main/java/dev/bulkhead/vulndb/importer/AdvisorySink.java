package dev.bulkhead.vulndb.importer;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.vulndb.model.Advisory;

/**
 * Receives what an importer reads, one source at a time: {@code begin}, any number of {@code
 * accept}, then {@code end}.
 */
public interface AdvisorySink {

  /**
   * Starts a source.
   *
   * @param source the source name, e.g. {@code debian-tracker}, {@code alpine-secdb:v3.11/main}
   * @param format the format id, e.g. {@code debian-tracker-json}, {@code osv}
   * @param wholeFeed true when the input holds the whole feed, so advisories it lacks are removed
   */
  void begin(String source, String format, boolean wholeFeed) throws BulkheadException;

  /** Stores one advisory of the current source. */
  void accept(Advisory advisory) throws BulkheadException;

  /** Ends the current source, recording the digest of its input. */
  void end(String contentSha256) throws BulkheadException;

  /** Discards the current source, if one is open, leaving the store as it was before. */
  void abort();

  /** Reports a problem that did not stop the import (a malformed advisory, an unknown file). */
  void warn(String message);
}
