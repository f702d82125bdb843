package dev.bulkhead.cli;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.vulndb.SourceStatus;
import dev.bulkhead.vulndb.VulnDb;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code bulkhead db status} command: lists stored sources, counts and import times. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Show the advisory sources in the database, their counts and import times.")
final class DbStatusCommand implements Callable<Integer> {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  @Spec CommandSpec spec;

  @Mixin DbOption db;

  @Override
  public Integer call() throws BulkheadException {
    PrintWriter out = spec.commandLine().getOut();
    if (!Files.exists(db.path())) {
      throw new BulkheadException(
          "no advisory database at " + db.path() + "; create one with `bulkhead db import PATH`");
    }
    try (VulnDb vulnDb = VulnDb.open(db.path())) {
      List<SourceStatus> sources = vulnDb.status();
      out.println("database: " + db.path());
      if (sources.isEmpty()) {
        out.println("no sources imported yet; run `bulkhead db import PATH`");
        return ExitCodes.OK;
      }
      out.printf(
          "%-34s %-20s %10s %10s  %s%n", "SOURCE", "FORMAT", "ADVISORIES", "ROWS", "IMPORTED");
      long advisories = 0;
      long rows = 0;
      for (SourceStatus s : sources) {
        out.printf(
            "%-34s %-20s %10d %10d  %s%n",
            s.name(), s.format(), s.advisories(), s.affectedRows(), TIME.format(s.importedAt()));
        advisories += s.advisories();
        rows += s.affectedRows();
      }
      out.printf("%-34s %-20s %10d %10d%n", "total", "", advisories, rows);
    }
    return ExitCodes.OK;
  }
}
