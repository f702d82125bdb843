package dev.bulkhead.cli;

import dev.bulkhead.core.BulkheadException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code bulkhead sbom}: Write or scan SBOMs (being built). */
@Command(
    name = "sbom",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Write or scan SBOMs (not available yet).")
final class SbomCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", hidden = true)
  List<String> args = List.of();

  @Override
  public Integer call() throws BulkheadException {
    throw new BulkheadException("bulkhead sbom is not available yet in this build");
  }
}
