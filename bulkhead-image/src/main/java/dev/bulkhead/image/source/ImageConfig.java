package dev.bulkhead.image.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds what the walker needs from an image config: the layers' diff ids and the commands that made
 * them.
 *
 * @param diffIds the {@code rootfs.diff_ids}, bottom first (empty when the config lists none)
 * @param layerCommands the {@code created_by} of each non-empty history entry: the N-th belongs to
 *     the N-th layer ({@code null} entries where a history entry has no command)
 */
public record ImageConfig(List<String> diffIds, List<String> layerCommands) {

  /** An empty config, for images whose config is unknown. */
  public static final ImageConfig NONE = new ImageConfig(List.of(), List.of());

  /** Parses the config JSON. */
  public static ImageConfig parse(byte[] json) throws IOException {
    JsonNode root = Json.parse(json, "image config");
    List<String> diffIds = new ArrayList<>();
    for (JsonNode id : root.path("rootfs").path("diff_ids")) {
      diffIds.add(id.asText());
    }
    List<String> commands = new ArrayList<>();
    for (JsonNode entry : root.path("history")) {
      if (!entry.path("empty_layer").asBoolean(false)) {
        commands.add(Json.text(entry, "created_by"));
      }
    }
    return new ImageConfig(List.copyOf(diffIds), java.util.Collections.unmodifiableList(commands));
  }

  /** Returns the command that made layer {@code index}, or {@code null}. */
  public String commandOf(int index) {
    return index < layerCommands.size() ? layerCommands.get(index) : null;
  }

  /** Returns the diff id of layer {@code index} as the config lists it, or {@code null}. */
  public String diffIdOf(int index) {
    return index < diffIds.size() ? diffIds.get(index) : null;
  }
}
