package dev.bulkhead.cli;

import dev.bulkhead.vulndb.VulnDb;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Adds {@code --db FILE} to a command: the advisory database to use. */
final class DbOption {
  @Option(
      names = "--db",
      paramLabel = "FILE",
      description =
          "Advisory database (SQLite). Default: $BULKHEAD_DB, else"
              + " $XDG_CACHE_HOME/bulkhead/vulndb.sqlite, else ~/.cache/bulkhead/vulndb.sqlite.")
  Path db;

  /** Returns the chosen database path. */
  Path path() {
    return db != null ? db : VulnDb.defaultPath();
  }
}
