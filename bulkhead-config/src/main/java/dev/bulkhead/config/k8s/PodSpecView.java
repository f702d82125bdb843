package dev.bulkhead.config.k8s;

import dev.bulkhead.config.yaml.Yaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pod inside a workload: where its spec and metadata sit for each kind, and its containers in
 * the order the PodSecurity admission controller visits them (init, regular, ephemeral).
 */
public final class PodSpecView {
  /** One container with its path relative to the resource. */
  public record Container(String name, Map<String, Object> fields, List<Object> path) {
    /** The path of a field below this container. */
    public List<Object> at(Object... rest) {
      List<Object> p = new ArrayList<>(path);
      p.addAll(List.of(rest));
      return p;
    }
  }

  private final K8sResource resource;
  private final List<Object> specPath;
  private final List<Object> metaPath;
  private final Map<String, Object> spec;
  private final Map<String, Object> meta;
  private List<Container> containers;

  private PodSpecView(K8sResource resource, List<Object> specPath, List<Object> metaPath) {
    this.resource = resource;
    this.specPath = specPath;
    this.metaPath = metaPath;
    this.spec = Yaml.map(resource.object(), specPath.toArray());
    this.meta = Yaml.map(resource.object(), metaPath.toArray());
  }

  /**
   * Returns the pod of a workload kind (Pod, PodTemplate, Deployment, StatefulSet, DaemonSet,
   * ReplicaSet, ReplicationController, Job, CronJob), or empty for other kinds.
   */
  public static Optional<PodSpecView> of(K8sResource r) {
    switch (r.kind()) {
      case "Pod":
        return Optional.of(new PodSpecView(r, List.of("spec"), List.of("metadata")));
      case "PodTemplate":
        return Optional.of(
            new PodSpecView(r, List.of("template", "spec"), List.of("template", "metadata")));
      case "Deployment":
      case "StatefulSet":
      case "DaemonSet":
      case "ReplicaSet":
      case "ReplicationController":
      case "Job":
        return Optional.of(
            new PodSpecView(
                r, List.of("spec", "template", "spec"), List.of("spec", "template", "metadata")));
      case "CronJob":
        return Optional.of(
            new PodSpecView(
                r,
                List.of("spec", "jobTemplate", "spec", "template", "spec"),
                List.of("spec", "jobTemplate", "spec", "template", "metadata")));
      default:
        return Optional.empty();
    }
  }

  /** The resource holding the pod. */
  public K8sResource resource() {
    return resource;
  }

  /** The pod spec's fields. */
  public Map<String, Object> spec() {
    return spec;
  }

  /** The pod metadata's annotations. */
  public Map<String, Object> annotations() {
    return Yaml.map(meta, "annotations");
  }

  /** The path of a pod spec field relative to the resource. */
  public List<Object> specAt(Object... rest) {
    List<Object> p = new ArrayList<>(specPath);
    p.addAll(List.of(rest));
    return p;
  }

  /** The path of a pod metadata field relative to the resource. */
  public List<Object> metaAt(Object... rest) {
    List<Object> p = new ArrayList<>(metaPath);
    p.addAll(List.of(rest));
    return p;
  }

  /** Whether {@code spec.os.name} is {@code windows}. */
  public boolean isWindows() {
    return "windows".equals(Yaml.string(spec, "os", "name"));
  }

  /** Whether {@code spec.hostUsers} is explicitly {@code false} (a user-namespaced pod). */
  public boolean userNamespaced() {
    return Boolean.FALSE.equals(Yaml.bool(spec, "hostUsers"));
  }

  /** Init, regular and ephemeral containers, in that order. */
  @SuppressWarnings("unchecked")
  public List<Container> containers() {
    if (containers == null) {
      List<Container> out = new ArrayList<>();
      for (String field : List.of("initContainers", "containers", "ephemeralContainers")) {
        List<Object> list = Yaml.list(spec, field);
        for (int i = 0; i < list.size(); i++) {
          if (list.get(i) instanceof Map) {
            Map<String, Object> c = (Map<String, Object>) list.get(i);
            String name = Yaml.string(c, "name");
            out.add(new Container(name == null ? "" : name, c, specAt(field, i)));
          }
        }
      }
      containers = List.copyOf(out);
    }
    return containers;
  }
}
