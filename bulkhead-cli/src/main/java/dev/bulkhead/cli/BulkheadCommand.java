package dev.bulkhead.cli;

import picocli.CommandLine.Command;

/** The {@code bulkhead} top-level command: lists the verbs. */
@Command(
    name = "bulkhead",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Bulkhead: container security scanning.%n",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {
      ImageCommand.class,
      FsCommand.class,
      SbomCommand.class,
      ConfigCommand.class,
      AuditCommand.class,
      RulesCommand.class,
      RuntimeCommand.class,
      DbCommand.class
    },
    footer = {
      "%nExamples:",
      "  bulkhead db import debian-tracker.json secdb/ osv-export.zip",
      "  bulkhead image docker-archive:app.tar",
      "  bulkhead image --insecure 127.0.0.1:5000/app:1.2 --format json",
      "  bulkhead image dir:/ --severity HIGH,CRITICAL --exit-code 1",
      "  bulkhead fs ./my-app --scanners secret,malware",
      "%nExit status: 0 ok, 1 error (or --exit-code when findings remain), 2 usage, 3 internal."
    })
final class BulkheadCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
