package dev.bulkhead.cli;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.report.Printable;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions from commands into one line on standard error and an exit status: {@link
 * BulkheadException} and I/O problems are the user's to act on; anything else is a bug, shown with
 * its stack trace when {@code BULKHEAD_DEBUG} is set.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
    PrintWriter err = cl.getErr();
    if (ex instanceof BulkheadException) {
      err.println("bulkhead: error: " + Printable.of(ex.getMessage()));
      debug(ex, err);
      return ExitCodes.ERROR;
    }
    if (ex instanceof NoSuchFileException) {
      err.println("bulkhead: error: file not found: " + Printable.of(ex.getMessage()));
      return ExitCodes.ERROR;
    }
    if (ex instanceof java.io.IOException || ex instanceof UncheckedIOException) {
      err.println("bulkhead: error: " + Printable.of(ex.getMessage()));
      debug(ex, err);
      return ExitCodes.ERROR;
    }
    err.println(
        "bulkhead: internal error: "
            + Printable.of(String.valueOf(ex))
            + " (please report it; set BULKHEAD_DEBUG=1 for the stack trace)");
    debug(ex, err);
    return ExitCodes.INTERNAL;
  }

  private static void debug(Exception ex, PrintWriter err) {
    if (System.getenv("BULKHEAD_DEBUG") != null) {
      ex.printStackTrace(err);
    }
    err.flush();
  }
}
