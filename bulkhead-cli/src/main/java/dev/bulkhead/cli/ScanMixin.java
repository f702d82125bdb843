package dev.bulkhead.cli;

import dev.bulkhead.core.Report;
import dev.bulkhead.core.Severity;
import dev.bulkhead.core.report.ReportWriter;
import dev.bulkhead.core.suppress.IgnoreFile;
import dev.bulkhead.service.scan.ContentOptions;
import dev.bulkhead.service.scan.ReportFilter;
import dev.bulkhead.service.scan.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Adds the options every scan shares: scanners, filters, report format and destination. */
final class ScanMixin {
  static final String VULN = "vuln";
  static final String SECRET = "secret";
  static final String MALWARE = "malware";
  static final String CONFIG = "config";

  @Option(
      names = "--scanners",
      paramLabel = "LIST",
      split = ",",
      defaultValue = "vuln,secret,malware",
      description =
          "What to look for: vuln, secret, malware (comma-separated; default: ${DEFAULT-VALUE}).")
  List<String> scanners;

  @Option(
      names = "--pkg-types",
      paramLabel = "LIST",
      split = ",",
      defaultValue = "os,library",
      description =
          "Package types to list and match: os (distribution packages), library (language"
              + " packages: jars, npm, Python, Go, Rust...) (comma-separated; default:"
              + " ${DEFAULT-VALUE}).")
  List<String> pkgTypes;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description =
          "Report format: table, json, sarif, cyclonedx (SBOM with vulnerabilities) or"
              + " spdx-json (default: ${DEFAULT-VALUE}).")
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
      names = "--vex",
      paramLabel = "FILE",
      description =
          "OpenVEX or CycloneDX VEX file; not_affected and fixed statements suppress findings"
              + " (repeatable).")
  List<Path> vex;

  @Option(
      names = "--ignorefile",
      paramLabel = "FILE",
      description =
          "Ignore file (line or YAML format, see docs/SBOM.md); default: ./"
              + IgnoreFile.DEFAULT_NAME
              + " when present.")
  Path ignoreFile;

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
      names = "--secret-config",
      paramLabel = "FILE",
      description = "YAML file with extra secret rules, disabled rules and allow-lists.")
  Path secretConfig;

  @Option(
      names = "--secret-max-size",
      paramLabel = "BYTES",
      defaultValue = "10485760",
      description =
          "Skip (and report) files larger than this for secrets (default: ${DEFAULT-VALUE}).")
  long secretMaxSize;

  @Option(
      names = "--malware-hashes",
      paramLabel = "FILE",
      description = "Known-bad SHA-256 list (one hash per line, or CSV with a sha256 column).")
  List<Path> malwareHashes;

  @Option(
      names = "--yara-rules",
      paramLabel = "DIR",
      description = "Run the YARA rules in DIR on every file (needs Debian's yara).")
  Path yaraRules;

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  /** Checks option values that picocli's types cannot; a bad value is a usage error (exit 2). */
  void validate() {
    if (exitCode < 0 || exitCode > 255) {
      throw usage("--exit-code must be between 0 and 255, not " + exitCode);
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  /** Returns the chosen scanner names, validated. */
  Set<String> scannerNames() {
    Set<String> names = new LinkedHashSet<>();
    for (String s : scanners) {
      String name = s.strip().toLowerCase(Locale.ROOT);
      switch (name) {
        case VULN:
        case SECRET:
        case MALWARE:
          names.add(name);
          break;
        case CONFIG:
          throw usage(
              "misconfigurations are checked by `bulkhead config PATH...` (Kubernetes,"
                  + " Dockerfile, compose, daemon.json); here use --scanners vuln,secret,malware");
        default:
          throw usage("unknown scanner '" + s + "'; use vuln, secret or malware (comma-separated)");
      }
    }
    return names;
  }

  /** Returns the chosen package types ({@code os}, {@code library}), validated. */
  Set<String> packageTypes() {
    Set<String> types = new LinkedHashSet<>();
    for (String t : pkgTypes) {
      String type = t.strip().toLowerCase(Locale.ROOT);
      if (!type.equals("os") && !type.equals("library")) {
        throw usage("unknown package type '" + t + "'; use os, library or os,library");
      }
      types.add(type);
    }
    return types;
  }

  /** Returns the chosen scanners as the scan job takes them. */
  Set<Scanner> scannerSet() {
    Set<Scanner> out = EnumSet.noneOf(Scanner.class);
    for (String name : scannerNames()) {
      out.add(Scanner.valueOf(name.toUpperCase(Locale.ROOT)));
    }
    return out;
  }

  /** Returns the secret and malware scanner settings. */
  ContentOptions content() {
    return new ContentOptions(secretMaxSize, secretConfig, malwareHashes, yaraRules);
  }

  /** Returns the report writer for {@code --format}. */
  ReportWriter writer() {
    try {
      return ReportWriter.forFormat(format, VersionProvider.version());
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  /**
   * Returns the suppressions and filters: {@code --vex}, the ignore file ({@code --ignorefile},
   * else {@code ./.bulkheadignore} when present), {@code --severity} and {@code --ignore-unfixed}.
   */
  ReportFilter filter() {
    Path ignore = ignoreFile;
    if (ignore == null && Files.isRegularFile(Path.of(IgnoreFile.DEFAULT_NAME))) {
      ignore = Path.of(IgnoreFile.DEFAULT_NAME);
    }
    return new ReportFilter(
        vex, ignore, severities == null ? Set.of() : EnumSet.copyOf(severities), ignoreUnfixed);
  }

  /** Writes the report to {@code --output} or standard output. */
  void write(ReportWriter writer, Report report) throws IOException {
    ReportOutput.write(output, out -> writer.write(report, out));
  }

  /** Returns the exit status for a written report. */
  int exitStatus(Report report) {
    boolean any = !report.findings().isEmpty() || !report.contentFindings().isEmpty();
    return exitCode != 0 && any ? exitCode : ExitCodes.OK;
  }
}
