package dev.bulkhead.service.scan;

import dev.bulkhead.core.BulkheadException;
import java.nio.file.Path;

/** Thrown when a scan must match vulnerabilities and the advisory database file is missing. */
public final class NoAdvisoryDatabaseException extends BulkheadException {
  private static final long serialVersionUID = 1L;

  /** The missing file. */
  private final transient Path database;

  /** An exception for the missing {@code database}. */
  public NoAdvisoryDatabaseException(Path database) {
    super("no advisory database at " + database);
    this.database = database;
  }

  /** The database file that does not exist. */
  public Path database() {
    return database;
  }
}
