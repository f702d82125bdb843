package dev.bulkhead.cli;

import dev.bulkhead.core.Severity;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The report options {@code config} and {@code audit docker} share: output, severities, exit code.
 */
final class ReportOptions {
  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the report to FILE instead of standard output.")
  Path output;

  @Option(
      names = {"-s", "--severity"},
      paramLabel = "LEVELS",
      split = ",",
      description = "Report only these severities: ${COMPLETION-CANDIDATES} (comma-separated).")
  List<Severity> severities;

  @Option(
      names = "--exit-code",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Exit with N when unsuppressed findings remain after filters (default: ${DEFAULT-VALUE}).")
  int exitCode;

  /** Fails with a usage error when {@code --exit-code} is outside 0-255. */
  void check(CommandSpec spec) {
    if (exitCode < 0 || exitCode > 255) {
      throw new ParameterException(
          spec.commandLine(), "--exit-code must be between 0 and 255, not " + exitCode);
    }
  }

  /** The severities to report: those given, else all. */
  Set<Severity> wanted() {
    return severities == null || severities.isEmpty()
        ? EnumSet.allOf(Severity.class)
        : EnumSet.copyOf(severities);
  }

  /** The exit status: {@code --exit-code} when findings remain and it is set, else 0. */
  int exitStatus(boolean findingsRemain) {
    return exitCode != 0 && findingsRemain ? exitCode : ExitCodes.OK;
  }
}
