package dev.bulkhead.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code bulkhead db} command: manages the advisory database. */
@Command(
    name = "db",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Import advisory data and show what the database holds.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {DbImportCommand.class, DbStatusCommand.class})
final class DbCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
