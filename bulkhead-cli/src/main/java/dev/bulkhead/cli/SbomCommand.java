package dev.bulkhead.cli;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.Report;
import dev.bulkhead.core.report.ReportWriter;
import dev.bulkhead.core.spi.Progress;
import dev.bulkhead.image.ImageScan;
import dev.bulkhead.image.PackageAnalyzers;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code bulkhead sbom} command: writes a CycloneDX or SPDX SBOM of an image or a directory;
 * its {@code scan} subcommand scans an existing SBOM for vulnerabilities.
 */
@Command(
    name = "sbom",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    subcommands = SbomScanCommand.class,
    description = {
      "Write a software bill of materials of an image or a directory.",
      "CycloneDX 1.6 JSON or SPDX 2.3 JSON: every package with its purl, layer and file.",
      "`bulkhead sbom scan FILE` scans an existing SBOM for vulnerabilities.",
      "",
      "TARGET is a directory or an image, as for `bulkhead image`:",
      "  docker-archive:PATH      a `docker save` tar (plain or gzip)",
      "  oci:DIR[:TAG]            an OCI image layout",
      "  dir:PATH                 an unpacked root filesystem",
      "  [HOST[:PORT]/]REPO[:TAG|@sha256:DIGEST]   an image in a registry",
      ""
    })
final class SbomCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "cyclonedx",
      description = "SBOM format: cyclonedx or spdx-json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the SBOM to FILE instead of standard output.")
  Path output;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress bar and no notes on standard error.")
  boolean quiet;

  @Mixin RegistryMixin registry;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "TARGET",
      description = "The image or directory to describe.")
  String target;

  @Override
  public Integer call() throws BulkheadException, IOException {
    if (target == null) {
      throw new ParameterException(
          spec.commandLine(),
          "name an image or a directory (`bulkhead sbom IMAGE|DIR`), or scan an SBOM with"
              + " `bulkhead sbom scan FILE`");
    }
    if (!format.equals("cyclonedx") && !format.equals("spdx-json")) {
      throw new ParameterException(
          spec.commandLine(), "unknown SBOM format '" + format + "'; use cyclonedx or spdx-json");
    }
    ReportWriter writer = ReportWriter.forFormat(format, VersionProvider.version());
    PrintWriter err = spec.commandLine().getErr();
    Progress progress = quiet ? Progress.NONE : ProgressBar.forStandardError();
    String scanTarget = imageTarget(target);
    Report report =
        ImageScan.of(scanTarget)
            .withRegistryOptions(registry.options())
            .withProgress(progress)
            // OS and language packages; a plain directory also gives its build manifests, as fs.
            .withAnalyzers(PackageAnalyzers.select(true, true, !scanTarget.equals(target)))
            .run();
    if (!quiet) {
      for (String warning : report.warnings()) {
        err.println("bulkhead: warning: " + warning);
      }
    }
    write(writer, report);
    if (!quiet && output != null) {
      err.printf(
          "SBOM written to %s (%d packages, %s)%n", output, report.packages().size(), format);
    }
    return ExitCodes.OK;
  }

  /** Returns {@code dir:PATH} for a plain existing directory, else the target unchanged. */
  static String imageTarget(String target) {
    if (target.indexOf(':') < 0 || target.startsWith("/") || target.startsWith(".")) {
      try {
        if (Files.isDirectory(Path.of(target))) {
          return "dir:" + target;
        }
      } catch (InvalidPathException e) {
        return target;
      }
    }
    return target;
  }

  private void write(ReportWriter writer, Report report) throws IOException {
    ReportOutput.write(output, out -> writer.write(report, out));
  }
}
