package dev.bulkhead.cli.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Writes a {@code docker save} style archive from layer directories tarred with GNU tar. */
final class ImageArchive {
  private ImageArchive() {}

  /** One Dockerfile step: a history line and, unless it is metadata only, a layer directory. */
  record Step(Path layerDir, String createdBy) {
    static Step layer(Path dir, String createdBy) {
      return new Step(dir, createdBy);
    }

    static Step empty(String createdBy) {
      return new Step(null, createdBy);
    }
  }

  /** Writes the archive to {@code out} and returns the layers' diff ids, bottom first. */
  static List<String> write(List<Step> steps, List<String> env, List<String> cmd, Path out)
      throws IOException {
    Path staging = Files.createTempDirectory("bh-corpus-image");
    ObjectMapper json = new ObjectMapper();
    ObjectNode config = json.createObjectNode();
    config.put("architecture", "amd64").put("os", "linux");
    ObjectNode cfg = config.putObject("config");
    env.forEach(cfg.putArray("Env")::add);
    cmd.forEach(cfg.putArray("Cmd")::add);
    cfg.putObject("Labels").put("org.opencontainers.image.title", "shop-api");
    ArrayNode diffIds = config.putObject("rootfs").put("type", "layers").putArray("diff_ids");
    ArrayNode history = config.putArray("history");
    List<String> ids = new ArrayList<>();
    List<String> entries = new ArrayList<>();
    for (Step step : steps) {
      ObjectNode h = history.addObject().put("created", "2026-11-01T10:00:00Z");
      h.put("created_by", step.createdBy());
      if (step.layerDir() == null) {
        h.put("empty_layer", true);
        continue;
      }
      Path tar = staging.resolve("layer.tar");
      Tool.run(
          null,
          List.of(
              "tar",
              "--numeric-owner",
              "-C",
              step.layerDir().toString(),
              "-cf",
              tar.toString(),
              "."),
          600);
      String hex = sha256(Files.readAllBytes(tar));
      Files.move(tar, Files.createDirectories(staging.resolve(hex)).resolve("layer.tar"));
      diffIds.add("sha256:" + hex);
      ids.add("sha256:" + hex);
      entries.add(hex);
    }
    byte[] configBytes = json.writeValueAsBytes(config);
    String configName = sha256(configBytes) + ".json";
    Files.write(staging.resolve(configName), configBytes);
    ArrayNode manifest = json.createArrayNode();
    ObjectNode entry = manifest.addObject();
    entry.put("Config", configName);
    entry.putArray("RepoTags").add("bulkhead-corpus/leaky:latest");
    ArrayNode layers = entry.putArray("Layers");
    entries.forEach(e -> layers.add(e + "/layer.tar"));
    Files.write(staging.resolve("manifest.json"), json.writeValueAsBytes(manifest));
    List<String> command = new ArrayList<>(List.of("tar", "-C", staging.toString(), "-cf"));
    command.add(out.toString());
    command.addAll(entries);
    command.add(configName);
    command.add("manifest.json");
    Tool.run(null, command, 600);
    Tool.run(null, List.of("rm", "-rf", staging.toString()), 120);
    return ids;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
