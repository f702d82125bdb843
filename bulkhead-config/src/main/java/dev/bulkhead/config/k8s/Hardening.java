package dev.bulkhead.config.k8s;

import dev.bulkhead.config.k8s.PodSpecView.Container;
import dev.bulkhead.config.yaml.Yaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks workloads beyond the Pod Security Standards: resources, images, tokens, env secrets. */
final class Hardening {
  /** A rule id with a violation. */
  record Hit(String ruleId, Violation violation) {}

  private static final Pattern SECRET_NAME =
      Pattern.compile(
          "(?i).*(passw(or)?d|passwd|secret|token|api[_-]?key|private[_-]?key|access[_-]?key"
              + "|credential|auth[_-]?key|client[_-]?secret).*");

  private Hardening() {}

  static List<Hit> check(PodSpecView pod) {
    List<Hit> out = new ArrayList<>();
    for (Container c : pod.containers()) {
      if (c.path().contains("ephemeralContainers")) {
        continue; // debugging containers: no resources, no probes, not part of the workload
      }
      resources(c, out);
      if (!Boolean.TRUE.equals(
          Yaml.bool(c.fields(), "securityContext", "readOnlyRootFilesystem"))) {
        out.add(
            new Hit(
                "BH-K8S-0042",
                new Violation(
                    c.at("securityContext", "readOnlyRootFilesystem"),
                    "container \""
                        + c.name()
                        + "\" does not set securityContext.readOnlyRootFilesystem=true")));
      }
      image(c, out);
      env(c, out);
    }
    if (!Boolean.FALSE.equals(Yaml.bool(pod.spec(), "automountServiceAccountToken"))) {
      out.add(
          new Hit(
              "BH-K8S-0045",
              new Violation(
                  pod.specAt("automountServiceAccountToken"),
                  "pod does not set automountServiceAccountToken=false")));
    }
    return out;
  }

  private static void resources(Container c, List<Hit> out) {
    for (String[] kind : new String[][] {{"limits", "BH-K8S-0040"}, {"requests", "BH-K8S-0041"}}) {
      Map<String, Object> m = Yaml.map(c.fields(), "resources", kind[0]);
      List<String> missing = new ArrayList<>();
      for (String r : List.of("cpu", "memory")) {
        if (m.get(r) == null) {
          missing.add(r);
        }
      }
      if (!missing.isEmpty()) {
        out.add(
            new Hit(
                kind[1],
                new Violation(
                    c.at("resources", kind[0]),
                    "container \""
                        + c.name()
                        + "\" has no "
                        + String.join(" or ", missing)
                        + " "
                        + kind[0])));
      }
    }
  }

  private static void image(Container c, List<Hit> out) {
    String image = Yaml.string(c.fields(), "image");
    if (image == null || image.isBlank()) {
      return;
    }
    if (image.contains("@")) {
      return; // pinned by digest: neither rule applies
    }
    String tag = tagOf(image);
    if (tag == null || tag.equals("latest")) {
      out.add(
          new Hit(
              "BH-K8S-0043",
              new Violation(
                  c.at("image"),
                  "container \""
                      + c.name()
                      + "\" uses image "
                      + image
                      + (tag == null ? " without a tag" : " with the latest tag"))));
    }
    out.add(
        new Hit(
            "BH-K8S-0044",
            new Violation(
                c.at("image"),
                "container \"" + c.name() + "\" image " + image + " is not pinned by digest")));
  }

  /** The tag of an image reference without digest, or {@code null} when it has none. */
  static String tagOf(String image) {
    int slash = image.lastIndexOf('/');
    int colon = image.lastIndexOf(':');
    return colon > slash ? image.substring(colon + 1) : null;
  }

  private static void env(Container c, List<Hit> out) {
    List<Object> env = Yaml.list(c.fields(), "env");
    for (int i = 0; i < env.size(); i++) {
      String name = Yaml.string(env.get(i), "name");
      String value = Yaml.string(env.get(i), "value");
      if (name == null || value == null || value.isBlank()) {
        continue;
      }
      if (SECRET_NAME.matcher(name).matches() && !placeholder(value)) {
        out.add(
            new Hit(
                "BH-K8S-0046",
                new Violation(
                    c.at("env", i, "value"),
                    "container \""
                        + c.name()
                        + "\" sets "
                        + name
                        + " to a literal value ("
                        + value.length()
                        + " characters, not shown)")));
      }
    }
  }

  /** Values that are references or toggles, not secrets. */
  private static boolean placeholder(String v) {
    String s = v.strip().toLowerCase(Locale.ROOT);
    return s.startsWith("$(")
        || s.startsWith("${")
        || s.startsWith("/")
        || s.equals("true")
        || s.equals("false")
        || s.length() < 4
        || s.matches("(changeme|placeholder|none|null|empty|redacted|xxx+|\\*+)");
  }
}
