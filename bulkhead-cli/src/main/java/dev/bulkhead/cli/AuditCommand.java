package dev.bulkhead.cli;

import dev.bulkhead.core.BulkheadException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code bulkhead audit}: Audit a running container engine (being built). */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Audit a running container engine (not available yet).")
final class AuditCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", hidden = true)
  List<String> args = List.of();

  @Override
  public Integer call() throws BulkheadException {
    throw new BulkheadException("bulkhead audit is not available yet in this build");
  }
}
