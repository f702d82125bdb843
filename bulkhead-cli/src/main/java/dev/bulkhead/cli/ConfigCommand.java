package dev.bulkhead.cli;

import dev.bulkhead.config.engine.ConfigEngine;
import dev.bulkhead.config.engine.ConfigFile;
import dev.bulkhead.config.engine.ConfigReport;
import dev.bulkhead.config.engine.IgnoreFile;
import dev.bulkhead.config.k8s.KubernetesScanner;
import dev.bulkhead.config.k8s.PssVersion;
import dev.bulkhead.config.k8s.ResourceEvaluator;
import dev.bulkhead.config.model.Rule;
import dev.bulkhead.config.report.ConfigReportWriter;
import dev.bulkhead.config.spi.ConfigScanner;
import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code bulkhead config} command: checks Kubernetes manifests (and whatever other {@link
 * ConfigScanner}s are registered) in files, directories and standard input.
 *
 * <p>Extension points for organisation policies and compliance reports: {@link #extraEvaluators()}
 * returns per-resource evaluators run after the built-in Kubernetes rules; {@link #reportWriter()}
 * picks the writer (a {@code --compliance} option replaces it).
 */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Check configuration files for misconfigurations: Kubernetes manifests",
      "(YAML or JSON, many documents, List kinds) against the Pod Security",
      "Standards, hardening, RBAC and network rules.",
      "PATH is a file, a directory (searched recursively) or - for standard input",
      "(for example `helm template x | bulkhead config -`).",
      ""
    },
    footer = {
      "%nExamples:",
      "  bulkhead config deploy/",
      "  helm template app ./chart | bulkhead config - --policy pss-restricted",
      "  bulkhead config k8s/ --policy pss-baseline --pss-version v1.29",
      "  bulkhead config k8s.yaml -f sarif -o config.sarif --exit-code 1",
      "%nSuppress a finding with the annotation",
      "  bulkhead.dev/ignore: \"BH-K8S-0005 reason\"",
      "or an --ignorefile line like `BH-K8S-0005 file=deploy/agent.yaml # reason`.",
      "Rule ids: bulkhead rules list.",
      "Exit status: 0 ok, 1 error (or --exit-code when findings remain), 2 usage."
    })
final class ConfigCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "Files, directories or - (standard input) to check.")
  List<String> paths = List.of();

  @Option(
      names = "--policy",
      paramLabel = "POLICY",
      description =
          "Check only a Pod Security Standard, as the PodSecurity admission controller decides:"
              + " pss-baseline or pss-restricted (default: every rule).")
  String policy;

  @Option(
      names = "--pss-version",
      paramLabel = "VERSION",
      defaultValue = "latest",
      description = "Pod Security Standards policy version: v1.0 .. v1.N or latest (default).")
  String pssVersion;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "Report format: table, json, sarif or html (default: ${DEFAULT-VALUE}).")
  String format;

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

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "YAML file that disables rules (disable: [ID]) or changes severities.")
  Path configFile;

  @Option(
      names = "--ignorefile",
      paramLabel = "FILE",
      description = "Suppressions, one per line: RULE-ID [file=GLOB] [resource=KIND/NS/NAME].")
  Path ignoreFile;

  @Option(
      names = "--max-file-size",
      paramLabel = "BYTES",
      defaultValue = "10485760",
      description = "Skip (with a warning) files larger than this (default: ${DEFAULT-VALUE}).")
  long maxFileSize;

  @Option(
      names = {"-q", "--quiet"},
      description = "No notes on standard error.")
  boolean quiet;

  /** Where {@code -} is read from; tests replace it. */
  InputStream stdin = System.in;

  @Override
  public Integer call() throws BulkheadException, IOException {
    if (exitCode < 0 || exitCode > 255) {
      throw usage("--exit-code must be between 0 and 255, not " + exitCode);
    }
    if (maxFileSize < 1) {
      throw usage("--max-file-size must be positive");
    }
    ConfigReportWriter writer = reportWriter();
    List<ConfigScanner> scanners = scanners();
    Set<String> known = new HashSet<>();
    for (ConfigScanner s : scanners) {
      for (Rule r : s.rules()) {
        known.add(r.id());
      }
    }
    ConfigEngine engine =
        ConfigEngine.builder()
            .scanners(scanners)
            .maxFileSize(maxFileSize)
            .config(configFile == null ? ConfigFile.NONE : ConfigFile.read(configFile, known))
            .ignore(ignoreFile == null ? IgnoreFile.NONE : IgnoreFile.read(ignoreFile))
            .stdin(stdin)
            .build();
    ConfigReport report = engine.scan(paths);
    Set<Severity> wanted =
        severities == null || severities.isEmpty()
            ? EnumSet.allOf(Severity.class)
            : EnumSet.copyOf(severities);
    report = report.filter(f -> wanted.contains(f.severity()));
    write(writer, report);
    if (!quiet && output != null) {
      spec.commandLine()
          .getErr()
          .printf(
              "report written to %s (%d findings, %d suppressed, %d warnings)%n",
              output, report.active().size(), report.suppressed().size(), report.warnings().size());
    }
    return exitCode != 0 && !report.active().isEmpty() ? exitCode : ExitCodes.OK;
  }

  /**
   * Extension point: per-resource evaluators run after the built-in Kubernetes rules (organisation
   * policies in CEL plug in here).
   */
  List<ResourceEvaluator> extraEvaluators() throws BulkheadException {
    return List.of();
  }

  /** Extension point: the writer for the report ({@code --compliance} replaces it). */
  ConfigReportWriter reportWriter() {
    try {
      return ConfigReportWriter.forFormat(format, VersionProvider.version());
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  /** Every registered scanner, with the Kubernetes one set to the chosen policy and version. */
  private List<ConfigScanner> scanners() throws BulkheadException {
    KubernetesScanner.Mode mode = mode();
    PssVersion version;
    try {
      version = PssVersion.parse(pssVersion);
    } catch (IllegalArgumentException e) {
      throw usage("--pss-version: " + e.getMessage());
    }
    List<ConfigScanner> out = new ArrayList<>();
    for (ConfigScanner s : ConfigEngine.discoverScanners()) {
      if (s instanceof KubernetesScanner) {
        out.add(new KubernetesScanner(mode, version, extraEvaluators()));
      } else if (mode == KubernetesScanner.Mode.ALL) {
        out.add(s);
      }
    }
    return out;
  }

  private KubernetesScanner.Mode mode() {
    if (policy == null) {
      return KubernetesScanner.Mode.ALL;
    }
    switch (policy.toLowerCase(Locale.ROOT)) {
      case "pss-baseline":
        return KubernetesScanner.Mode.PSS_BASELINE;
      case "pss-restricted":
        return KubernetesScanner.Mode.PSS_RESTRICTED;
      default:
        throw usage("unknown --policy '" + policy + "'; use pss-baseline or pss-restricted");
    }
  }

  private void write(ConfigReportWriter writer, ConfigReport report) throws IOException {
    if (output == null) {
      OutputStream out = System.out;
      writer.write(report, out);
      out.flush();
      return;
    }
    Path parent = output.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream out = Files.newOutputStream(output)) {
      writer.write(report, out);
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
