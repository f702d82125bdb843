package dev.bulkhead.cli;

import dev.bulkhead.core.BulkheadException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code bulkhead eval}: Evaluate a detector on clean and attack recordings (being built). */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Evaluate a detector on clean and attack recordings (not available yet).")
final class RuntimeEvalCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", hidden = true)
  List<String> args = List.of();

  @Override
  public Integer call() throws BulkheadException {
    throw new BulkheadException("bulkhead eval is not available yet in this build");
  }
}
