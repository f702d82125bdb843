package dev.bulkhead.image.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds one image entry of a {@code docker save} {@code manifest.json}.
 *
 * @param config the archive path of the config JSON
 * @param repoTags the tags the image was saved under
 * @param layers the archive paths of the layer tars, bottom first
 */
record ArchiveManifest(String config, List<String> repoTags, List<String> layers) {

  /** Parses every image entry of {@code manifest.json}. */
  static List<ArchiveManifest> parseAll(byte[] json) throws IOException {
    JsonNode root = Json.parse(json, "manifest.json");
    if (!root.isArray()) {
      throw new IOException("manifest.json is not a JSON array");
    }
    List<ArchiveManifest> images = new ArrayList<>();
    for (JsonNode image : root) {
      String config = Json.text(image, "Config");
      if (config == null) {
        throw new IOException("manifest.json has an image without \"Config\"");
      }
      images.add(
          new ArchiveManifest(
              DockerArchiveSource.normalise(config),
              strings(image.path("RepoTags"), false),
              strings(image.path("Layers"), true)));
    }
    if (images.isEmpty()) {
      throw new IOException("manifest.json lists no image");
    }
    return images;
  }

  /** Names this image for a warning: its first tag, or its config path. */
  String displayName() {
    return repoTags.isEmpty() ? config : repoTags.get(0);
  }

  private static List<String> strings(JsonNode array, boolean paths) {
    List<String> out = new ArrayList<>();
    for (JsonNode item : array) {
      out.add(paths ? DockerArchiveSource.normalise(item.asText()) : item.asText());
    }
    return List.copyOf(out);
  }
}
