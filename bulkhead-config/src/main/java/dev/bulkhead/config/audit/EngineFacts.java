package dev.bulkhead.config.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.engine.EngineClient;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the engine's API said: {@code /version}, {@code /info}, the default bridge network (Docker
 * only) and the inspect document of every running container.
 *
 * @param address where the engine was reached, used as the findings' file
 * @param version the {@code /version} document
 * @param info the {@code /info} document
 * @param bridge the {@code /networks/bridge} document, or a missing node
 * @param containers {@code /containers/{id}/json} of each running container
 * @param warnings what could not be read
 */
public record EngineFacts(
    String address,
    JsonNode version,
    JsonNode info,
    JsonNode bridge,
    List<JsonNode> containers,
    List<String> warnings) {
  /** More running containers than this are reported as a warning and not inspected. */
  public static final int MAX_CONTAINERS = 5_000;

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

  public EngineFacts {
    containers = List.copyOf(containers);
    warnings = List.copyOf(warnings);
  }

  /** Whether the engine is podman's Docker-compatible service rather than Docker Engine. */
  public boolean podman() {
    for (JsonNode c : version.path("Components")) {
      if (c.path("Name").asText("").toLowerCase(java.util.Locale.ROOT).contains("podman")) {
        return true;
      }
    }
    return info.has("BuildahVersion");
  }

  /**
   * Reads everything the audit needs from a live engine.
   *
   * @throws BulkheadException when the engine cannot be reached or refuses {@code /info}
   */
  public static EngineFacts collect(EngineClient client) throws BulkheadException {
    List<String> warnings = new ArrayList<>();
    JsonNode version = client.getJson("/version");
    JsonNode info = client.getJson("/info");
    JsonNode bridge = MissingNode.getInstance();
    boolean podman =
        new EngineFacts(client.host(), version, info, bridge, List.of(), List.of()).podman();
    if (!podman) {
      try {
        bridge = client.getJson("/networks/bridge");
      } catch (BulkheadException e) {
        warnings.add("cannot read the default bridge network: " + e.getMessage());
      }
    }
    JsonNode list = client.getJson("/containers/json");
    List<JsonNode> containers = new ArrayList<>();
    int seen = 0;
    for (JsonNode c : list) {
      if (++seen > MAX_CONTAINERS) {
        warnings.add(
            "more than " + MAX_CONTAINERS + " running containers; only the first were audited");
        break;
      }
      String id = c.path("Id").asText("");
      if (!ID.matcher(id).matches()) {
        warnings.add("skipped a container with an unusable id: " + id);
        continue;
      }
      try {
        containers.add(client.getJson("/containers/" + id + "/json"));
      } catch (BulkheadException e) {
        warnings.add(
            "container " + id + " could not be inspected (it may have exited): " + e.getMessage());
      }
    }
    return new EngineFacts(client.host(), version, info, bridge, containers, warnings);
  }
}
