package dev.bulkhead.config.cel;

import dev.bulkhead.config.model.Location;
import dev.bulkhead.config.model.ResourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Test stand-in for the Kubernetes parser: reads manifests into plain maps and locates paths by
 * their YAML marks (the real parser lives in the k8s package).
 */
final class Manifests {
  private Manifests() {}

  /** One parsed resource. */
  record Resource(
      Map<String, Object> object, ResourceRef ref, Function<List<Object>, Location> locate) {}

  @SuppressWarnings("unchecked")
  static List<Resource> read(String file, String text) {
    LoadSettings settings = LoadSettings.builder().build();
    List<Resource> out = new ArrayList<>();
    List<Object> objects = new ArrayList<>();
    new Load(settings).loadAllFromString(text).forEach(objects::add);
    List<Node> nodes = new ArrayList<>();
    new Compose(settings).composeAllFromString(text).forEach(nodes::add);
    for (int i = 0; i < objects.size(); i++) {
      Map<String, Object> o = (Map<String, Object>) objects.get(i);
      Map<String, Object> md = (Map<String, Object>) o.get("metadata");
      ResourceRef ref =
          new ResourceRef(
              (String) o.get("kind"), (String) md.get("namespace"), (String) md.get("name"));
      Node root = nodes.get(i);
      out.add(new Resource(o, ref, path -> locate(file, root, path)));
    }
    return out;
  }

  static Resource one(String text) {
    return read("deploy.yaml", text).get(0);
  }

  private static Location locate(String file, Node root, List<Object> path) {
    Node n = root;
    Node at = root;
    for (Object seg : path) {
      at = n instanceof MappingNode ? key((MappingNode) n, seg) : null;
      n = child(n, seg);
      if (n == null) {
        return null;
      }
      if (at == null) {
        at = n;
      }
    }
    return at.getStartMark()
        .map(m -> new Location(file, m.getLine() + 1, m.getColumn() + 1))
        .orElse(null);
  }

  private static Node key(MappingNode n, Object seg) {
    for (NodeTuple t : n.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode
          && seg.equals(((ScalarNode) t.getKeyNode()).getValue())) {
        return t.getKeyNode();
      }
    }
    return null;
  }

  private static Node child(Node n, Object seg) {
    if (n instanceof MappingNode && seg instanceof String) {
      for (NodeTuple t : ((MappingNode) n).getValue()) {
        if (t.getKeyNode() instanceof ScalarNode
            && seg.equals(((ScalarNode) t.getKeyNode()).getValue())) {
          return t.getValueNode();
        }
      }
    }
    if (n instanceof SequenceNode && seg instanceof Integer) {
      List<Node> items = ((SequenceNode) n).getValue();
      int i = (Integer) seg;
      return i < items.size() ? items.get(i) : null;
    }
    return null;
  }
}
