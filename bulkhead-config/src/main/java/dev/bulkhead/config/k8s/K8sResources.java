package dev.bulkhead.config.k8s;

import dev.bulkhead.config.spi.ConfigParseException;
import dev.bulkhead.config.yaml.Yaml;
import dev.bulkhead.config.yaml.YamlDoc;
import dev.bulkhead.config.yaml.YamlDocs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads Kubernetes objects from YAML or JSON text: every document that has a {@code kind}, with
 * {@code List} kinds ({@code List}, {@code PodList}, ...) expanded into their items, recursively.
 */
public final class K8sResources {
  private static final int MAX_LIST_DEPTH = 8;

  private K8sResources() {}

  /**
   * Parses {@code text} and returns its objects in file order.
   *
   * @throws ConfigParseException when the text is not valid YAML/JSON
   */
  public static List<K8sResource> read(String file, String text) throws ConfigParseException {
    List<K8sResource> out = new ArrayList<>();
    forEach(file, text, out::add);
    return out;
  }

  /**
   * Parses {@code text} and hands each object to {@code sink} as soon as its document is read, so
   * memory does not grow with the number of documents.
   *
   * @throws ConfigParseException when the text is not valid YAML/JSON (objects before the problem
   *     have been handed over)
   */
  public static void forEach(String file, String text, Consumer<K8sResource> sink)
      throws ConfigParseException {
    List<K8sResource> batch = new ArrayList<>();
    YamlDocs.forEach(
        file,
        text,
        true,
        doc -> {
          batch.clear();
          add(doc, new ArrayList<>(), doc.root(), batch, 0);
          batch.forEach(sink);
        });
  }

  /** Returns the objects of already parsed documents. */
  public static List<K8sResource> of(List<YamlDoc> docs) {
    List<K8sResource> out = new ArrayList<>();
    for (YamlDoc doc : docs) {
      add(doc, new ArrayList<>(), doc.root(), out, 0);
    }
    return out;
  }

  /** Whether a document looks like a Kubernetes object: it has string apiVersion and kind. */
  static boolean isObject(Map<String, Object> m) {
    return Yaml.get(m, "kind") instanceof String && Yaml.get(m, "apiVersion") instanceof String;
  }

  @SuppressWarnings("unchecked")
  private static void add(
      YamlDoc doc, List<Object> path, Map<String, Object> m, List<K8sResource> out, int depth) {
    if (!isObject(m)) {
      return;
    }
    String kind = Yaml.string(m, "kind");
    if (kind.endsWith("List") && Yaml.get(m, "items") instanceof List && depth < MAX_LIST_DEPTH) {
      List<Object> items = Yaml.list(m, "items");
      for (int i = 0; i < items.size(); i++) {
        if (items.get(i) instanceof Map) {
          List<Object> p = new ArrayList<>(path);
          p.add("items");
          p.add(i);
          add(doc, p, (Map<String, Object>) items.get(i), out, depth + 1);
        }
      }
      return;
    }
    out.add(new K8sResource(doc, path, m));
  }
}
