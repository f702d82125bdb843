package dev.bulkhead.config.cel;

import dev.bulkhead.config.model.Location;
import dev.bulkhead.config.model.Rule;
import dev.bulkhead.config.spi.ConfigParseException;
import dev.bulkhead.core.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Derives a policy's {@link Rule} from its name and {@code bulkhead.dev/*} annotations. */
final class PolicyRules {
  static final String PREFIX = "bulkhead.dev/";
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern FRAMEWORK = Pattern.compile("[a-z0-9-]+:[A-Za-z0-9._-]+");

  private PolicyRules() {}

  static Rule rule(PolicyDoc doc) throws ConfigParseException {
    Map<String, String> a = doc.annotations();
    String id = a.getOrDefault(PREFIX + "rule-id", "ORG-" + doc.name()).strip();
    if (!ID.matcher(id).matches()) {
      throw error(doc, PREFIX + "rule-id '" + id + "' must match " + ID.pattern());
    }
    Severity severity = Severity.MEDIUM;
    String sev = a.get(PREFIX + "severity");
    if (sev != null) {
      severity = Severity.parse(sev);
      if (severity == Severity.UNKNOWN) {
        throw error(
            doc, PREFIX + "severity '" + sev + "' must be one of low, medium, high, critical");
      }
    }
    String title = a.get(PREFIX + "title");
    if (title == null) {
      String first = doc.validations().get(0).message();
      title = first != null && !first.isBlank() ? first : "Organisation policy " + doc.name();
    }
    String description =
        a.getOrDefault(
            PREFIX + "description",
            "Organisation policy "
                + doc.name()
                + " ("
                + doc.where().file()
                + ") requires: "
                + String.join(
                    " and ",
                    doc.validations().stream()
                        .map(v -> v.expression().text().strip())
                        .toArray(String[]::new)));
    String remediation =
        a.getOrDefault(
            PREFIX + "remediation",
            "Change the resource so that it satisfies policy " + doc.name() + ".");
    List<String> frameworks = new ArrayList<>();
    for (String f : split(a.get(PREFIX + "frameworks"))) {
      if (!FRAMEWORK.matcher(f).matches()) {
        throw error(
            doc,
            PREFIX
                + "frameworks entry '"
                + f
                + "' must look like framework:control, e.g. cis-kubernetes:5.2.2");
      }
      frameworks.add(
          f.toLowerCase(Locale.ROOT).substring(0, f.indexOf(':')) + f.substring(f.indexOf(':')));
    }
    return new Rule(
        id,
        oneLine(title),
        severity,
        description,
        remediation,
        split(a.get(PREFIX + "references")),
        frameworks);
  }

  private static List<String> split(String s) {
    List<String> out = new ArrayList<>();
    if (s == null) {
      return out;
    }
    for (String part : s.split("[,\\s]+")) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    return out;
  }

  private static String oneLine(String s) {
    String t = s.strip().replaceAll("\\s+", " ");
    return t.length() <= 200 ? t : t.substring(0, 199) + "…";
  }

  private static ConfigParseException error(PolicyDoc doc, String message) {
    Location at = doc.where();
    return new ConfigParseException(
        at,
        at.file()
            + ":"
            + at.line()
            + ":"
            + at.column()
            + ": policy "
            + doc.name()
            + ": "
            + message);
  }
}
