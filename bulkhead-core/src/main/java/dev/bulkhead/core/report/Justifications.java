package dev.bulkhead.core.report;

import java.util.Locale;
import java.util.Map;

/**
 * Maps VEX justifications between OpenVEX and CycloneDX, whose vocabularies differ.
 *
 * @see <a href="https://github.com/openvex/spec/blob/main/OPENVEX-SPEC.md">OpenVEX status
 *     justifications</a>
 * @see <a href="https://cyclonedx.org/docs/1.6/json/#vulnerabilities_items_analysis_justification">
 *     CycloneDX analysis justification</a>
 */
public final class Justifications {
  private static final Map<String, String> OPENVEX_TO_CYCLONEDX =
      Map.of(
          "component_not_present", "code_not_present",
          "vulnerable_code_not_present", "code_not_present",
          "vulnerable_code_not_in_execute_path", "code_not_reachable",
          "vulnerable_code_cannot_be_controlled_by_adversary", "requires_environment",
          "inline_mitigations_already_exist", "protected_by_mitigating_control");

  private static final java.util.Set<String> CYCLONEDX =
      java.util.Set.of(
          "code_not_present",
          "code_not_reachable",
          "requires_configuration",
          "requires_dependency",
          "requires_environment",
          "protected_by_compiler",
          "protected_at_runtime",
          "protected_at_perimeter",
          "protected_by_mitigating_control");

  private Justifications() {}

  /**
   * Returns the CycloneDX justification for an OpenVEX or CycloneDX one, or {@code null} when it
   * has no CycloneDX equivalent.
   */
  public static String toCycloneDx(String justification) {
    if (justification == null) {
      return null;
    }
    String j = justification.strip().toLowerCase(Locale.ROOT);
    if (CYCLONEDX.contains(j)) {
      return j;
    }
    return OPENVEX_TO_CYCLONEDX.get(j);
  }
}
