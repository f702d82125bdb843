package dev.bulkhead.config.engine;

import dev.bulkhead.config.model.ConfigFinding;
import dev.bulkhead.config.model.Rule;
import dev.bulkhead.config.spi.ScannedResource;
import java.util.List;
import java.util.function.Predicate;

/**
 * The outcome of a config scan.
 *
 * @param targets the paths the user named ({@code -} for standard input)
 * @param files how many files a scanner accepted
 * @param findings every finding, suppressed ones included, in file order
 * @param warnings inputs that could not be (fully) scanned
 * @param resources every resource looked at (for compliance scores)
 * @param rules every rule the scanners can report
 */
public record ConfigReport(
    List<String> targets,
    int files,
    List<ConfigFinding> findings,
    List<ConfigWarning> warnings,
    List<ScannedResource> resources,
    List<Rule> rules) {
  public ConfigReport {
    targets = List.copyOf(targets);
    findings = List.copyOf(findings);
    warnings = List.copyOf(warnings);
    resources = List.copyOf(resources);
    rules = List.copyOf(rules);
  }

  /** Findings that count (not suppressed). */
  public List<ConfigFinding> active() {
    return findings.stream().filter(f -> f.suppression() == null).toList();
  }

  /** Findings marked suppressed. */
  public List<ConfigFinding> suppressed() {
    return findings.stream().filter(f -> f.suppression() != null).toList();
  }

  /** This report keeping only the findings {@code keep} accepts. */
  public ConfigReport filter(Predicate<ConfigFinding> keep) {
    return new ConfigReport(
        targets, files, findings.stream().filter(keep).toList(), warnings, resources, rules);
  }
}
