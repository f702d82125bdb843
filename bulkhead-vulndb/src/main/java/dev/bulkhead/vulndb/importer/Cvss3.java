package dev.bulkhead.vulndb.importer;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Computes CVSS v3.0 and v3.1 base scores from vector strings, as the FIRST specification defines
 * them (https://www.first.org/cvss/v3.1/specification-document, section 7).
 */
public final class Cvss3 {
  private Cvss3() {}

  /**
   * Returns the base score of a {@code CVSS:3.x/...} vector, or empty when the vector is not a
   * complete, valid v3 base vector.
   */
  public static OptionalDouble baseScore(String vector) {
    if (vector == null || !(vector.startsWith("CVSS:3.1/") || vector.startsWith("CVSS:3.0/"))) {
      return OptionalDouble.empty();
    }
    Map<String, String> m = new HashMap<>();
    String[] parts = vector.split("/");
    for (int i = 1; i < parts.length; i++) {
      int colon = parts[i].indexOf(':');
      if (colon <= 0
          || m.put(parts[i].substring(0, colon), parts[i].substring(colon + 1)) != null) {
        return OptionalDouble.empty();
      }
    }
    String scope = m.get("S");
    if (!"U".equals(scope) && !"C".equals(scope)) {
      return OptionalDouble.empty();
    }
    boolean changed = scope.equals("C");
    double av = pick(m.get("AV"), "N", 0.85, "A", 0.62, "L", 0.55, "P", 0.2);
    double ac = pick(m.get("AC"), "L", 0.77, "H", 0.44);
    double pr =
        changed
            ? pick(m.get("PR"), "N", 0.85, "L", 0.68, "H", 0.5)
            : pick(m.get("PR"), "N", 0.85, "L", 0.62, "H", 0.27);
    double ui = pick(m.get("UI"), "N", 0.85, "R", 0.62);
    double c = pick(m.get("C"), "H", 0.56, "L", 0.22, "N", 0);
    double in = pick(m.get("I"), "H", 0.56, "L", 0.22, "N", 0);
    double a = pick(m.get("A"), "H", 0.56, "L", 0.22, "N", 0);
    if (Double.isNaN(av + ac + pr + ui + c + in + a)) {
      return OptionalDouble.empty();
    }
    double iss = 1 - (1 - c) * (1 - in) * (1 - a);
    double impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
    double exploitability = 8.22 * av * ac * pr * ui;
    if (impact <= 0) {
      return OptionalDouble.of(0.0);
    }
    double base =
        changed
            ? roundUp(Math.min(1.08 * (impact + exploitability), 10))
            : roundUp(Math.min(impact + exploitability, 10));
    return OptionalDouble.of(base);
  }

  /** Rounds up to one decimal the way CVSS v3.1 Appendix A does, free of float artefacts. */
  static double roundUp(double value) {
    long scaled = Math.round(value * 100_000);
    if (scaled % 10_000 == 0) {
      return scaled / 100_000.0;
    }
    return (Math.floor(scaled / 10_000.0) + 1) / 10.0;
  }

  private static double pick(String value, Object... pairs) {
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i].equals(value)) {
        return ((Number) pairs[i + 1]).doubleValue();
      }
    }
    return Double.NaN;
  }
}
