package dev.bulkhead.config.cel;

import dev.bulkhead.config.model.ConfigFinding;
import dev.bulkhead.config.model.Location;
import dev.bulkhead.config.model.ResourceRef;
import dev.bulkhead.config.model.Rule;
import dev.bulkhead.config.spi.ConfigParseException;
import dev.cel.common.types.CelKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Organisation policies written as Kubernetes ValidatingAdmissionPolicy objects with CEL
 * expressions, compiled once and evaluated against each scanned object.
 *
 * <pre>{@code
 * CelPolicySet policies = CelPolicySet.load(Path.of("policies.yaml"));
 * List<ConfigFinding> findings =
 *     policies.evaluate(object, new ResourceRef("Deployment", "prod", "web"), locate, warnings::add);
 * }</pre>
 *
 * <p>Each policy is one {@link Rule}: its id is {@code ORG-<metadata.name>} unless the annotation
 * {@code bulkhead.dev/rule-id} gives one; {@code bulkhead.dev/severity} (default medium), {@code
 * bulkhead.dev/title}, {@code bulkhead.dev/description}, {@code bulkhead.dev/remediation}, {@code
 * bulkhead.dev/references} and {@code bulkhead.dev/frameworks} (comma-separated {@code
 * framework:control} ids) fill in the rest. Instances are immutable and thread-safe.
 *
 * @see <a
 *     href="https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/">ValidatingAdmissionPolicy</a>
 */
public final class CelPolicySet {
  /** A set without policies. */
  public static final CelPolicySet EMPTY = new CelPolicySet(List.of());

  private final List<CelPolicy> policies;

  /** The compiler for the default limits, built once: building a CEL environment is costly. */
  private static final class DefaultCompiler {
    static final PolicyCompiler INSTANCE = new PolicyCompiler(CelLimits.DEFAULT);
  }

  private CelPolicySet(List<CelPolicy> policies) {
    this.policies = List.copyOf(policies);
  }

  /**
   * Reads and compiles the policies of one file.
   *
   * @throws ConfigParseException when the file cannot be read, is not valid YAML, is not a
   *     ValidatingAdmissionPolicy, or an expression does not compile; the exception names the file,
   *     line and column
   */
  public static CelPolicySet load(Path file) throws ConfigParseException {
    String name = file.toString();
    try {
      if (Files.size(file) > 4L * PolicyReader.MAX_CHARS) {
        throw new ConfigParseException(
            new Location(name, 0, 0),
            name + ": policy file is larger than " + PolicyReader.MAX_CHARS + " characters");
      }
      return parse(name, Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ConfigParseException(
          new Location(name, 0, 0), name + ": cannot read the policy file: " + e.getMessage());
    }
  }

  /** Compiles the policies in {@code text} with the default limits. */
  public static CelPolicySet parse(String file, String text) throws ConfigParseException {
    return parse(file, text, CelLimits.DEFAULT);
  }

  /**
   * Compiles the policies in {@code text}.
   *
   * @param file the name to report in locations and messages
   * @throws ConfigParseException on the first error, with its file position
   */
  public static CelPolicySet parse(String file, String text, CelLimits limits)
      throws ConfigParseException {
    PolicyCompiler compiler =
        limits.equals(CelLimits.DEFAULT) ? DefaultCompiler.INSTANCE : new PolicyCompiler(limits);
    List<CelPolicy> out = new ArrayList<>();
    for (PolicyDoc doc : PolicyReader.read(file, text)) {
      out.add(compile(doc, compiler, limits));
    }
    return combine(List.of(new CelPolicySet(out)));
  }

  /**
   * Joins several sets, e.g. one per {@code --policy-file}.
   *
   * @throws ConfigParseException when two policies share a rule id or a name
   */
  public static CelPolicySet combine(List<CelPolicySet> sets) throws ConfigParseException {
    List<CelPolicy> all = new ArrayList<>();
    Map<String, CelPolicy> ids = new HashMap<>();
    Map<String, CelPolicy> names = new HashMap<>();
    for (CelPolicySet s : sets) {
      for (CelPolicy p : s.policies) {
        CelPolicy clash = ids.putIfAbsent(p.rule().id(), p);
        if (clash == null) {
          clash = names.putIfAbsent(p.name(), p);
        }
        if (clash != null) {
          Location at = p.where();
          throw new ConfigParseException(
              at,
              at.file()
                  + ":"
                  + at.line()
                  + ":"
                  + at.column()
                  + ": policy "
                  + p.name()
                  + " (rule "
                  + p.rule().id()
                  + ") clashes with policy "
                  + clash.name()
                  + " at "
                  + clash.where().file()
                  + ":"
                  + clash.where().line()
                  + "; give each policy its own name and bulkhead.dev/rule-id");
        }
        all.add(p);
      }
    }
    return new CelPolicySet(all);
  }

  private static CelPolicy compile(PolicyDoc doc, PolicyCompiler compiler, CelLimits limits)
      throws ConfigParseException {
    Rule rule = PolicyRules.rule(doc);
    List<PolicyCompiler.Compiled> conditions = new ArrayList<>();
    for (PolicyDoc.Named c : doc.matchConditions()) {
      conditions.add(compiler.compile(doc.name(), c.expression(), Set.of(), CelKind.BOOL));
    }
    Map<String, PolicyCompiler.Compiled> variables = new LinkedHashMap<>();
    for (PolicyDoc.Named v : doc.variables()) {
      variables.put(
          v.name(),
          compiler.compile(
              doc.name(), v.expression(), new LinkedHashSet<>(variables.keySet()), CelKind.DYN));
    }
    Set<String> declared = new LinkedHashSet<>(variables.keySet());
    List<CelPolicy.Validation> validations = new ArrayList<>();
    for (PolicyDoc.ValidationDoc v : doc.validations()) {
      validations.add(
          new CelPolicy.Validation(
              compiler.compile(doc.name(), v.expression(), declared, CelKind.BOOL),
              v.message(),
              v.messageExpression() == null
                  ? null
                  : compiler.compile(doc.name(), v.messageExpression(), declared, CelKind.STRING),
              v.fieldPath()));
    }
    return new CelPolicy(
        doc.name(), rule, doc.match(), conditions, variables, validations, limits, doc.where());
  }

  /** One rule per policy, in file order. */
  public List<Rule> rules() {
    List<Rule> out = new ArrayList<>();
    for (CelPolicy p : policies) {
      out.add(p.rule());
    }
    return out;
  }

  /** Whether the set holds no policy. */
  public boolean isEmpty() {
    return policies.isEmpty();
  }

  /**
   * Evaluates every policy whose match constraints select the object. The object's namespace is
   * assumed to carry only the label {@code kubernetes.io/metadata.name} Kubernetes sets on every
   * namespace; a namespaced object without {@code metadata.namespace} is in {@code default}.
   *
   * @param object the resource as parsed from YAML or JSON (maps, lists, scalars)
   * @param ref its kind, namespace and name, attached to each finding
   * @param locate gives the file location of a path in the object ({@code ["spec", "containers", 0,
   *     "image"]}), or {@code null} when the path does not exist; a finding points at the field the
   *     validation's {@code fieldPath} names (or its nearest existing parent), else at {@code
   *     metadata}
   * @param warnings receives one line per expression that failed at run time
   * @return one finding per failed validation, in policy order
   */
  public List<ConfigFinding> evaluate(
      Map<String, Object> object,
      ResourceRef ref,
      Function<List<Object>, Location> locate,
      Consumer<String> warnings) {
    String kind =
        ref != null && ref.kind() != null
            ? ref.kind()
            : object == null ? "" : string(object.get("kind"));
    String ns = KubeResources.effectiveNamespace(kind, ref == null ? null : ref.namespace());
    Map<String, String> nsLabels =
        ns == null ? Map.of() : Map.of(MatchConstraints.NAMESPACE_NAME_LABEL, ns);
    return evaluate(object, ref, nsLabels, locate, warnings);
  }

  /**
   * Evaluates every matching policy, as {@link #evaluate(Map, ResourceRef, Function, Consumer)},
   * with the labels of the object's namespace when known (from a Namespace object in the scan).
   */
  public List<ConfigFinding> evaluate(
      Map<String, Object> object,
      ResourceRef ref,
      Map<String, String> namespaceLabels,
      Function<List<Object>, Location> locate,
      Consumer<String> warnings) {
    if (policies.isEmpty() || object == null) {
      return List.of();
    }
    String apiVersion = string(object.get("apiVersion"));
    String kind = ref != null && ref.kind() != null ? ref.kind() : string(object.get("kind"));
    Map<String, String> labels = labels(object);
    String name = ref != null && ref.name() != null ? ref.name() : "";
    String namespace = ref == null ? null : ref.namespace();
    String effective = KubeResources.effectiveNamespace(kind, namespace);
    List<CelPolicy> matching = new ArrayList<>();
    for (CelPolicy p : policies) {
      if (p.match().matches(apiVersion, kind, namespace, name, labels, namespaceLabels)) {
        matching.add(p);
      }
    }
    if (matching.isEmpty()) {
      return List.of();
    }
    Map<String, Object> activation;
    try {
      activation = Activation.of(object, apiVersion, kind, effective, name);
    } catch (IllegalArgumentException e) {
      warnings.accept("organisation policies skipped " + kind + " " + name + ": " + e.getMessage());
      return List.of();
    }
    List<ConfigFinding> findings = new ArrayList<>();
    for (CelPolicy p : matching) {
      p.evaluate(activation, ref, locate, findings, warnings);
    }
    return findings;
  }

  private static Map<String, String> labels(Map<String, Object> object) {
    Object metadata = object.get("metadata");
    if (!(metadata instanceof Map)) {
      return Map.of();
    }
    Object labels = ((Map<?, ?>) metadata).get("labels");
    if (!(labels instanceof Map)) {
      return Map.of();
    }
    Map<String, String> out = new HashMap<>();
    for (Map.Entry<?, ?> e : ((Map<?, ?>) labels).entrySet()) {
      out.put(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
    }
    return out;
  }

  private static String string(Object o) {
    return o == null ? "" : o.toString();
  }
}
