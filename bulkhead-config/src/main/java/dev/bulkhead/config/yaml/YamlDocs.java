package dev.bulkhead.config.yaml;

import dev.bulkhead.config.model.Location;
import dev.bulkhead.config.spi.ConfigParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Parses YAML and JSON text (one or many documents) into {@link YamlDoc}s: plain Java values plus
 * the composed nodes that know every field's line and column.
 *
 * <p>Hostile input is bounded: at most {@value #MAX_DOCUMENTS} documents, {@value #MAX_NODES}
 * values per file (aliases count each time they are expanded, which stops "billion laughs"),
 * nesting at most {@value #MAX_DEPTH} deep, and 50 aliases per collection. Merge keys ({@code <<})
 * are honoured as Kubernetes' YAML reader does.
 */
public final class YamlDocs {
  /** Most documents read from one file. */
  public static final int MAX_DOCUMENTS = 100_000;

  /** Most values (scalars, maps, lists) built from one file. */
  public static final int MAX_NODES = 2_000_000;

  /** Deepest nesting of maps and lists. */
  public static final int MAX_DEPTH = 200;

  private YamlDocs() {}

  /**
   * Parses every document of {@code text}; empty documents are skipped.
   *
   * @param file the name to put in locations and messages
   * @param text the file's text
   * @throws ConfigParseException when the text is not valid YAML or exceeds a bound, with the
   *     position of the problem
   */
  public static List<YamlDoc> parse(String file, String text) throws ConfigParseException {
    List<YamlDoc> docs = new ArrayList<>();
    forEach(file, text, docs::add);
    return docs;
  }

  /**
   * Parses {@code text} one document at a time, handing each non-empty document to {@code sink}
   * before reading the next, so a large multi-document file never has to be held whole.
   *
   * @throws ConfigParseException as {@link #parse}; documents before the problem have been handed
   *     to {@code sink} already
   */
  public static void forEach(String file, String text, Consumer<YamlDoc> sink)
      throws ConfigParseException {
    forEach(file, text, false, sink);
  }

  /**
   * Like {@link #forEach(String, String, Consumer)}; with {@code yaml11Booleans} the plain scalars
   * {@code yes}, {@code no}, {@code on} and {@code off} (any case form YAML 1.1 lists) read as
   * booleans, as Kubernetes' YAML reader (sigs.k8s.io/yaml on go-yaml v2) reads them: {@code
   * privileged: on} is a privileged container to the API server.
   */
  public static void forEach(
      String file, String text, boolean yaml11Booleans, Consumer<YamlDoc> sink)
      throws ConfigParseException {
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(file)
            .setSchema(new CoreSchema())
            .setMaxAliasesForCollections(50)
            .setAllowRecursiveKeys(false)
            .setCodePointLimit(Integer.MAX_VALUE)
            .build();
    Converter converter = new Converter(file, yaml11Booleans);
    try {
      composeEach(
          file,
          text,
          settings,
          (node, index) -> {
            Object value = converter.convert(node, 0);
            if (value != null) {
              sink.accept(new YamlDoc(file, index, node, value));
            }
          });
    } catch (MarkedYamlEngineException e) {
      Optional<Mark> mark =
          e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark();
      Location at = location(file, mark);
      throw new ConfigParseException(
          at,
          file
              + ":"
              + at.line()
              + ":"
              + at.column()
              + ": invalid YAML: "
              + oneLine(e.getProblem() == null ? e.getContext() : e.getProblem()));
    } catch (YamlEngineException e) {
      throw new ConfigParseException(
          new Location(file, 0, 0), file + ": invalid YAML: " + oneLine(e.getMessage()));
    }
  }

  /** Receives the composed node of each document of a YAML stream, with its 0-based index. */
  @FunctionalInterface
  public interface NodeSink {
    void accept(Node node, int index) throws ConfigParseException;
  }

  /**
   * Composes each document of {@code text} with {@code settings} and hands its node to {@code
   * sink}: the guarded way every reader of YAML from strangers in this module goes through. Refuses
   * more than {@value #MAX_DOCUMENTS} documents, and nesting so deep that SnakeYAML's recursive
   * composer overflows the stack, as {@link ConfigParseException}s naming the file. SnakeYAML's own
   * syntax errors ({@code YamlEngineException}) pass through for the caller to word.
   */
  public static void composeEach(String file, String text, LoadSettings settings, NodeSink sink)
      throws ConfigParseException {
    try {
      int index = 0;
      for (Node node : new Compose(settings).composeAllFromString(text)) {
        if (index >= MAX_DOCUMENTS) {
          throw new ConfigParseException(
              location(file, node.getStartMark()),
              file + ": more than " + MAX_DOCUMENTS + " YAML documents; split the file");
        }
        sink.accept(node, index++);
      }
    } catch (StackOverflowError e) {
      // SnakeYAML's scanner and composer recurse once per nesting level; the parse is abandoned
      // whole, so no state outlives the error.
      throw new ConfigParseException(
          new Location(file, 0, 0), file + ": YAML nested too deeply to parse; refusing");
    }
  }

  private static String oneLine(String s) {
    return s == null ? "unknown problem" : s.replace('\n', ' ').strip();
  }

  static Location location(String file, Optional<Mark> mark) {
    return mark.map(m -> new Location(file, m.getLine() + 1, m.getColumn() + 1))
        .orElse(new Location(file, 0, 0));
  }

  /** Turns nodes into plain values, counting them to bound alias expansion. */
  private static final class Converter {
    private final String file;
    private final boolean yaml11Booleans;
    private long nodes;

    Converter(String file, boolean yaml11Booleans) {
      this.file = file;
      this.yaml11Booleans = yaml11Booleans;
    }

    Object convert(Node node, int depth) throws ConfigParseException {
      if (++nodes > MAX_NODES) {
        throw new ConfigParseException(
            location(file, node.getStartMark()),
            file + ": more than " + MAX_NODES + " YAML values (alias expansion?); refusing");
      }
      if (depth > MAX_DEPTH) {
        throw new ConfigParseException(
            location(file, node.getStartMark()),
            file + ": YAML nested deeper than " + MAX_DEPTH + " levels (or recursive); refusing");
      }
      if (node instanceof ScalarNode) {
        return scalar((ScalarNode) node, yaml11Booleans);
      }
      if (node instanceof SequenceNode) {
        List<Node> items = ((SequenceNode) node).getValue();
        List<Object> out = new ArrayList<>(items.size());
        for (Node item : items) {
          out.add(convert(item, depth + 1));
        }
        return out;
      }
      MappingNode map = (MappingNode) node;
      Map<String, Object> out = new LinkedHashMap<>();
      for (NodeTuple t : map.getValue()) {
        Node k = t.getKeyNode();
        if (isMergeKey(k)) {
          merge(out, t.getValueNode(), depth);
          continue;
        }
        Object key = k instanceof ScalarNode ? ((ScalarNode) k).getValue() : null;
        out.put(String.valueOf(key), convert(t.getValueNode(), depth + 1));
      }
      return out;
    }

    private static boolean isMergeKey(Node k) {
      return Tag.MERGE.equals(k.getTag())
          || (k instanceof ScalarNode
              && ((ScalarNode) k).getScalarStyle() == ScalarStyle.PLAIN
              && "<<".equals(((ScalarNode) k).getValue()));
    }

    @SuppressWarnings("unchecked")
    private void merge(Map<String, Object> out, Node source, int depth)
        throws ConfigParseException {
      List<Node> sources =
          source instanceof SequenceNode ? ((SequenceNode) source).getValue() : List.of(source);
      for (Node s : sources) {
        Object v = convert(s, depth + 1);
        if (v instanceof Map) {
          for (Map.Entry<String, Object> e : ((Map<String, Object>) v).entrySet()) {
            out.putIfAbsent(e.getKey(), e.getValue());
          }
        }
      }
    }

    private static Object scalar(ScalarNode s, boolean yaml11Booleans) {
      Tag tag = s.getTag();
      String v = s.getValue();
      if (yaml11Booleans && s.getScalarStyle() == ScalarStyle.PLAIN && Tag.STR.equals(tag)) {
        switch (v) {
          case "yes":
          case "Yes":
          case "YES":
          case "on":
          case "On":
          case "ON":
            return Boolean.TRUE;
          case "no":
          case "No":
          case "NO":
          case "off":
          case "Off":
          case "OFF":
            return Boolean.FALSE;
          default:
            break;
        }
      }
      if (Tag.NULL.equals(tag)) {
        return null;
      }
      if (Tag.BOOL.equals(tag)) {
        return Boolean.valueOf(v.toLowerCase(java.util.Locale.ROOT).equals("true"));
      }
      if (Tag.INT.equals(tag)) {
        try {
          if (v.startsWith("0x")) {
            return Long.parseLong(v.substring(2), 16);
          }
          if (v.startsWith("0o")) {
            return Long.parseLong(v.substring(2), 8);
          }
          return Long.parseLong(v.startsWith("+") ? v.substring(1) : v);
        } catch (NumberFormatException e) {
          return v;
        }
      }
      if (Tag.FLOAT.equals(tag)) {
        try {
          return Double.parseDouble(v);
        } catch (NumberFormatException e) {
          return v;
        }
      }
      return v;
    }
  }
}
