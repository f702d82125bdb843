package dev.bulkhead.config.k8s;

import dev.bulkhead.config.model.Location;
import dev.bulkhead.config.model.ResourceRef;
import dev.bulkhead.config.yaml.Yaml;
import dev.bulkhead.config.yaml.YamlDoc;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One Kubernetes object read from a file: a whole document, or one item of a {@code List} kind.
 * Paths given to {@link #locate} are relative to the object, so checks need not know where it sits
 * in its document.
 */
public final class K8sResource {
  private final YamlDoc doc;
  private final List<Object> base;
  private final Map<String, Object> object;
  private final ResourceRef ref;
  private final String apiVersion;

  K8sResource(YamlDoc doc, List<Object> base, Map<String, Object> object) {
    this.doc = doc;
    this.base = List.copyOf(base);
    this.object = object;
    String kind = Yaml.string(object, "kind");
    String namespace = Yaml.string(object, "metadata", "namespace");
    String name = Yaml.string(object, "metadata", "name");
    if (name == null) {
      name = Yaml.string(object, "metadata", "generateName");
    }
    this.ref =
        new ResourceRef(
            kind == null ? "" : kind,
            namespace == null || namespace.isEmpty() ? null : namespace,
            name == null ? "" : name);
    this.apiVersion = Yaml.string(object, "apiVersion");
  }

  /** The kind, namespace and name, as findings report them. */
  public ResourceRef ref() {
    return ref;
  }

  /** The {@code kind} field ({@code ""} when absent). */
  public String kind() {
    return ref.kind();
  }

  /** The {@code apiVersion} field, or {@code null}. */
  public String apiVersion() {
    return apiVersion;
  }

  /** The file the object was read from. */
  public String file() {
    return doc.file();
  }

  /** The object as plain Java values (see {@link YamlDoc}). */
  public Map<String, Object> object() {
    return object;
  }

  /** The document holding the object. */
  public YamlDoc doc() {
    return doc;
  }

  /** The object's path inside its document: empty, or {@code [items, N]} for a List item. */
  public List<Object> base() {
    return base;
  }

  /** {@code metadata.annotations}, or an empty map. */
  public Map<String, Object> annotations() {
    return Yaml.map(object, "metadata", "annotations");
  }

  /** Where the object starts. */
  public Location location() {
    return base.isEmpty() ? doc.start() : doc.locate(base);
  }

  /** Returns the position of the field at {@code path} (relative to this object). */
  public Location locate(List<?> path) {
    if (base.isEmpty()) {
      return doc.locate(path);
    }
    List<Object> full = new ArrayList<>(base.size() + path.size());
    full.addAll(base);
    full.addAll(path);
    return doc.locate(full);
  }

  /** Returns the position of the field at {@code path} (relative to this object). */
  public Location locate(Object... path) {
    return locate(Arrays.asList(path));
  }
}
