package dev.bulkhead.vulndb.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Computes CVSS v4.0 scores from vector strings as the FIRST specification defines them
 * (https://www.first.org/cvss/v4-0/specification-document, section 8.2): the vector falls into a
 * MacroVector (EQ1-EQ6) whose score comes from the specification's lookup table ({@code
 * cvss4-macrovectors.txt}), then is lowered by the mean proportional severity distance of the
 * vector from the highest-severity vectors of its MacroVector.
 *
 * <p>Threat ({@code E}) and environmental metrics are honoured when present; absent ones take the
 * specification's defaults ({@code E:X} as {@code A}, {@code CR/IR/AR:X} as {@code H}).
 */
public final class Cvss4 {
  private static final List<String> BASE =
      List.of("AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA");
  private static final Map<String, Set<String>> VALUES =
      Map.ofEntries(
          Map.entry("AV", Set.of("N", "A", "L", "P")),
          Map.entry("AC", Set.of("L", "H")),
          Map.entry("AT", Set.of("N", "P")),
          Map.entry("PR", Set.of("N", "L", "H")),
          Map.entry("UI", Set.of("N", "P", "A")),
          Map.entry("VC", Set.of("H", "L", "N")),
          Map.entry("VI", Set.of("H", "L", "N")),
          Map.entry("VA", Set.of("H", "L", "N")),
          Map.entry("SC", Set.of("H", "L", "N")),
          Map.entry("SI", Set.of("H", "L", "N")),
          Map.entry("SA", Set.of("H", "L", "N")),
          Map.entry("E", Set.of("X", "A", "P", "U")),
          Map.entry("CR", Set.of("X", "H", "M", "L")),
          Map.entry("IR", Set.of("X", "H", "M", "L")),
          Map.entry("AR", Set.of("X", "H", "M", "L")),
          Map.entry("MAV", Set.of("X", "N", "A", "L", "P")),
          Map.entry("MAC", Set.of("X", "L", "H")),
          Map.entry("MAT", Set.of("X", "N", "P")),
          Map.entry("MPR", Set.of("X", "N", "L", "H")),
          Map.entry("MUI", Set.of("X", "N", "P", "A")),
          Map.entry("MVC", Set.of("X", "H", "L", "N")),
          Map.entry("MVI", Set.of("X", "H", "L", "N")),
          Map.entry("MVA", Set.of("X", "H", "L", "N")),
          Map.entry("MSC", Set.of("X", "H", "L", "N")),
          Map.entry("MSI", Set.of("X", "S", "H", "L", "N")),
          Map.entry("MSA", Set.of("X", "S", "H", "L", "N")));

  /** Severity levels per metric value, as the specification's distance uses them. */
  private static final Map<String, Map<String, Double>> LEVELS =
      Map.ofEntries(
          Map.entry("AV", Map.of("N", 0.0, "A", 0.1, "L", 0.2, "P", 0.3)),
          Map.entry("PR", Map.of("N", 0.0, "L", 0.1, "H", 0.2)),
          Map.entry("UI", Map.of("N", 0.0, "P", 0.1, "A", 0.2)),
          Map.entry("AC", Map.of("L", 0.0, "H", 0.1)),
          Map.entry("AT", Map.of("N", 0.0, "P", 0.1)),
          Map.entry("VC", Map.of("H", 0.0, "L", 0.1, "N", 0.2)),
          Map.entry("VI", Map.of("H", 0.0, "L", 0.1, "N", 0.2)),
          Map.entry("VA", Map.of("H", 0.0, "L", 0.1, "N", 0.2)),
          Map.entry("SC", Map.of("H", 0.1, "L", 0.2, "N", 0.3)),
          Map.entry("SI", Map.of("S", 0.0, "H", 0.1, "L", 0.2, "N", 0.3)),
          Map.entry("SA", Map.of("S", 0.0, "H", 0.1, "L", 0.2, "N", 0.3)),
          Map.entry("CR", Map.of("H", 0.0, "M", 0.1, "L", 0.2)),
          Map.entry("IR", Map.of("H", 0.0, "M", 0.1, "L", 0.2)),
          Map.entry("AR", Map.of("H", 0.0, "M", 0.1, "L", 0.2)));

  /** The highest-severity vectors of each EQ level (specification, section 8.2). */
  private static final List<List<String>> EQ1_MAX =
      List.of(
          List.of("AV:N/PR:N/UI:N"),
          List.of("AV:A/PR:N/UI:N", "AV:N/PR:L/UI:N", "AV:N/PR:N/UI:P"),
          List.of("AV:P/PR:N/UI:N", "AV:A/PR:L/UI:P"));

  private static final List<List<String>> EQ2_MAX =
      List.of(List.of("AC:L/AT:N"), List.of("AC:H/AT:N", "AC:L/AT:P"));

  private static final Map<String, List<String>> EQ3_EQ6_MAX =
      Map.of(
          "00", List.of("VC:H/VI:H/VA:H/CR:H/IR:H/AR:H"),
          "01", List.of("VC:H/VI:H/VA:L/CR:M/IR:M/AR:H", "VC:H/VI:H/VA:H/CR:M/IR:M/AR:M"),
          "10", List.of("VC:L/VI:H/VA:H/CR:H/IR:H/AR:H", "VC:H/VI:L/VA:H/CR:H/IR:H/AR:H"),
          "11",
              List.of(
                  "VC:L/VI:H/VA:L/CR:H/IR:M/AR:H",
                  "VC:L/VI:H/VA:H/CR:H/IR:M/AR:M",
                  "VC:H/VI:L/VA:H/CR:M/IR:H/AR:M",
                  "VC:H/VI:L/VA:L/CR:M/IR:H/AR:H",
                  "VC:L/VI:L/VA:H/CR:H/IR:H/AR:M"),
          "21", List.of("VC:L/VI:L/VA:L/CR:H/IR:H/AR:H"));

  private static final List<String> EQ4_MAX =
      List.of("SC:H/SI:S/SA:S", "SC:H/SI:H/SA:H", "SC:L/SI:L/SA:L");

  /** The depth of each EQ level (maximal severity distance + 1), specification section 8.2. */
  private static final int[] EQ1_DEPTH = {1, 4, 5};

  private static final int[] EQ2_DEPTH = {1, 2};
  private static final Map<String, Integer> EQ3_EQ6_DEPTH =
      Map.of("00", 7, "01", 6, "10", 8, "11", 8, "21", 10);
  private static final int[] EQ4_DEPTH = {6, 5, 4};

  private static final Map<String, Double> LOOKUP = loadLookup();

  private Cvss4() {}

  /**
   * Returns the score of a {@code CVSS:4.0/...} vector, or empty when it is not a valid v4 vector
   * with every base metric.
   */
  public static OptionalDouble score(String vector) {
    Map<String, String> m = parse(vector);
    if (m == null) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(score(m));
  }

  private static Map<String, String> parse(String vector) {
    if (vector == null || !vector.startsWith("CVSS:4.0/") || vector.length() > 512) {
      return null;
    }
    Map<String, String> m = new HashMap<>();
    String[] parts = vector.substring("CVSS:4.0/".length()).split("/", -1);
    for (String part : parts) {
      int colon = part.indexOf(':');
      if (colon <= 0) {
        return null;
      }
      String key = part.substring(0, colon);
      String value = part.substring(colon + 1);
      Set<String> allowed = VALUES.get(key);
      if (allowed == null) {
        continue; // supplemental metrics (S, AU, R, V, RE, U) do not change the score
      }
      if (!allowed.contains(value) || m.put(key, value) != null) {
        return null;
      }
    }
    for (String b : BASE) {
      if (!m.containsKey(b)) {
        return null;
      }
    }
    return m;
  }

  /** The effective value of a metric: modified environmental value first, then the defaults. */
  private static String m(Map<String, String> v, String metric) {
    String selected = v.getOrDefault(metric, "X");
    if (metric.equals("E") && selected.equals("X")) {
      return "A";
    }
    if ((metric.equals("CR") || metric.equals("IR") || metric.equals("AR"))
        && selected.equals("X")) {
      return "H";
    }
    String modified = v.get("M" + metric);
    if (modified != null && !modified.equals("X")) {
      return modified;
    }
    return selected;
  }

  private static double score(Map<String, String> v) {
    if (List.of("VC", "VI", "VA", "SC", "SI", "SA").stream().allMatch(k -> m(v, k).equals("N"))) {
      return 0.0;
    }
    int[] eq = macroVector(v);
    String macro = key(eq);
    double value = LOOKUP.get(macro);

    Double lowerEq1 = LOOKUP.get(key(eq[0] + 1, eq[1], eq[2], eq[3], eq[4], eq[5]));
    Double lowerEq2 = LOOKUP.get(key(eq[0], eq[1] + 1, eq[2], eq[3], eq[4], eq[5]));
    Double lowerEq3Eq6;
    if (eq[2] == 0 && eq[5] == 0) {
      Double left = LOOKUP.get(key(eq[0], eq[1], eq[2], eq[3], eq[4], eq[5] + 1));
      Double right = LOOKUP.get(key(eq[0], eq[1], eq[2] + 1, eq[3], eq[4], eq[5]));
      // As the reference calculator: the left one only when both exist and it scores higher.
      lowerEq3Eq6 = left != null && right != null && left > right ? left : right;
    } else if (eq[2] == 1 && eq[5] == 0) {
      lowerEq3Eq6 = LOOKUP.get(key(eq[0], eq[1], eq[2], eq[3], eq[4], eq[5] + 1));
    } else if (eq[2] == 2) {
      lowerEq3Eq6 = null; // 21 -> 32 does not exist
    } else {
      lowerEq3Eq6 = LOOKUP.get(key(eq[0], eq[1], eq[2] + 1, eq[3], eq[4], eq[5]));
    }
    Double lowerEq4 = LOOKUP.get(key(eq[0], eq[1], eq[2], eq[3] + 1, eq[4], eq[5]));
    Double lowerEq5 = LOOKUP.get(key(eq[0], eq[1], eq[2], eq[3], eq[4] + 1, eq[5]));

    // Severity distances (in tenths) from the first highest-severity vector of the MacroVector
    // that the vector does not exceed.
    String eq36 = "" + eq[2] + eq[5];
    Map<String, Double> d = null;
    outer:
    for (String a : EQ1_MAX.get(eq[0])) {
      for (String b : EQ2_MAX.get(eq[1])) {
        for (String c : EQ3_EQ6_MAX.get(eq36)) {
          String max = a + "/" + b + "/" + c + "/" + EQ4_MAX.get(eq[3]);
          Map<String, Double> dist = distances(v, max);
          if (dist != null) {
            d = dist;
            break outer;
          }
        }
      }
    }
    if (d == null) {
      // The reference implementation keeps the last candidate's distances in this case.
      d =
          distancesUnchecked(
              v,
              last(EQ1_MAX.get(eq[0]))
                  + "/"
                  + last(EQ2_MAX.get(eq[1]))
                  + "/"
                  + last(EQ3_EQ6_MAX.get(eq36))
                  + "/"
                  + EQ4_MAX.get(eq[3]));
    }
    double dEq1 = d.get("AV") + d.get("PR") + d.get("UI");
    double dEq2 = d.get("AC") + d.get("AT");
    double dEq3Eq6 =
        d.get("VC") + d.get("VI") + d.get("VA") + d.get("CR") + d.get("IR") + d.get("AR");
    double dEq4 = d.get("SC") + d.get("SI") + d.get("SA");

    int existing = 0;
    double sum = 0;
    if (lowerEq1 != null) {
      existing++;
      sum += (value - lowerEq1) * (dEq1 / (EQ1_DEPTH[eq[0]] * 0.1));
    }
    if (lowerEq2 != null) {
      existing++;
      sum += (value - lowerEq2) * (dEq2 / (EQ2_DEPTH[eq[1]] * 0.1));
    }
    if (lowerEq3Eq6 != null) {
      existing++;
      sum += (value - lowerEq3Eq6) * (dEq3Eq6 / (EQ3_EQ6_DEPTH.get(eq36) * 0.1));
    }
    if (lowerEq4 != null) {
      existing++;
      sum += (value - lowerEq4) * (dEq4 / (EQ4_DEPTH[eq[3]] * 0.1));
    }
    if (lowerEq5 != null) {
      existing++; // EQ5's proportion is always 0
    }
    double mean = existing == 0 ? 0 : sum / existing;
    double score = Math.max(0, Math.min(10, value - mean));
    return Math.round(score * 10) / 10.0;
  }

  private static String last(List<String> l) {
    return l.get(l.size() - 1);
  }

  /**
   * Returns the per-metric distances (tenths as 0.1), or null when the vector exceeds {@code max}
   * anywhere.
   */
  private static Map<String, Double> distances(Map<String, String> v, String max) {
    Map<String, Double> d = distancesUnchecked(v, max);
    for (double x : d.values()) {
      if (x < 0) {
        return null;
      }
    }
    return d;
  }

  private static Map<String, Double> distancesUnchecked(Map<String, String> v, String max) {
    Map<String, Double> d = new HashMap<>();
    for (String part : max.split("/")) {
      String metric = part.substring(0, part.indexOf(':'));
      String maxValue = part.substring(part.indexOf(':') + 1);
      Map<String, Double> levels = LEVELS.get(metric);
      Double own = levels.get(m(v, metric));
      // SC has no S level; a modified value outside the table counts as no distance.
      d.put(metric, own == null ? 0.0 : own - levels.get(maxValue));
    }
    return d;
  }

  private static int[] macroVector(Map<String, String> v) {
    String av = m(v, "AV");
    String pr = m(v, "PR");
    String ui = m(v, "UI");
    int eq1;
    if (av.equals("N") && pr.equals("N") && ui.equals("N")) {
      eq1 = 0;
    } else if ((av.equals("N") || pr.equals("N") || ui.equals("N")) && !av.equals("P")) {
      eq1 = 1;
    } else {
      eq1 = 2;
    }
    int eq2 = m(v, "AC").equals("L") && m(v, "AT").equals("N") ? 0 : 1;
    String vc = m(v, "VC");
    String vi = m(v, "VI");
    String va = m(v, "VA");
    int eq3;
    if (vc.equals("H") && vi.equals("H")) {
      eq3 = 0;
    } else if (vc.equals("H") || vi.equals("H") || va.equals("H")) {
      eq3 = 1;
    } else {
      eq3 = 2;
    }
    int eq4;
    if (m(v, "SI").equals("S") || m(v, "SA").equals("S")) {
      eq4 = 0;
    } else if (m(v, "SC").equals("H") || m(v, "SI").equals("H") || m(v, "SA").equals("H")) {
      eq4 = 1;
    } else {
      eq4 = 2;
    }
    String e = m(v, "E");
    int eq5 = e.equals("A") ? 0 : e.equals("P") ? 1 : 2;
    boolean highReq =
        (m(v, "CR").equals("H") && vc.equals("H"))
            || (m(v, "IR").equals("H") && vi.equals("H"))
            || (m(v, "AR").equals("H") && va.equals("H"));
    int eq6 = highReq ? 0 : 1;
    return new int[] {eq1, eq2, eq3, eq4, eq5, eq6};
  }

  private static String key(int... eq) {
    StringBuilder sb = new StringBuilder(6);
    for (int x : eq) {
      sb.append(x);
    }
    return sb.toString();
  }

  private static Map<String, Double> loadLookup() {
    Map<String, Double> out = new HashMap<>();
    try (InputStream in = Cvss4.class.getResourceAsStream("cvss4-macrovectors.txt")) {
      if (in == null) {
        throw new IllegalStateException("cvss4-macrovectors.txt is missing from the class path");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.trim().split("\\s+");
        out.put(f[0], Double.parseDouble(f[1]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(out);
  }
}
