package dev.bulkhead.config.daemon;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulkhead.config.hostpaths.EngineEndpoints;
import dev.bulkhead.config.model.ConfigFinding;
import dev.bulkhead.config.model.Location;
import dev.bulkhead.config.model.ResourceRef;
import dev.bulkhead.config.model.Rule;
import dev.bulkhead.config.spi.ConfigParseException;
import dev.bulkhead.config.spi.ConfigScanner;
import dev.bulkhead.config.spi.ScannedResource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks a Docker daemon configuration file ({@code /etc/docker/daemon.json}). */
public final class DaemonJsonScanner implements ConfigScanner {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern JSON_NAME = Pattern.compile("(?i).+\\.json");
  private static final Pattern KEYS =
      Pattern.compile(
          "\"(userns-remap|insecure-registries|registry-mirrors|live-restore|icc|storage-driver"
              + "|log-driver|log-opts|data-root|exec-opts|default-address-pools|no-new-privileges"
              + "|tlsverify|tlscacert|userland-proxy|default-ulimits|iptables|selinux-enabled"
              + "|cgroup-parent|seccomp-profile|authorization-plugins)\"\\s*:");
  private static final Pattern NOT_DAEMON = Pattern.compile("\"(apiVersion|kind)\"\\s*:");
  private static final int MAX_ARRAY = 10_000;

  /** A top-level field or array element with where it was. */
  private record Placed(JsonNode value, Location location, List<Placed> elements) {}

  private final List<ScannedResource> scanned = new ArrayList<>();

  @Override
  public List<ScannedResource> scannedResources() {
    return List.copyOf(scanned);
  }

  @Override
  public String fileKind() {
    return "daemon";
  }

  @Override
  public List<Rule> rules() {
    return DaemonRules.ALL;
  }

  /**
   * Accepts {@code daemon.json} by name; any other JSON file (or stdin) only when its head looks
   * like a daemon configuration: an object with a daemon option as a key and no {@code apiVersion}
   * or {@code kind} (a Kubernetes manifest such as {@code fluentd-daemon.json} is not one).
   */
  @Override
  public boolean accepts(String fileName, String head) {
    if (fileName.equalsIgnoreCase("daemon.json")) {
      return true;
    }
    return (fileName.equals("-") || JSON_NAME.matcher(fileName).matches())
        && head.stripLeading().startsWith("{")
        && KEYS.matcher(head).find()
        && !NOT_DAEMON.matcher(head).find();
  }

  @Override
  public List<ConfigFinding> scan(String file, String text) throws ConfigParseException {
    Map<String, Placed> top = new LinkedHashMap<>();
    Location object = read(file, text, top);
    ResourceRef ref = new ResourceRef("DockerDaemon", null, file);
    scanned.add(new ScannedResource(ref, object));
    List<ConfigFinding> out = new ArrayList<>();

    Placed userns = top.get("userns-remap");
    if (userns == null || userns.value().asText("").isBlank()) {
      out.add(
          ConfigFinding.of(
              DaemonRules.NO_USERNS,
              userns == null ? object : userns.location(),
              ref,
              userns == null ? "userns-remap is not set" : "userns-remap is empty"));
    }
    Placed icc = top.get("icc");
    if (icc == null || !isFalse(icc.value())) {
      out.add(
          ConfigFinding.of(
              DaemonRules.ICC,
              icc == null ? object : icc.location(),
              ref,
              icc == null ? "icc is not set (default true)" : "icc is " + icc.value()));
    }
    Placed nnp = top.get("no-new-privileges");
    if (nnp == null || !isTrue(nnp.value())) {
      out.add(
          ConfigFinding.of(
              DaemonRules.NO_NEW_PRIVILEGES,
              nnp == null ? object : nnp.location(),
              ref,
              nnp == null
                  ? "no-new-privileges is not set"
                  : "no-new-privileges is " + nnp.value()));
    }
    Placed insecure = top.get("insecure-registries");
    if (insecure != null) {
      for (Placed e : insecure.elements()) {
        String reg = e.value().asText("");
        if (!reg.isBlank() && !EngineEndpoints.isLoopback(reg)) {
          out.add(
              ConfigFinding.of(
                  DaemonRules.INSECURE_REGISTRY,
                  e.location(),
                  ref,
                  "insecure-registries allows " + reg + " without verified TLS"));
        }
      }
    }
    Placed hosts = top.get("hosts");
    Placed tlsverify = top.get("tlsverify");
    if (hosts != null && (tlsverify == null || !isTrue(tlsverify.value()))) {
      List<Placed> list =
          hosts.elements().isEmpty() && hosts.value().isTextual()
              ? List.of(hosts)
              : hosts.elements();
      for (Placed h : list) {
        String addr = h.value().asText("");
        if (addr.toLowerCase(Locale.ROOT).startsWith("tcp://")) {
          out.add(
              ConfigFinding.of(
                  DaemonRules.TCP_WITHOUT_TLS,
                  h.location(),
                  ref,
                  "hosts listens on "
                      + addr
                      + " and tlsverify is "
                      + (tlsverify == null ? "not set" : tlsverify.value().toString())));
        }
      }
    }
    Placed live = top.get("live-restore");
    if (live == null || !isTrue(live.value())) {
      out.add(
          ConfigFinding.of(
              DaemonRules.NO_LIVE_RESTORE,
              live == null ? object : live.location(),
              ref,
              live == null
                  ? "live-restore is not set (default false)"
                  : "live-restore is " + live.value()));
    }
    return out;
  }

  private static boolean isTrue(JsonNode n) {
    return n.isBoolean() ? n.booleanValue() : n.asText("").equalsIgnoreCase("true");
  }

  private static boolean isFalse(JsonNode n) {
    return n.isBoolean() ? !n.booleanValue() : n.asText("").equalsIgnoreCase("false");
  }

  /** Reads the top-level object into {@code top}; returns the location of its opening brace. */
  private static Location read(String file, String text, Map<String, Placed> top)
      throws ConfigParseException {
    try (JsonParser p = JSON.getFactory().createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new ConfigParseException(
            loc(file, p.currentTokenLocation()), file + " is not a JSON object");
      }
      Location object = loc(file, p.currentTokenLocation());
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        Location at = loc(file, p.currentTokenLocation());
        JsonToken t = p.nextToken();
        List<Placed> elements = new ArrayList<>();
        JsonNode value;
        if (t == JsonToken.START_ARRAY) {
          List<JsonNode> values = new ArrayList<>();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            Location el = loc(file, p.currentTokenLocation());
            JsonNode v = p.readValueAsTree();
            if (elements.size() < MAX_ARRAY) {
              elements.add(new Placed(v, el, List.of()));
              values.add(v);
            }
          }
          value = JSON.valueToTree(values);
        } else {
          value = p.readValueAsTree();
        }
        top.put(name, new Placed(value == null ? JSON.nullNode() : value, at, elements));
      }
      if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw new ConfigParseException(
            loc(file, p.currentTokenLocation()), "unexpected content after the object in " + file);
      }
      return object;
    } catch (JsonProcessingException e) {
      JsonLocation l = e.getLocation();
      throw new ConfigParseException(
          l == null ? new Location(file, 0, 0) : loc(file, l),
          "invalid JSON in " + file + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ConfigParseException(new Location(file, 0, 0), "cannot read " + file + ": " + e);
    }
  }

  private static Location loc(String file, JsonLocation l) {
    return new Location(file, Math.max(0, l.getLineNr()), Math.max(0, l.getColumnNr()));
  }
}
