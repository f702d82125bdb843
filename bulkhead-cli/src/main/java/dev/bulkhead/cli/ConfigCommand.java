package dev.bulkhead.cli;

import dev.bulkhead.core.BulkheadException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code bulkhead config}: Check Kubernetes manifests, Dockerfiles, compose and daemon.json files
 * (being built).
 */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Check Kubernetes manifests, Dockerfiles, compose and daemon.json files (not available yet).")
final class ConfigCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", hidden = true)
  List<String> args = List.of();

  @Override
  public Integer call() throws BulkheadException {
    throw new BulkheadException("bulkhead config is not available yet in this build");
  }
}
