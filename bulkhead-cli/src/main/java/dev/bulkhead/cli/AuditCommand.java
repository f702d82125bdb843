package dev.bulkhead.cli;

import dev.bulkhead.config.audit.AuditReport;
import dev.bulkhead.config.audit.AuditReportWriter;
import dev.bulkhead.config.audit.DockerAudit;
import dev.bulkhead.config.audit.EngineFacts;
import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.engine.EngineClient;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bulkhead audit}: audits a running container engine; {@code docker} is the first kind. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Audit a running container engine against the CIS Docker Benchmark.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {AuditCommand.Docker.class})
final class AuditCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * {@code bulkhead audit docker}: inspects Docker Engine or podman's Docker-compatible service
   * through its API socket: daemon settings and every running container.
   */
  @Command(
      name = "docker",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      sortOptions = false,
      description = {
        "Audit a Docker Engine (or podman's Docker-compatible service) through its API socket:"
            + " daemon settings (rootless, user namespaces, icc, live-restore, logging, insecure"
            + " registries) and every running container (privileged, host network/pid/ipc, root"
            + " user, added capabilities, engine socket and host paths mounted, memory and pids"
            + " limits, seccomp, AppArmor, read-only root, no-new-privileges), mapped to CIS"
            + " Docker Benchmark v1.6.0 controls. Settings the engine does not expose are listed"
            + " as notes.",
        ""
      },
      footer = {
        "%nExamples:",
        "  bulkhead audit docker",
        "  bulkhead audit docker --host unix:///run/podman/podman.sock --format json",
        "  bulkhead audit docker --severity HIGH,CRITICAL --exit-code 1"
      })
  static final class Docker implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ReportOptions options = new ReportOptions();

    @Option(
        names = {"-H", "--host"},
        paramLabel = "URL",
        description =
            "Engine API address: unix:///path/to/docker.sock or tcp://host:port (default:"
                + " DOCKER_HOST, then /var/run/docker.sock, then /run/podman/podman.sock).")
    String host;

    @Option(
        names = {"-f", "--format"},
        paramLabel = "FORMAT",
        defaultValue = "table",
        description = "Report format: table, json or sarif (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(
        names = "--timeout",
        paramLabel = "SECONDS",
        defaultValue = "30",
        description = "Give up on an engine request after this long (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws BulkheadException, IOException {
      options.check(spec);
      if (timeoutSeconds < 1 || timeoutSeconds > 3600) {
        throw usage("--timeout must be between 1 and 3600 seconds, not " + timeoutSeconds);
      }
      AuditReportWriter writer;
      try {
        writer = new AuditReportWriter(format, VersionProvider.version());
      } catch (IllegalArgumentException e) {
        throw usage(e.getMessage());
      }
      EngineClient client = EngineClient.connect(host, Duration.ofSeconds(timeoutSeconds));
      AuditReport all = DockerAudit.run(EngineFacts.collect(client));
      AuditReport report = all.withSeverities(options.wanted());
      ReportOutput.write(options.output, out -> writer.write(report, out));
      return options.exitStatus(!report.findings().isEmpty());
    }

    private ParameterException usage(String message) {
      return new ParameterException(spec.commandLine(), message);
    }
  }
}
