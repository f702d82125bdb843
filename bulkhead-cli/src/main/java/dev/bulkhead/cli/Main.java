package dev.bulkhead.cli;

import picocli.CommandLine;

/** Starts the Bulkhead command line and exits with the status the command returns. */
public final class Main {
  private Main() {}

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit status; used by tests too. */
  public static int run(String... args) {
    return newCommandLine().execute(args);
  }

  /** Builds the command line with Bulkhead's error handling and exit codes. */
  public static CommandLine newCommandLine() {
    CommandLine cl = new CommandLine(new BulkheadCommand());
    cl.setExecutionExceptionHandler(new ErrorHandler());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setUsageHelpAutoWidth(false);
    return cl;
  }
}
