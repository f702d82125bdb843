package dev.bulkhead.cli;

/** Names the exit statuses of every command. */
final class ExitCodes {
  /** The command did what was asked and nothing was found that the user asked to fail on. */
  static final int OK = 0;

  /** The command failed: bad input, unreachable registry, unreadable database. */
  static final int ERROR = 1;

  /** The command line itself was wrong (picocli's usage error status). */
  static final int USAGE = 2;

  /** An unexpected internal error: a bug to report. */
  static final int INTERNAL = 3;

  private ExitCodes() {}
}
