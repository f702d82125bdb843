package dev.bulkhead.config.k8s;

import dev.bulkhead.config.k8s.Hardening.Hit;
import dev.bulkhead.config.model.ConfigFinding;
import dev.bulkhead.config.model.Location;
import dev.bulkhead.config.model.ResourceRef;
import dev.bulkhead.config.model.Rule;
import dev.bulkhead.config.model.Suppression;
import dev.bulkhead.config.spi.ConfigParseException;
import dev.bulkhead.config.spi.ConfigScanner;
import dev.bulkhead.config.spi.ScannedResource;
import dev.bulkhead.config.yaml.Yaml;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks Kubernetes manifests (YAML or JSON, many documents, List kinds): the Pod Security
 * Standards as the PodSecurity admission controller decides them, hardening, RBAC, NetworkPolicy
 * coverage and Service exposure.
 *
 * <p>One instance scans one run: it remembers namespaces and NetworkPolicies across files for
 * {@link #finish()}. A resource annotated {@code bulkhead.dev/ignore: BH-K8S-0005 reason} (one
 * entry per line or separated by {@code ;}; on a workload, its pod template's annotations count
 * too) gets that rule's findings marked suppressed.
 */
public final class KubernetesScanner implements ConfigScanner {
  /** The annotation that suppresses rules on one resource. */
  public static final String IGNORE_ANNOTATION = "bulkhead.dev/ignore";

  /** Which rules run. */
  public enum Mode {
    /**
     * Every PSS check (baseline and restricted, a field flagged by both reported once by the
     * baseline rule) plus hardening, RBAC and network rules.
     */
    ALL,
    /** Only the baseline PSS checks, as admission would decide. */
    PSS_BASELINE,
    /** Only the restricted PSS checks (baseline included), as admission would decide. */
    PSS_RESTRICTED
  }

  private final Mode mode;
  private final PssPolicy pss;
  private final List<ResourceEvaluator> evaluators;
  private final KubernetesRules catalogue = KubernetesRules.get();
  private final List<ScannedResource> scanned = new ArrayList<>();
  private final Map<String, K8sResource> namespaces = new LinkedHashMap<>();
  private final Set<String> covered = new HashSet<>();

  /** Every rule at the latest policy version (the ServiceLoader default). */
  public KubernetesScanner() {
    this(Mode.ALL, PssVersion.LATEST, List.of());
  }

  /**
   * A scanner for {@code mode} at policy {@code version}, running {@code evaluators} on every
   * object after the built-in rules.
   */
  public KubernetesScanner(Mode mode, PssVersion version, List<ResourceEvaluator> evaluators) {
    this.mode = mode;
    this.pss =
        mode == Mode.ALL
            ? PssPolicy.union(version)
            : new PssPolicy(
                mode == Mode.PSS_BASELINE ? PssLevel.BASELINE : PssLevel.RESTRICTED, version);
    this.evaluators = List.copyOf(evaluators);
  }

  @Override
  public String fileKind() {
    return "kubernetes";
  }

  @Override
  public List<Rule> rules() {
    List<Rule> out = new ArrayList<>(catalogue.all());
    for (ResourceEvaluator e : evaluators) {
      out.addAll(e.rules());
    }
    return out;
  }

  @Override
  public boolean accepts(String fileName, String head) {
    String name = fileName.toLowerCase(Locale.ROOT);
    boolean ext =
        name.equals("-")
            || name.endsWith(".yaml")
            || name.endsWith(".yml")
            || name.endsWith(".json");
    return ext && head.contains("apiVersion") && head.contains("kind");
  }

  @Override
  public List<ConfigFinding> scan(String file, String text) throws ConfigParseException {
    List<ConfigFinding> out = new ArrayList<>();
    List<ConfigFinding> found = new ArrayList<>();
    try {
      K8sResources.forEach(
          file,
          text,
          r -> {
            scanned.add(new ScannedResource(r.ref(), r.location()));
            found.clear();
            evaluate(r, found);
            for (ResourceEvaluator e : evaluators) {
              found.addAll(e.evaluate(r));
            }
            out.addAll(suppress(r, found));
          });
    } catch (ConfigParseException e) {
      // documents before the broken one were checked: keep what they showed
      String hint =
          text.contains("{{")
              ? " (this looks like a Helm or Go template: render it first, e.g. `helm template"
                  + " NAME CHART | bulkhead config -`)"
              : "";
      throw new ConfigParseException(e.location(), e.getMessage() + hint, out);
    }
    return out;
  }

  private void evaluate(K8sResource r, List<ConfigFinding> out) {
    Optional<PodSpecView> pod = PodSpecView.of(r);
    if (pod.isPresent()) {
      for (PssPolicy.Result res : pss.evaluate(pod.get())) {
        out.add(finding(r, res.check().ruleId(), res.violation()));
      }
    }
    if (mode != Mode.ALL) {
      return;
    }
    if (pod.isPresent()) {
      for (Hit h : Hardening.check(pod.get())) {
        out.add(finding(r, h.ruleId(), h.violation()));
      }
      String ns = r.ref().namespace();
      if (ns != null) {
        namespaces.putIfAbsent(ns, r);
      }
    }
    for (Hit h : Rbac.check(r)) {
      out.add(finding(r, h.ruleId(), h.violation()));
    }
    switch (r.kind()) {
      case "Namespace":
        if (!r.ref().name().isEmpty()) {
          namespaces.put(r.ref().name(), r);
        }
        break;
      case "NetworkPolicy":
        covered.add(r.ref().namespace() == null ? "default" : r.ref().namespace());
        break;
      case "Service":
        String type = Yaml.string(r.object(), "spec", "type");
        if ("NodePort".equals(type) || "LoadBalancer".equals(type)) {
          out.add(
              finding(
                  r,
                  "BH-K8S-0061",
                  new Violation(
                      List.of("spec", "type"),
                      "Service " + r.ref().name() + " is of type " + type)));
        }
        break;
      default:
        break;
    }
  }

  @Override
  public List<ConfigFinding> finish() {
    List<ConfigFinding> out = new ArrayList<>();
    if (mode != Mode.ALL) {
      return out;
    }
    for (Map.Entry<String, K8sResource> e : namespaces.entrySet()) {
      if (covered.contains(e.getKey())) {
        continue;
      }
      K8sResource r = e.getValue();
      boolean isNamespace = r.kind().equals("Namespace");
      Location at = isNamespace ? r.locate("metadata", "name") : r.locate("metadata", "namespace");
      ConfigFinding f =
          ConfigFinding.of(
              catalogue.rule("BH-K8S-0060"),
              at,
              isNamespace ? r.ref() : new ResourceRef("Namespace", null, e.getKey()),
              "namespace "
                  + e.getKey()
                  + " has no NetworkPolicy in the scanned files"
                  + (isNamespace ? "" : " (named by " + r.kind() + " " + r.ref().name() + ")"));
      out.addAll(suppress(r, List.of(f)));
    }
    return out;
  }

  @Override
  public List<ScannedResource> scannedResources() {
    return List.copyOf(scanned);
  }

  private ConfigFinding finding(K8sResource r, String ruleId, Violation v) {
    return ConfigFinding.of(catalogue.rule(ruleId), r.locate(v.path()), r.ref(), v.message());
  }

  /** Marks findings whose rule the resource's ignore annotation names. */
  static List<ConfigFinding> suppress(K8sResource r, List<ConfigFinding> found) {
    if (found.isEmpty()) {
      return found;
    }
    StringBuilder ann = new StringBuilder();
    Object own = r.annotations().get(IGNORE_ANNOTATION);
    if (own != null) {
      ann.append(own).append('\n');
    }
    Optional<PodSpecView> pod = PodSpecView.of(r);
    if (pod.isPresent() && !r.kind().equals("Pod")) {
      Object template = pod.get().annotations().get(IGNORE_ANNOTATION);
      if (template != null) {
        ann.append(template);
      }
    }
    if (ann.length() == 0) {
      return found;
    }
    Map<String, String> reasons = new LinkedHashMap<>();
    for (String entry : ann.toString().split("[;\\n]")) {
      String e = entry.strip();
      if (e.isEmpty()) {
        continue;
      }
      int sp = e.indexOf(' ');
      String id = sp < 0 ? e : e.substring(0, sp);
      String reason = sp < 0 ? "" : e.substring(sp + 1).strip();
      reasons.put(id.toUpperCase(Locale.ROOT), reason);
    }
    List<ConfigFinding> out = new ArrayList<>(found.size());
    for (ConfigFinding f : found) {
      String reason = reasons.get(f.rule().id().toUpperCase(Locale.ROOT));
      out.add(
          reason == null || f.suppression() != null
              ? f
              : f.suppressed(new Suppression("annotation", reason)));
    }
    return out;
  }
}
