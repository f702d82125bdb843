package dev.bulkhead.cli;

import dev.bulkhead.core.BulkheadException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code bulkhead learn}: Learn a baseline from recorded or live events (being built). */
@Command(
    name = "learn",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Learn a baseline from recorded or live events (not available yet).")
final class RuntimeLearnCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", hidden = true)
  List<String> args = List.of();

  @Override
  public Integer call() throws BulkheadException {
    throw new BulkheadException("bulkhead learn is not available yet in this build");
  }
}
