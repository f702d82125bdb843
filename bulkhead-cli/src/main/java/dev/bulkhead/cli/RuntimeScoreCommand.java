package dev.bulkhead.cli;

import dev.bulkhead.core.BulkheadException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code bulkhead score}: Score recordings against a learned model (being built). */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Score recordings against a learned model (not available yet).")
final class RuntimeScoreCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", hidden = true)
  List<String> args = List.of();

  @Override
  public Integer call() throws BulkheadException {
    throw new BulkheadException("bulkhead score is not available yet in this build");
  }
}
