package dev.bulkhead.image.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulkhead.core.spi.ImageMetadataView;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the parts of an image config where build arguments and credentials leak ({@code
 * config.Env}, {@code Entrypoint}, {@code Cmd}, {@code Labels} and every history {@code
 * created_by}) for content scanners.
 */
public final class ConfigMetadata {
  private ConfigMetadata() {}

  /**
   * Parses the config JSON; absent fields become empty, non-text values are skipped.
   *
   * @throws IOException when the JSON is malformed
   */
  public static ImageMetadataView parse(byte[] json) throws IOException {
    JsonNode root = Json.parse(json, "image config");
    JsonNode config = root.path("config");
    Map<String, String> labels = new LinkedHashMap<>();
    config
        .path("Labels")
        .fields()
        .forEachRemaining(
            e -> {
              JsonNode v = e.getValue();
              if (v.isTextual() || v.isNumber() || v.isBoolean()) {
                labels.put(e.getKey(), v.asText());
              }
            });
    List<String> history = new ArrayList<>();
    for (JsonNode entry : root.path("history")) {
      String createdBy = Json.text(entry, "created_by");
      history.add(createdBy == null ? "" : createdBy);
    }
    return new ImageMetadataView(
        strings(config.path("Env")),
        strings(config.path("Entrypoint")),
        strings(config.path("Cmd")),
        labels,
        history);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array.isTextual()) {
      out.add(array.asText());
    }
    for (JsonNode item : array) {
      if (item.isTextual()) {
        out.add(item.asText());
      }
    }
    return out;
  }
}
