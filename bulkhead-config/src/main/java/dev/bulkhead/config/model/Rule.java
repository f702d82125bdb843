package dev.bulkhead.config.model;

import dev.bulkhead.core.Severity;
import java.util.List;

/**
 * A check's description, shown by {@code bulkhead rules list} and attached to each finding.
 *
 * @param id stable identifier, e.g. {@code BH-K8S-0001}, {@code BH-DF-0001}, {@code BH-DOCKER-0001}
 * @param title one line
 * @param severity default severity (a config file may override it)
 * @param description what is wrong and why it matters
 * @param remediation how to fix it
 * @param references links to the standard or documentation
 * @param frameworks framework controls it maps to, e.g. {@code pss-baseline:hostNamespaces}, {@code
 *     cis-docker:5.4}, {@code nsa-cisa:non-root}
 */
public record Rule(
    String id,
    String title,
    Severity severity,
    String description,
    String remediation,
    List<String> references,
    List<String> frameworks) {
  public Rule {
    references = List.copyOf(references);
    frameworks = List.copyOf(frameworks);
  }
}
