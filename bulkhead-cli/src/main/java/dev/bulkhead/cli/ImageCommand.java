package dev.bulkhead.cli;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.Finding;
import dev.bulkhead.core.Report;
import dev.bulkhead.core.Severity;
import dev.bulkhead.core.report.ReportWriter;
import dev.bulkhead.core.spi.Progress;
import dev.bulkhead.image.ImageScan;
import dev.bulkhead.image.registry.RegistryOptions;
import dev.bulkhead.vulndb.VulnDb;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The {@code bulkhead image} command: lists an image's OS packages and their vulnerabilities. */
@Command(
    name = "image",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Scan a container image for vulnerable OS packages.",
      "",
      "IMAGE is one of:",
      "  docker-archive:PATH      a `docker save` tar (plain or gzip)",
      "  oci:DIR[:TAG]            an OCI image layout",
      "  dir:PATH                 an unpacked root filesystem",
      "  [HOST[:PORT]/]REPO[:TAG|@sha256:DIGEST]   an image in a registry",
      ""
    })
final class ImageCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DbOption db;

  @Parameters(index = "0", paramLabel = "IMAGE", description = "The image to scan.")
  String image;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "Report format: table, json or sarif (default: ${DEFAULT-VALUE}).")
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

  @Option(names = "--ignore-unfixed", description = "Report only vulnerabilities with a fix.")
  boolean ignoreUnfixed;

  @Option(
      names = "--exit-code",
      paramLabel = "N",
      defaultValue = "0",
      description = "Exit with N when findings remain after filters (default: ${DEFAULT-VALUE}).")
  int exitCode;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress bar and no notes on standard error.")
  boolean quiet;

  @Option(
      names = "--platform",
      paramLabel = "OS/ARCH[/VARIANT]",
      defaultValue = RegistryOptions.DEFAULT_PLATFORM,
      description = "Platform to pick from a multi-platform image (default: ${DEFAULT-VALUE}).")
  String platform;

  @Option(
      names = {"-u", "--username"},
      description = "Registry user name.")
  String username;

  @Option(
      names = {"-p", "--password"},
      description = "Registry password or token (see also --password-stdin).")
  String password;

  @Option(names = "--password-stdin", description = "Read the registry password from stdin.")
  boolean passwordStdin;

  @Option(
      names = "--docker-config",
      paramLabel = "FILE",
      description = "Docker config.json to read registry credentials from.")
  Path dockerConfig;

  @Option(names = "--insecure", description = "Use plain HTTP to reach the registry.")
  boolean insecure;

  @Override
  public Integer call() throws BulkheadException, IOException {
    PrintWriter err = spec.commandLine().getErr();
    ReportWriter writer = writerFor(format);
    RegistryOptions registry =
        new RegistryOptions(platform, username, readPassword(), dockerConfig, insecure)
            .withEnvironmentToken();
    Progress progress = quiet ? Progress.NONE : ProgressBar.forStandardError();
    Report report;
    Path dbPath = db.path();
    ImageScan scan = ImageScan.of(image).withRegistryOptions(registry).withProgress(progress);
    if (Files.exists(dbPath)) {
      try (VulnDb vulnDb = VulnDb.open(dbPath)) {
        report = scan.withMatcher(vulnDb).run();
      }
    } else {
      report = scan.run();
      report = withWarning(report, noDatabaseWarning(dbPath));
    }
    report = report.withFindings(filter(report.findings()));
    write(writer, report);
    if (!quiet && output != null) {
      err.printf("report written to %s (%d findings)%n", output, report.findings().size());
    }
    return exitCode != 0 && !report.findings().isEmpty() ? exitCode : ExitCodes.OK;
  }

  private static ReportWriter writerFor(String format) throws BulkheadException {
    try {
      return ReportWriter.forFormat(format, VersionProvider.version());
    } catch (IllegalArgumentException e) {
      throw new BulkheadException(e.getMessage(), e);
    }
  }

  private String readPassword() throws IOException {
    if (!passwordStdin) {
      return password;
    }
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line = in.readLine();
    return line == null ? null : line.strip();
  }

  private List<Finding> filter(List<Finding> findings) {
    Set<Severity> wanted =
        severities == null || severities.isEmpty()
            ? EnumSet.allOf(Severity.class)
            : EnumSet.copyOf(severities);
    List<Finding> kept = new ArrayList<>();
    for (Finding f : findings) {
      if (wanted.contains(f.severity()) && !(ignoreUnfixed && f.fixedVersion() == null)) {
        kept.add(f);
      }
    }
    return kept;
  }

  private void write(ReportWriter writer, Report report) throws IOException {
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

  private static String noDatabaseWarning(Path dbPath) {
    return "no advisory database at "
        + dbPath
        + "; only packages are listed. Import advisories with `bulkhead db import PATH`";
  }

  private static Report withWarning(Report report, String warning) {
    List<String> warnings = new ArrayList<>(report.warnings());
    warnings.add(warning);
    return new Report(
        report.schemaVersion(),
        report.target(),
        report.os(),
        report.layers(),
        report.packages(),
        report.findings(),
        warnings);
  }
}
