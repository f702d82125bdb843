package dev.bulkhead.config.compose;

import dev.bulkhead.config.hostpaths.EngineEndpoints;
import dev.bulkhead.config.model.ConfigFinding;
import dev.bulkhead.config.model.Location;
import dev.bulkhead.config.model.ResourceRef;
import dev.bulkhead.config.model.Rule;
import dev.bulkhead.config.spi.ConfigParseException;
import dev.bulkhead.config.spi.ConfigScanner;
import dev.bulkhead.config.spi.ScannedResource;
import dev.bulkhead.config.yaml.YamlDocs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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

/**
 * Checks docker-compose files (Compose specification): each service's privileges, namespaces,
 * capabilities and mounts. Follows YAML anchors and {@code <<} merge keys, as Compose does.
 */
public final class ComposeScanner implements ConfigScanner {
  private static final Pattern NAME =
      Pattern.compile("(?i)(docker-)?compose([.-][^/]*)?\\.ya?ml|.*\\.compose\\.ya?ml");
  private static final Pattern SERVICES = Pattern.compile("(?m)^services\\s*:");
  private static final Pattern K8S = Pattern.compile("(?m)^(apiVersion|kind)\\s*:");
  private static final Set<String> TRUE = Set.of("true", "yes", "on", "1");
  private static final Pattern INTERPOLATION =
      Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*:?-([^}]*)}");
  private static final int MAX_SERVICES = 10_000;
  private static final int MAX_MERGE_DEPTH = 8;

  private final List<ScannedResource> scanned = new ArrayList<>();

  @Override
  public List<ScannedResource> scannedResources() {
    return List.copyOf(scanned);
  }

  @Override
  public String fileKind() {
    return "compose";
  }

  @Override
  public List<Rule> rules() {
    return ComposeRules.ALL;
  }

  @Override
  public boolean accepts(String fileName, String head) {
    if (NAME.matcher(fileName).matches()) {
      return true;
    }
    boolean yaml = fileName.equals("-") || fileName.matches("(?i).*\\.ya?ml");
    return yaml && SERVICES.matcher(head).find() && !K8S.matcher(head).find();
  }

  @Override
  public List<ConfigFinding> scan(String file, String text) throws ConfigParseException {
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(file)
            .setMaxAliasesForCollections(100)
            .setAllowDuplicateKeys(false)
            .build();
    List<ConfigFinding> out = new ArrayList<>();
    try {
      YamlDocs.composeEach(file, text, settings, (doc, index) -> scanDocument(file, doc, out));
    } catch (MarkedYamlEngineException e) {
      Mark m = e.getProblemMark().orElse(null);
      throw new ConfigParseException(
          m == null
              ? new Location(file, 0, 0)
              : new Location(file, m.getLine() + 1, m.getColumn() + 1),
          "invalid YAML in " + file + ": " + e.getProblem());
    } catch (YamlEngineException e) {
      throw new ConfigParseException(
          new Location(file, 0, 0), "invalid YAML in " + file + ": " + e.getMessage());
    }
    return out;
  }

  private void scanDocument(String file, Node doc, List<ConfigFinding> out)
      throws ConfigParseException {
    if (!(doc instanceof MappingNode)) {
      return;
    }
    Map<String, NodeTuple> top = fields((MappingNode) doc, 0);
    NodeTuple services = top.get("services");
    if (services == null || !(services.getValueNode() instanceof MappingNode)) {
      return;
    }
    List<NodeTuple> list = ((MappingNode) services.getValueNode()).getValue();
    if (list.size() > MAX_SERVICES) {
      throw new ConfigParseException(
          at(file, services.getKeyNode()), "more than " + MAX_SERVICES + " services in " + file);
    }
    for (NodeTuple svc : list) {
      if (svc.getValueNode() instanceof MappingNode) {
        String name = scalar(svc.getKeyNode());
        ResourceRef ref = new ResourceRef("ComposeService", null, name);
        scanned.add(new ScannedResource(ref, at(file, svc.getKeyNode())));
        checkService(file, ref, fields((MappingNode) svc.getValueNode(), 0), out);
      }
    }
  }

  private static void checkService(
      String file, ResourceRef ref, Map<String, NodeTuple> f, List<ConfigFinding> out) {
    NodeTuple p = f.get("privileged");
    if (p != null && isTrue(p.getValueNode())) {
      out.add(finding(ComposeRules.PRIVILEGED, file, p, ref, "privileged: true"));
    }
    hostMode(file, ref, f.get("network_mode"), ComposeRules.HOST_NETWORK, out);
    hostMode(file, ref, f.get("pid"), ComposeRules.HOST_PID, out);
    hostMode(file, ref, f.get("ipc"), ComposeRules.HOST_IPC, out);
    NodeTuple caps = f.get("cap_add");
    if (caps != null) {
      for (Node c : items(caps.getValueNode())) {
        String cap = scalar(c);
        if (cap != null && !cap.isBlank()) {
          out.add(
              ConfigFinding.of(
                  ComposeRules.CAP_ADD,
                  at(file, c),
                  ref,
                  "cap_add adds " + cap.toUpperCase(Locale.ROOT) + danger(cap)));
        }
      }
    }
    NodeTuple sec = f.get("security_opt");
    if (sec != null) {
      for (Node o : items(sec.getValueNode())) {
        String v = scalar(o);
        if (v != null
            && v.replace(" ", "")
                .toLowerCase(Locale.ROOT)
                .matches("(seccomp|apparmor)[:=]unconfined")) {
          out.add(
              ConfigFinding.of(ComposeRules.UNCONFINED, at(file, o), ref, "security_opt: " + v));
        }
      }
    }
    NodeTuple vols = f.get("volumes");
    if (vols != null) {
      for (Node v : items(vols.getValueNode())) {
        checkVolume(file, ref, v, out);
      }
    }
  }

  private static void checkVolume(String file, ResourceRef ref, Node v, List<ConfigFinding> out) {
    String source;
    Node where = v;
    if (v instanceof ScalarNode) {
      String s = scalar(v);
      source = shortSource(s);
    } else if (v instanceof MappingNode) {
      Map<String, NodeTuple> m = fields((MappingNode) v, 0);
      NodeTuple src = m.get("source");
      if (src == null) {
        return;
      }
      source = scalar(src.getValueNode());
      source = source == null ? null : INTERPOLATION.matcher(source).replaceAll("$1");
      where = src.getKeyNode();
    } else {
      return;
    }
    if (source == null) {
      return;
    }
    if (EngineEndpoints.exposesEngineSocket(source)) {
      out.add(
          ConfigFinding.of(
              ComposeRules.DOCKER_SOCKET,
              at(file, where),
              ref,
              "volume mounts " + source + " from the host, which exposes the engine API socket"));
    }
  }

  /**
   * The host side of a short volume spec, {@code SRC:DST[:MODE]}, or null for none; a colon inside
   * {@code ${VAR:-default}} does not split, and such a variable is replaced by its default.
   */
  static String shortSource(String spec) {
    if (spec == null) {
      return null;
    }
    int start = spec.matches("^[A-Za-z]:[\\\\/].*") ? 2 : 0;
    int depth = 0;
    for (int i = start; i < spec.length(); i++) {
      char c = spec.charAt(i);
      if (c == '$' && i + 1 < spec.length() && spec.charAt(i + 1) == '{') {
        depth++;
        i++;
      } else if (c == '}' && depth > 0) {
        depth--;
      } else if (c == ':' && depth == 0) {
        return INTERPOLATION.matcher(spec.substring(0, i)).replaceAll("$1");
      }
    }
    return null;
  }

  private static String danger(String cap) {
    String c = cap.toUpperCase(Locale.ROOT).replaceFirst("^CAP_", "");
    switch (c) {
      case "ALL":
      case "SYS_ADMIN":
      case "SYS_MODULE":
      case "SYS_PTRACE":
      case "SYS_RAWIO":
      case "DAC_READ_SEARCH":
      case "NET_ADMIN":
      case "BPF":
        return " (close to privileged: it allows container escapes)";
      default:
        return "";
    }
  }

  private static void hostMode(
      String file, ResourceRef ref, NodeTuple t, Rule rule, List<ConfigFinding> out) {
    if (t != null && "host".equals(scalar(t.getValueNode()))) {
      out.add(finding(rule, file, t, ref, scalar(t.getKeyNode()) + ": host"));
    }
  }

  private static ConfigFinding finding(
      Rule rule, String file, NodeTuple t, ResourceRef ref, String what) {
    return ConfigFinding.of(
        rule, at(file, t.getKeyNode()), ref, "service " + ref.name() + " sets " + what);
  }

  /** The mapping's fields by key, with {@code <<} merge keys applied (own keys win). */
  private static Map<String, NodeTuple> fields(MappingNode m, int depth) {
    Map<String, NodeTuple> out = new LinkedHashMap<>();
    List<Node> merges = new ArrayList<>();
    for (NodeTuple t : m.getValue()) {
      String k = scalar(t.getKeyNode());
      if ("<<".equals(k)) {
        merges.addAll(
            t.getValueNode() instanceof SequenceNode
                ? ((SequenceNode) t.getValueNode()).getValue()
                : List.of(t.getValueNode()));
      } else if (k != null) {
        out.put(k, t);
      }
    }
    if (depth < MAX_MERGE_DEPTH) {
      for (Node n : merges) {
        if (n instanceof MappingNode) {
          fields((MappingNode) n, depth + 1).forEach(out::putIfAbsent);
        }
      }
    }
    return out;
  }

  private static List<Node> items(Node n) {
    if (n instanceof SequenceNode) {
      return ((SequenceNode) n).getValue();
    }
    return n instanceof ScalarNode ? List.of(n) : List.of();
  }

  private static boolean isTrue(Node n) {
    String s = scalar(n);
    return s != null && TRUE.contains(s.toLowerCase(Locale.ROOT));
  }

  private static String scalar(Node n) {
    return n instanceof ScalarNode ? ((ScalarNode) n).getValue() : null;
  }

  private static Location at(String file, Node n) {
    return n.getStartMark()
        .map(m -> new Location(file, m.getLine() + 1, m.getColumn() + 1))
        .orElse(new Location(file, 0, 0));
  }
}
