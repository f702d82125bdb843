package dev.bulkhead.config.cel;

import dev.bulkhead.config.model.Location;
import dev.bulkhead.config.spi.ConfigParseException;
import dev.bulkhead.config.yaml.YamlDocs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads ValidatingAdmissionPolicy documents from YAML text, keeping the position of every
 * expression. Documents of kind ValidatingAdmissionPolicyBinding are skipped (a file scan has no
 * admission requests to bind); any other kind is an error, as are the features a file scan cannot
 * honour ({@code paramKind}).
 */
final class PolicyReader {
  static final int MAX_CHARS = 1024 * 1024;
  static final int MAX_POLICIES = 500;
  static final int MAX_ENTRIES = 64;

  /** The limit the Kubernetes API server puts on one expression. */
  static final int MAX_EXPRESSION_CHARS = 5 * 1024;

  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");
  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
  private static final String BINDING = "ValidatingAdmissionPolicyBinding";

  private final SourceText source;

  private PolicyReader(SourceText source) {
    this.source = source;
  }

  /** Reads every policy in {@code text}; {@code file} names it in locations and errors. */
  static List<PolicyDoc> read(String file, String text) throws ConfigParseException {
    if (text.length() > MAX_CHARS) {
      throw new ConfigParseException(
          new Location(file, 0, 0),
          file
              + ": policy file has "
              + text.length()
              + " characters, more than the limit of "
              + MAX_CHARS
              + "; split it into several files");
    }
    return new PolicyReader(new SourceText(file, text)).read(text);
  }

  private List<PolicyDoc> read(String text) throws ConfigParseException {
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(source.file())
            .setCodePointLimit(MAX_CHARS + 1)
            .setMaxAliasesForCollections(20)
            .setAllowDuplicateKeys(false)
            .build();
    List<PolicyDoc> out = new ArrayList<>();
    try {
      YamlDocs.composeEach(
          source.file(),
          text,
          settings,
          (doc, zeroBased) -> {
            int index = zeroBased + 1;
            if (doc == null || isNull(doc)) {
              return;
            }
            MappingNode m = mapping(doc, "document " + index);
            String kind = optString(m, "kind", "kind").orElse("");
            if (BINDING.equals(kind)) {
              return;
            }
            if (!"ValidatingAdmissionPolicy".equals(kind)) {
              throw error(
                  doc,
                  "document "
                      + index
                      + " has kind '"
                      + kind
                      + "', expected ValidatingAdmissionPolicy; a policy file holds only"
                      + " ValidatingAdmissionPolicy (and ValidatingAdmissionPolicyBinding) documents");
            }
            if (out.size() == MAX_POLICIES) {
              throw error(doc, "more than " + MAX_POLICIES + " policies in one file");
            }
            out.add(policy(m));
          });
    } catch (MarkedYamlEngineException e) {
      Location at =
          e.getProblemMark()
              .map(mk -> new Location(source.file(), mk.getLine() + 1, mk.getColumn() + 1))
              .orElse(new Location(source.file(), 0, 0));
      throw new ConfigParseException(
          at, prefix(at) + "invalid YAML: " + firstLine(e.getProblem()) + "; fix the YAML syntax");
    } catch (YamlEngineException e) {
      Location at = new Location(source.file(), 0, 0);
      throw new ConfigParseException(at, prefix(at) + "invalid YAML: " + firstLine(e.getMessage()));
    }
    return out;
  }

  private PolicyDoc policy(MappingNode doc) throws ConfigParseException {
    Location where = location(doc);
    String apiVersion = optString(doc, "apiVersion", "apiVersion").orElse("");
    if (!apiVersion.startsWith("admissionregistration.k8s.io/")) {
      throw error(
          doc,
          "apiVersion '"
              + apiVersion
              + "' of a ValidatingAdmissionPolicy must be admissionregistration.k8s.io/v1");
    }
    MappingNode metadata = mapping(required(doc, "metadata", "metadata"), "metadata");
    Node nameNode = required(metadata, "name", "metadata.name");
    String name = scalar(nameNode, "metadata.name");
    if (!NAME.matcher(name).matches()) {
      throw error(nameNode, "metadata.name '" + name + "' is not a valid Kubernetes name");
    }
    Map<String, String> annotations = new LinkedHashMap<>();
    Optional<Node> ann = get(metadata, "annotations");
    if (ann.isPresent() && !isNull(ann.get())) {
      for (NodeTuple t : mapping(ann.get(), "metadata.annotations").getValue()) {
        annotations.put(
            scalar(t.getKeyNode(), "metadata.annotations"),
            scalar(t.getValueNode(), "metadata.annotations"));
      }
    }
    MappingNode spec = mapping(required(doc, "spec", "spec"), "spec");
    Optional<Node> paramKind = get(spec, "paramKind");
    if (paramKind.isPresent() && !isNull(paramKind.get())) {
      throw error(
          paramKind.get(),
          "policy "
              + name
              + " uses spec.paramKind; parameter resources are not supported in policy files,"
              + " write the values into the expressions instead");
    }
    MatchConstraints match =
        matchConstraints(
            mapping(
                required(spec, "matchConstraints", "spec.matchConstraints"),
                "spec.matchConstraints"));
    List<PolicyDoc.Named> conditions = named(spec, "matchConditions", true);
    List<PolicyDoc.Named> variables = named(spec, "variables", false);
    List<PolicyDoc.ValidationDoc> validations = new ArrayList<>();
    Node vs = required(spec, "validations", "spec.validations");
    List<Node> items = sequence(vs, "spec.validations");
    if (items.isEmpty()) {
      throw error(vs, "policy " + name + " has no validations");
    }
    for (int i = 0; i < items.size(); i++) {
      validations.add(validation(items.get(i), "spec.validations[" + i + "]"));
    }
    return new PolicyDoc(name, annotations, match, conditions, variables, validations, where);
  }

  private PolicyDoc.ValidationDoc validation(Node node, String path) throws ConfigParseException {
    MappingNode m = mapping(node, path);
    ExpressionSource expression =
        expression(required(m, "expression", path + ".expression"), path + ".expression");
    String message = optString(m, "message", path + ".message").orElse(null);
    if (message != null && (message.contains("\n") || message.length() > 1024)) {
      throw error(
          get(m, "message").orElseThrow(),
          path + ".message must be one line of at most 1024 characters");
    }
    Optional<Node> me = get(m, "messageExpression");
    ExpressionSource messageExpression =
        me.isPresent() && !isNull(me.get())
            ? expression(me.get(), path + ".messageExpression")
            : null;
    String reason = optString(m, "reason", path + ".reason").orElse("Invalid");
    List<Object> fieldPath = List.of();
    Optional<Node> fp = get(m, "fieldPath");
    if (fp.isPresent() && !isNull(fp.get())) {
      try {
        fieldPath = FieldPath.parse(scalar(fp.get(), path + ".fieldPath"));
      } catch (IllegalArgumentException e) {
        throw error(fp.get(), path + ".fieldPath: " + e.getMessage());
      }
    }
    return new PolicyDoc.ValidationDoc(expression, message, messageExpression, reason, fieldPath);
  }

  private List<PolicyDoc.Named> named(MappingNode spec, String key, boolean conditions)
      throws ConfigParseException {
    Optional<Node> n = get(spec, key);
    if (n.isEmpty() || isNull(n.get())) {
      return List.of();
    }
    List<PolicyDoc.Named> out = new ArrayList<>();
    List<Node> items = sequence(n.get(), "spec." + key);
    for (int i = 0; i < items.size(); i++) {
      String path = "spec." + key + "[" + i + "]";
      MappingNode m = mapping(items.get(i), path);
      Node nameNode = required(m, "name", path + ".name");
      String name = scalar(nameNode, path + ".name");
      if (!conditions && !VARIABLE.matcher(name).matches()) {
        throw error(nameNode, path + ".name '" + name + "' is not a valid CEL identifier");
      }
      for (PolicyDoc.Named earlier : out) {
        if (earlier.name().equals(name)) {
          throw error(nameNode, path + ".name '" + name + "' is declared twice");
        }
      }
      out.add(
          new PolicyDoc.Named(
              name,
              expression(required(m, "expression", path + ".expression"), path + ".expression")));
    }
    return out;
  }

  private MatchConstraints matchConstraints(MappingNode m) throws ConfigParseException {
    String path = "spec.matchConstraints";
    Node rules = required(m, "resourceRules", path + ".resourceRules");
    List<MatchConstraints.ResourceRule> include = resourceRules(rules, path + ".resourceRules");
    List<MatchConstraints.ResourceRule> exclude = List.of();
    Optional<Node> ex = get(m, "excludeResourceRules");
    if (ex.isPresent() && !isNull(ex.get())) {
      exclude = resourceRules(ex.get(), path + ".excludeResourceRules");
    }
    String matchPolicy = optString(m, "matchPolicy", path + ".matchPolicy").orElse("Equivalent");
    return new MatchConstraints(
        include,
        exclude,
        selector(m, "namespaceSelector", path),
        selector(m, "objectSelector", path),
        "Exact".equals(matchPolicy));
  }

  private List<MatchConstraints.ResourceRule> resourceRules(Node node, String path)
      throws ConfigParseException {
    List<MatchConstraints.ResourceRule> out = new ArrayList<>();
    List<Node> items = sequence(node, path);
    for (int i = 0; i < items.size(); i++) {
      String p = path + "[" + i + "]";
      MappingNode m = mapping(items.get(i), p);
      out.add(
          new MatchConstraints.ResourceRule(
              strings(m, "apiGroups", p),
              strings(m, "apiVersions", p),
              strings(m, "resources", p),
              strings(m, "operations", p),
              strings(m, "resourceNames", p)));
    }
    return out;
  }

  private LabelSelector selector(MappingNode parent, String key, String path)
      throws ConfigParseException {
    Optional<Node> n = get(parent, key);
    if (n.isEmpty() || isNull(n.get())) {
      return LabelSelector.EVERYTHING;
    }
    String p = path + "." + key;
    MappingNode m = mapping(n.get(), p);
    Map<String, String> labels = new LinkedHashMap<>();
    Optional<Node> ml = get(m, "matchLabels");
    if (ml.isPresent() && !isNull(ml.get())) {
      for (NodeTuple t : mapping(ml.get(), p + ".matchLabels").getValue()) {
        labels.put(
            scalar(t.getKeyNode(), p + ".matchLabels"),
            scalar(t.getValueNode(), p + ".matchLabels"));
      }
    }
    List<LabelSelector.Requirement> reqs = new ArrayList<>();
    Optional<Node> me = get(m, "matchExpressions");
    if (me.isPresent() && !isNull(me.get())) {
      List<Node> items = sequence(me.get(), p + ".matchExpressions");
      for (int i = 0; i < items.size(); i++) {
        String ip = p + ".matchExpressions[" + i + "]";
        MappingNode r = mapping(items.get(i), ip);
        Node opNode = required(r, "operator", ip + ".operator");
        String op = scalar(opNode, ip + ".operator");
        if (!List.of("In", "NotIn", "Exists", "DoesNotExist").contains(op)) {
          throw error(
              opNode, ip + ".operator '" + op + "' must be In, NotIn, Exists or DoesNotExist");
        }
        reqs.add(
            new LabelSelector.Requirement(
                scalar(required(r, "key", ip + ".key"), ip + ".key"),
                op,
                strings(r, "values", ip)));
      }
    }
    return new LabelSelector(labels, reqs);
  }

  private ExpressionSource expression(Node node, String path) throws ConfigParseException {
    if (!(node instanceof ScalarNode)) {
      throw error(node, path + " must be a string holding a CEL expression");
    }
    ScalarNode s = (ScalarNode) node;
    String text = s.getValue();
    if (text.isBlank()) {
      throw error(node, path + " is empty");
    }
    if (text.length() > MAX_EXPRESSION_CHARS) {
      throw error(
          node,
          path
              + " has "
              + text.length()
              + " characters, more than the limit of "
              + MAX_EXPRESSION_CHARS);
    }
    int start = node.getStartMark().map(Mark::getIndex).orElse(0);
    int end = node.getEndMark().map(Mark::getIndex).orElse(source.length());
    return ExpressionSource.of(text, path, source, start, end, s.getScalarStyle());
  }

  private List<String> strings(MappingNode m, String key, String path) throws ConfigParseException {
    Optional<Node> n = get(m, key);
    if (n.isEmpty() || isNull(n.get())) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Node item : sequence(n.get(), path + "." + key)) {
      out.add(scalar(item, path + "." + key));
    }
    return out;
  }

  private List<Node> sequence(Node node, String path) throws ConfigParseException {
    if (!(node instanceof SequenceNode)) {
      throw error(node, path + " must be a list");
    }
    List<Node> items = ((SequenceNode) node).getValue();
    if (items.size() > MAX_ENTRIES) {
      throw error(node, path + " has " + items.size() + " entries, more than " + MAX_ENTRIES);
    }
    return items;
  }

  private MappingNode mapping(Node node, String path) throws ConfigParseException {
    if (!(node instanceof MappingNode)) {
      throw error(node, path + " must be a mapping");
    }
    return (MappingNode) node;
  }

  private String scalar(Node node, String path) throws ConfigParseException {
    if (!(node instanceof ScalarNode)) {
      throw error(node, path + " must be a string");
    }
    return ((ScalarNode) node).getValue();
  }

  private Node required(MappingNode m, String key, String path) throws ConfigParseException {
    Optional<Node> n = get(m, key);
    if (n.isEmpty() || isNull(n.get())) {
      throw error(m, path + " is required");
    }
    return n.get();
  }

  private Optional<String> optString(MappingNode m, String key, String path)
      throws ConfigParseException {
    Optional<Node> n = get(m, key);
    if (n.isEmpty() || isNull(n.get())) {
      return Optional.empty();
    }
    return Optional.of(scalar(n.get(), path));
  }

  private static Optional<Node> get(MappingNode m, String key) {
    for (NodeTuple t : m.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode
          && key.equals(((ScalarNode) t.getKeyNode()).getValue())) {
        return Optional.of(t.getValueNode());
      }
    }
    return Optional.empty();
  }

  private static boolean isNull(Node n) {
    return n instanceof ScalarNode && Tag.NULL.equals(n.getTag());
  }

  private Location location(Node node) {
    return node.getStartMark()
        .map(mk -> new Location(source.file(), mk.getLine() + 1, mk.getColumn() + 1))
        .orElse(new Location(source.file(), 0, 0));
  }

  private ConfigParseException error(Node node, String message) {
    Location at = location(node);
    return new ConfigParseException(at, prefix(at) + message);
  }

  private static String prefix(Location at) {
    return at.file() + ":" + at.line() + ":" + at.column() + ": ";
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
