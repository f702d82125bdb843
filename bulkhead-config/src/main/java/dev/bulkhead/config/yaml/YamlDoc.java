package dev.bulkhead.config.yaml;

import dev.bulkhead.config.model.Location;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * One YAML (or JSON) document: its value as plain Java objects and a way back to the source
 * position of any field.
 *
 * <p>{@link #root()} holds only {@code Map<String,Object>}, {@code List<Object>}, {@code String},
 * {@code Long}, {@code Double}, {@code Boolean} and {@code null}. {@link #locate(List)} walks the
 * composed node tree, so positions cost nothing until a finding asks for one.
 */
public final class YamlDoc {
  private final String file;
  private final int index;
  private final Node node;
  private final Object value;

  YamlDoc(String file, int index, Node node, Object value) {
    this.file = file;
    this.index = index;
    this.node = node;
    this.value = value;
  }

  /** The file name given to {@link YamlDocs#parse}. */
  public String file() {
    return file;
  }

  /** The 0-based position of this document in its file. */
  public int index() {
    return index;
  }

  /** The document's value: any of the plain types listed on the class. */
  public Object value() {
    return value;
  }

  /** The document as a map, or an empty map when the document is not a mapping. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> root() {
    return value instanceof Map ? (Map<String, Object>) value : Map.of();
  }

  /** Where the document starts. */
  public Location start() {
    return at(node);
  }

  /**
   * Returns the position of the field at {@code path}, each element a map key ({@code String}) or a
   * list index ({@code Integer}). For a map entry the position is its key (the field itself); for a
   * list element it is the element. When the path does not exist the position of the nearest
   * existing parent is returned, so a missing field is reported at the object that should have it.
   *
   * <p>Example: {@code locate(List.of("spec", "containers", 0, "securityContext", "privileged"))}.
   */
  public Location locate(List<?> path) {
    Node current = node;
    Node anchor = node;
    for (Object step : path) {
      Node next = null;
      Node at = null;
      if (current instanceof MappingNode && step instanceof String) {
        for (NodeTuple t : ((MappingNode) current).getValue()) {
          Node k = t.getKeyNode();
          if (k instanceof ScalarNode && step.equals(((ScalarNode) k).getValue())) {
            next = t.getValueNode();
            at = k;
          }
        }
      } else if (current instanceof SequenceNode && step instanceof Integer) {
        List<Node> items = ((SequenceNode) current).getValue();
        int i = (Integer) step;
        if (i >= 0 && i < items.size()) {
          next = items.get(i);
          at = next;
        }
      }
      if (next == null) {
        break;
      }
      current = next;
      anchor = at;
    }
    return at(anchor);
  }

  private Location at(Node n) {
    Optional<Mark> mark = n.getStartMark();
    if (mark.isEmpty()) {
      return new Location(file, 0, 0);
    }
    return new Location(file, mark.get().getLine() + 1, mark.get().getColumn() + 1);
  }
}
