package dev.bulkhead.secrets;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Parses a secret rules YAML file (the built-in one or a user's) into rules and allow-lists,
 * reporting every problem with the file name and line.
 *
 * <p>Top-level keys: {@code rules} (list of rules), {@code disable} (rule ids), {@code allow-paths}
 * and {@code allow-values} (regexes applied to every rule). Rule keys: {@code id}, {@code
 * category}, {@code title}, {@code severity}, {@code keywords}, {@code regex}, {@code
 * secret-group}, {@code entropy}, {@code lines-before}, {@code lines-after}, {@code placeholders},
 * {@code allow-paths}, {@code allow-values}, {@code allow-lines}, {@code examples: {match,
 * nomatch}}.
 */
final class RuleFile {
  static final int MAX_CHARS = 4 * 1024 * 1024;
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");
  private static final Set<String> TOP = Set.of("rules", "disable", "allow-paths", "allow-values");
  private static final Set<String> RULE_KEYS =
      Set.of(
          "id",
          "category",
          "title",
          "severity",
          "keywords",
          "regex",
          "secret-group",
          "entropy",
          "lines-before",
          "lines-after",
          "placeholders",
          "allow-paths",
          "allow-values",
          "allow-lines",
          "examples");

  /** The content of one rules file. */
  record Parsed(
      List<SecretRule> rules,
      List<String> disable,
      List<Pattern> allowPaths,
      List<Pattern> allowValues) {}

  private final String source;

  private RuleFile(String source) {
    this.source = source;
  }

  /** Parses {@code text}; {@code source} names the file in rules and error messages. */
  static Parsed parse(String text, String source) throws BulkheadException {
    return new RuleFile(source).parse(text);
  }

  private Parsed parse(String text) throws BulkheadException {
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(source)
            .setCodePointLimit(MAX_CHARS)
            .setMaxAliasesForCollections(20)
            .setAllowDuplicateKeys(false)
            .build();
    Optional<Node> root;
    try {
      root = new Compose(settings).composeString(text);
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
      throw new BulkheadException(
          "read secret rules "
              + source
              + " failed at line "
              + line
              + ": "
              + oneLine(e.getProblem())
              + "; fix the YAML syntax there",
          e);
    } catch (YamlEngineException e) {
      throw new BulkheadException(
          "read secret rules " + source + " failed: " + oneLine(e.getMessage()), e);
    }
    List<SecretRule> rules = new ArrayList<>();
    List<String> disable = new ArrayList<>();
    List<Pattern> allowPaths = new ArrayList<>();
    List<Pattern> allowValues = new ArrayList<>();
    if (root.isEmpty()) {
      return new Parsed(rules, disable, allowPaths, allowValues);
    }
    MappingNode top = mapping(root.get(), "the top level");
    Set<String> ids = new HashSet<>();
    for (NodeTuple t : top.getValue()) {
      String key = scalar(t.getKeyNode(), "a key");
      Node value = t.getValueNode();
      if (!TOP.contains(key)) {
        throw error(t.getKeyNode(), "unknown key '" + key + "' (expected one of " + TOP + ")");
      }
      switch (key) {
        case "rules":
          for (Node r : sequence(value, "rules").getValue()) {
            SecretRule rule = rule(r);
            if (!ids.add(rule.id())) {
              throw error(r, "duplicate rule id '" + rule.id() + "'");
            }
            rules.add(rule);
          }
          break;
        case "disable":
          disable.addAll(strings(value, "disable"));
          break;
        case "allow-paths":
          allowPaths.addAll(patterns(value, "allow-paths"));
          break;
        default:
          allowValues.addAll(patterns(value, "allow-values"));
          break;
      }
    }
    return new Parsed(rules, disable, allowPaths, allowValues);
  }

  private SecretRule rule(Node node) throws BulkheadException {
    MappingNode m = mapping(node, "a rule");
    String id = null;
    String category = null;
    String title = null;
    Severity severity = null;
    List<String> keywords = List.of();
    Pattern regex = null;
    int group = 0;
    double entropy = 0;
    int before = 0;
    int after = 0;
    boolean placeholders = true;
    List<Pattern> allowPaths = List.of();
    List<Pattern> allowValues = List.of();
    List<Pattern> allowLines = List.of();
    SecretRule.Examples examples = SecretRule.Examples.NONE;
    for (NodeTuple t : m.getValue()) {
      String key = scalar(t.getKeyNode(), "a key");
      Node v = t.getValueNode();
      switch (key) {
        case "id":
          id = scalar(v, "id");
          if (!ID.matcher(id).matches()) {
            throw error(v, "rule id '" + id + "' must match " + ID.pattern());
          }
          break;
        case "category":
          category = scalar(v, "category");
          break;
        case "title":
          title = scalar(v, "title");
          break;
        case "severity":
          String word = scalar(v, "severity");
          severity = Severity.parse(word);
          if (severity == Severity.UNKNOWN && !"unknown".equalsIgnoreCase(word)) {
            throw error(v, "severity '" + word + "' is not one of low, medium, high, critical");
          }
          break;
        case "keywords":
          List<String> kws = new ArrayList<>();
          for (String k : strings(v, "keywords")) {
            if (k.isEmpty()) {
              throw error(v, "empty keyword");
            }
            kws.add(k.toLowerCase(Locale.ROOT));
          }
          keywords = kws;
          break;
        case "regex":
          regex = pattern(v);
          break;
        case "secret-group":
          group = integer(v, "secret-group", 0, 20);
          break;
        case "entropy":
          entropy = number(v, "entropy", 0, 8);
          break;
        case "lines-before":
          before = integer(v, "lines-before", 0, 100);
          break;
        case "lines-after":
          after = integer(v, "lines-after", 0, 200);
          break;
        case "placeholders":
          placeholders = bool(v, "placeholders");
          break;
        case "allow-paths":
          allowPaths = patterns(v, "allow-paths");
          break;
        case "allow-values":
          allowValues = patterns(v, "allow-values");
          break;
        case "allow-lines":
          allowLines = patterns(v, "allow-lines");
          break;
        case "examples":
          examples = examples(v);
          break;
        default:
          throw error(
              t.getKeyNode(), "unknown rule key '" + key + "' (expected one of " + RULE_KEYS + ")");
      }
    }
    String missing =
        id == null
            ? "id"
            : category == null
                ? "category"
                : title == null
                    ? "title"
                    : severity == null ? "severity" : regex == null ? "regex" : null;
    if (missing != null) {
      throw error(node, "rule " + (id == null ? "" : "'" + id + "' ") + "lacks '" + missing + "'");
    }
    if (keywords.isEmpty()) {
      throw error(node, "rule '" + id + "' needs at least one keyword for the prefilter");
    }
    if (group > regex.matcher("").groupCount()) {
      throw error(node, "rule '" + id + "' has secret-group " + group + " but fewer groups");
    }
    return new SecretRule(
        id,
        category,
        title,
        severity,
        keywords,
        regex,
        group,
        entropy,
        before,
        after,
        placeholders,
        allowPaths,
        allowValues,
        allowLines,
        examples,
        source + ":" + line(node));
  }

  private SecretRule.Examples examples(Node v) throws BulkheadException {
    List<String> match = List.of();
    List<String> nomatch = List.of();
    for (NodeTuple t : mapping(v, "examples").getValue()) {
      String key = scalar(t.getKeyNode(), "a key");
      if ("match".equals(key)) {
        match = strings(t.getValueNode(), "match");
      } else if ("nomatch".equals(key)) {
        nomatch = strings(t.getValueNode(), "nomatch");
      } else {
        throw error(t.getKeyNode(), "unknown examples key '" + key + "' (match or nomatch)");
      }
    }
    return new SecretRule.Examples(match, nomatch);
  }

  private Pattern pattern(Node v) throws BulkheadException {
    String text = scalar(v, "a regex");
    try {
      return Pattern.compile(text);
    } catch (PatternSyntaxException e) {
      throw error(
          v, "invalid regex: " + oneLine(e.getDescription()) + " near index " + e.getIndex());
    }
  }

  private List<Pattern> patterns(Node v, String what) throws BulkheadException {
    List<Pattern> out = new ArrayList<>();
    for (Node n : sequence(v, what).getValue()) {
      out.add(pattern(n));
    }
    return out;
  }

  private List<String> strings(Node v, String what) throws BulkheadException {
    List<String> out = new ArrayList<>();
    for (Node n : sequence(v, what).getValue()) {
      out.add(scalar(n, "an item of " + what));
    }
    return out;
  }

  private int integer(Node v, String what, int min, int max) throws BulkheadException {
    String s = scalar(v, what);
    try {
      int i = Integer.parseInt(s);
      if (i >= min && i <= max) {
        return i;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw error(
        v, what + " must be a whole number from " + min + " to " + max + ", not '" + s + "'");
  }

  private double number(Node v, String what, double min, double max) throws BulkheadException {
    String s = scalar(v, what);
    try {
      double d = Double.parseDouble(s);
      if (d >= min && d <= max) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw error(v, what + " must be a number from " + min + " to " + max + ", not '" + s + "'");
  }

  private boolean bool(Node v, String what) throws BulkheadException {
    String s = scalar(v, what);
    if ("true".equals(s) || "false".equals(s)) {
      return Boolean.parseBoolean(s);
    }
    throw error(v, what + " must be true or false, not '" + s + "'");
  }

  private String scalar(Node n, String what) throws BulkheadException {
    if (n instanceof ScalarNode) {
      return ((ScalarNode) n).getValue();
    }
    throw error(n, what + " must be a single value");
  }

  private MappingNode mapping(Node n, String what) throws BulkheadException {
    if (n instanceof MappingNode) {
      return (MappingNode) n;
    }
    throw error(n, what + " must be a mapping of key: value");
  }

  private SequenceNode sequence(Node n, String what) throws BulkheadException {
    if (n instanceof SequenceNode) {
      return (SequenceNode) n;
    }
    throw error(n, what + " must be a list");
  }

  private BulkheadException error(Node n, String what) {
    return new BulkheadException(
        "read secret rules " + source + " failed at line " + line(n) + ": " + what);
  }

  private static int line(Node n) {
    return n.getStartMark().map(Mark::getLine).orElse(-1) + 1;
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").trim();
  }
}
