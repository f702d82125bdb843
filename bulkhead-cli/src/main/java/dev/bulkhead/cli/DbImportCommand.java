package dev.bulkhead.cli;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.report.Printable;
import dev.bulkhead.vulndb.ImportSummary;
import dev.bulkhead.vulndb.SourceImport;
import dev.bulkhead.vulndb.VulnDb;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The {@code bulkhead db import} command: loads advisory files into the database. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Import advisory data; the format of each file is detected from its content:",
      "  Debian security tracker JSON, Alpine secdb (JSON or YAML),",
      "  OSV JSON/YAML files, directories of them, and OSV zip exports.",
      "Importing the same data again changes nothing."
    })
final class DbImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DbOption db;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to import.")
  List<Path> paths;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print nothing but errors.")
  boolean quiet;

  @Override
  public Integer call() throws BulkheadException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (VulnDb vulnDb = VulnDb.open(db.path())) {
      ImportSummary summary =
          vulnDb.importPaths(
              paths,
              message -> {
                if (!quiet) {
                  err.println(Printable.of(message));
                  err.flush();
                }
              });
      for (String warning : summary.warnings()) {
        err.println("bulkhead: warning: " + Printable.of(warning));
      }
      if (!quiet) {
        for (SourceImport s : summary.sources()) {
          out.printf(
              "%-32s %-18s added %d, changed %d, unchanged %d, removed %d%n",
              s.source(), s.format(), s.added(), s.changed(), s.unchanged(), s.removed());
        }
        out.println("database: " + db.path());
      }
    }
    return ExitCodes.OK;
  }
}
