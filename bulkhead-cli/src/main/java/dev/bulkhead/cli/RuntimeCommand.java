package dev.bulkhead.cli;

import picocli.CommandLine.Command;

/** {@code bulkhead runtime}: groups the runtime anomaly-detection verbs. */
@Command(
    name = "runtime",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Learn how containers behave when clean and flag what deviates.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {
      RuntimeLearnCommand.class,
      RuntimeScoreCommand.class,
      RuntimeEvalCommand.class,
      RuntimeWatchCommand.class
    })
final class RuntimeCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
