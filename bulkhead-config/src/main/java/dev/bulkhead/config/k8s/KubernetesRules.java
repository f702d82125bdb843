package dev.bulkhead.config.k8s;

import dev.bulkhead.config.model.Rule;
import dev.bulkhead.config.spi.ConfigParseException;
import dev.bulkhead.config.yaml.Yaml;
import dev.bulkhead.config.yaml.YamlDoc;
import dev.bulkhead.config.yaml.YamlDocs;
import dev.bulkhead.core.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kubernetes rules catalogue, read from {@code rules.yaml} beside this class: each rule's text
 * and framework mappings, and the good and bad examples the catalogue test runs.
 */
public final class KubernetesRules {
  /**
   * A rule's examples.
   *
   * @param policy the {@code --policy} to run them under, or {@code null} for every rule
   * @param bad YAML that must fire the rule
   * @param good YAML that must not
   */
  public record Examples(String policy, String bad, String good) {}

  private static final KubernetesRules INSTANCE = load();

  private final Map<String, Rule> rules;
  private final Map<String, Examples> examples;

  private KubernetesRules(Map<String, Rule> rules, Map<String, Examples> examples) {
    this.rules = rules;
    this.examples = examples;
  }

  /** The catalogue. */
  public static KubernetesRules get() {
    return INSTANCE;
  }

  /** Every rule, in id order. */
  public List<Rule> all() {
    return List.copyOf(rules.values());
  }

  /**
   * Returns the rule with {@code id}.
   *
   * @throws IllegalArgumentException when there is none (a bug: checks name catalogued rules)
   */
  public Rule rule(String id) {
    Rule r = rules.get(id);
    if (r == null) {
      throw new IllegalArgumentException("no rule " + id + " in rules.yaml");
    }
    return r;
  }

  /** The examples of rule {@code id}. */
  public Examples examples(String id) {
    return examples.get(id);
  }

  private static KubernetesRules load() {
    String text;
    try (InputStream in = KubernetesRules.class.getResourceAsStream("rules.yaml")) {
      if (in == null) {
        throw new IllegalStateException("rules.yaml missing from the classpath");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<YamlDoc> docs;
    try {
      docs = YamlDocs.parse("rules.yaml", text);
    } catch (ConfigParseException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    Map<String, Rule> rules = new LinkedHashMap<>();
    Map<String, Examples> examples = new LinkedHashMap<>();
    for (Object o : Yaml.list(docs.get(0).root(), "rules")) {
      String id = Yaml.string(o, "id");
      Rule r =
          new Rule(
              id,
              Yaml.string(o, "title"),
              Severity.valueOf(Yaml.string(o, "severity")),
              Yaml.string(o, "description"),
              Yaml.string(o, "remediation"),
              strings(Yaml.list(o, "references")),
              strings(Yaml.list(o, "frameworks")));
      if (rules.put(id, r) != null) {
        throw new IllegalStateException("duplicate rule " + id + " in rules.yaml");
      }
      examples.put(
          id,
          new Examples(Yaml.string(o, "policy"), Yaml.string(o, "bad"), Yaml.string(o, "good")));
    }
    return new KubernetesRules(rules, examples);
  }

  private static List<String> strings(List<Object> l) {
    List<String> out = new ArrayList<>(l.size());
    for (Object o : l) {
      out.add(String.valueOf(o));
    }
    return out;
  }
}
