package dev.bulkhead.cli;

import dev.bulkhead.config.cel.CelPolicySet;
import dev.bulkhead.config.cel.CelResourceEvaluator;
import dev.bulkhead.config.compliance.ComplianceReport;
import dev.bulkhead.config.compliance.ComplianceWriter;
import dev.bulkhead.config.compliance.ControlStatus;
import dev.bulkhead.config.compliance.Framework;
import dev.bulkhead.config.engine.ConfigEngine;
import dev.bulkhead.config.engine.ConfigFile;
import dev.bulkhead.config.engine.ConfigReport;
import dev.bulkhead.config.engine.ConfigWarning;
import dev.bulkhead.config.engine.IgnoreFile;
import dev.bulkhead.config.k8s.KubernetesScanner;
import dev.bulkhead.config.k8s.PssVersion;
import dev.bulkhead.config.k8s.ResourceEvaluator;
import dev.bulkhead.config.model.Location;
import dev.bulkhead.config.model.Rule;
import dev.bulkhead.config.report.ConfigReportWriter;
import dev.bulkhead.config.spi.ConfigParseException;
import dev.bulkhead.config.spi.ConfigScanner;
import dev.bulkhead.config.spi.ScannedResource;
import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code bulkhead config} command: checks Kubernetes manifests (and whatever other {@link
 * ConfigScanner}s are registered) in files, directories and standard input.
 *
 * <p>Organisation policies ({@code --policy-file}, CEL in the shape of ValidatingAdmissionPolicy)
 * run on every Kubernetes object after the built-in rules; {@code --compliance} turns the findings
 * into a per-control report for one framework instead of the findings list.
 */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Check configuration files for misconfigurations: Kubernetes manifests",
      "(YAML or JSON, many documents, List kinds) against the Pod Security",
      "Standards, hardening, RBAC and network rules; Dockerfiles, docker-compose",
      "files and Docker daemon.json; organisation policies in CEL (--policy-file).",
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
      "  bulkhead config k8s/ --policy-file examples/policies/org-policies.yaml",
      "  bulkhead config k8s/ Dockerfile --compliance nsa-cisa -f html -o report.html",
      "%nSuppress a finding with the annotation",
      "  bulkhead.dev/ignore: \"BH-K8S-0005 reason\"",
      "or an --ignorefile line like `BH-K8S-0005 file=deploy/agent.yaml # reason`.",
      "Rule ids: bulkhead rules list.",
      "Exit status: 0 ok, 1 error (or --exit-code when findings remain), 2 usage."
    })
final class ConfigCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ReportOptions options = new ReportOptions();

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
      names = "--config",
      paramLabel = "FILE",
      description = "YAML file that disables rules (disable: [ID]) or changes severities.")
  Path configFile;

  @Option(
      names = "--policy-file",
      paramLabel = "FILE",
      description =
          "Organisation policies: ValidatingAdmissionPolicy YAML with CEL expressions"
              + " (repeatable).")
  List<Path> policyFiles = List.of();

  @Option(
      names = "--compliance",
      paramLabel = "FRAMEWORK",
      description =
          "Report per control of a framework instead of per finding: pss-baseline,"
              + " pss-restricted, cis-docker, cis-kubernetes or nsa-cisa.")
  String compliance;

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
    options.check(spec);
    if (maxFileSize < 1) {
      throw usage("--max-file-size must be positive");
    }
    Framework framework = framework();
    ComplianceWriter complianceWriter = framework == null ? null : complianceWriter();
    ConfigReportWriter writer = framework == null ? reportWriter() : null;
    CelResourceEvaluator policies = policies();
    List<ConfigScanner> scanners = scanners(policies);
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
    ConfigReport report = withPolicyWarnings(engine.scan(paths), policies);
    Set<Severity> wanted = options.wanted();
    ConfigReport filtered = report.filter(f -> wanted.contains(f.severity()));
    if (framework != null) {
      ComplianceReport c =
          ComplianceReport.compute(
              framework,
              filtered.rules(),
              filtered.resources().stream().map(ScannedResource::resource).toList(),
              filtered.findings());
      ReportOutput.write(options.output, out -> complianceWriter.write(c, out));
      printWarnings(filtered);
      boolean failing = c.controls().stream().anyMatch(r -> r.status() == ControlStatus.FAIL);
      return options.exitStatus(failing);
    }
    ReportOutput.write(options.output, out -> writer.write(filtered, out));
    if (!quiet && options.output != null) {
      spec.commandLine()
          .getErr()
          .printf(
              "report written to %s (%d findings, %d suppressed, %d warnings)%n",
              options.output,
              filtered.active().size(),
              filtered.suppressed().size(),
              filtered.warnings().size());
    }
    return options.exitStatus(!filtered.active().isEmpty());
  }

  /** Loads and compiles every {@code --policy-file}; {@code null} when none is given. */
  private CelResourceEvaluator policies() throws BulkheadException {
    if (policyFiles.isEmpty()) {
      return null;
    }
    List<CelPolicySet> sets = new ArrayList<>();
    try {
      for (Path p : policyFiles) {
        sets.add(CelPolicySet.load(p));
      }
      return new CelResourceEvaluator(CelPolicySet.combine(sets));
    } catch (ConfigParseException e) {
      // The message already names the file, line and column.
      throw new BulkheadException(e.getMessage(), e);
    }
  }

  /** Adds the policies' run-time failures to the report's warnings. */
  private static ConfigReport withPolicyWarnings(ConfigReport r, CelResourceEvaluator policies) {
    if (policies == null || policies.warnings().isEmpty()) {
      return r;
    }
    List<ConfigWarning> warnings = new ArrayList<>(r.warnings());
    for (String w : policies.warnings()) {
      warnings.add(new ConfigWarning(new Location("", 0, 0), w));
    }
    return new ConfigReport(
        r.targets(), r.files(), r.findings(), warnings, r.resources(), r.rules());
  }

  private Framework framework() {
    if (compliance == null) {
      return null;
    }
    try {
      return Framework.of(compliance);
    } catch (IllegalArgumentException e) {
      throw usage("--compliance: " + e.getMessage());
    }
  }

  private ComplianceWriter complianceWriter() {
    try {
      return ComplianceWriter.forFormat(format, VersionProvider.version());
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  /** The compliance report has no room for input warnings: they go to standard error. */
  private void printWarnings(ConfigReport report) {
    if (quiet) {
      return;
    }
    for (ConfigWarning w : report.warnings()) {
      Location l = w.location();
      String where =
          l == null || l.file().isEmpty()
              ? ""
              : l.file() + (l.line() > 0 ? ":" + l.line() + ":" + l.column() : "") + ": ";
      spec.commandLine().getErr().println("warning: " + where + w.message());
    }
  }

  private ConfigReportWriter reportWriter() {
    try {
      return ConfigReportWriter.forFormat(format, VersionProvider.version());
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  /** Every registered scanner, with the Kubernetes one set to the chosen policy and version. */
  private List<ConfigScanner> scanners(CelResourceEvaluator policies) {
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
        List<ResourceEvaluator> extra = policies == null ? List.of() : List.of(policies);
        out.add(new KubernetesScanner(mode, version, extra));
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

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
