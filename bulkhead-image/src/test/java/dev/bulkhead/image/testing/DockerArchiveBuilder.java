package dev.bulkhead.image.testing;

import dev.bulkhead.core.digest.Digests;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Writes {@code docker save} tars, legacy or OCI-style, with real digests, from layer tars. */
public final class DockerArchiveBuilder {
  private final List<byte[]> layers = new ArrayList<>();
  private final List<String> commands = new ArrayList<>();
  private boolean ociStyle;
  private boolean gzipOuter;
  private boolean gzipLayers;
  private boolean manifestFirst;
  private String wrongDiffId;
  private final List<String> extraImages = new ArrayList<>();
  private String containerConfig;

  /** Adds a layer made by {@code command}. */
  public DockerArchiveBuilder layer(byte[] tar, String command) {
    layers.add(tar);
    commands.add(command);
    return this;
  }

  public DockerArchiveBuilder ociStyle() {
    ociStyle = true;
    return this;
  }

  public DockerArchiveBuilder gzipOuter() {
    gzipOuter = true;
    return this;
  }

  public DockerArchiveBuilder gzipLayers() {
    gzipLayers = true;
    return this;
  }

  public DockerArchiveBuilder manifestFirst() {
    manifestFirst = true;
    return this;
  }

  /** Makes the config list a wrong diff id for the first layer. */
  public DockerArchiveBuilder wrongDiffId() {
    wrongDiffId = "sha256:" + "0".repeat(64);
    return this;
  }

  /** Adds a second manifest entry (same config, no layers) tagged {@code tag}. */
  public DockerArchiveBuilder extraImage(String tag) {
    extraImages.add(tag);
    return this;
  }

  /** Sets the config's {@code config} object (Env, Cmd, Labels...), given as raw JSON. */
  public DockerArchiveBuilder containerConfig(String json) {
    containerConfig = json;
    return this;
  }

  /** Returns the config JSON: diff ids, and history with an empty layer before each real one. */
  public String config() {
    StringBuilder diffIds = new StringBuilder();
    StringBuilder history = new StringBuilder();
    for (int i = 0; i < layers.size(); i++) {
      String id = i == 0 && wrongDiffId != null ? wrongDiffId : sha256(layers.get(i));
      diffIds.append(i == 0 ? "" : ",").append('"').append(id).append('"');
      history
          .append(i == 0 ? "" : ",")
          .append("{\"created_by\":\"ENV step=")
          .append(i)
          .append("\",\"empty_layer\":true},{\"created_by\":\"")
          .append(commands.get(i))
          .append("\"}");
    }
    return "{\"architecture\":\"amd64\",\"os\":\"linux\","
        + (containerConfig == null ? "" : "\"config\":" + containerConfig + ",")
        + "\"rootfs\":{\"type\":\"layers\","
        + "\"diff_ids\":["
        + diffIds
        + "]},\"history\":["
        + history
        + "]}";
  }

  /** Writes the archive to {@code path}. */
  public Path write(Path path) throws IOException {
    byte[] config = config().getBytes(StandardCharsets.UTF_8);
    String configName = ociStyle ? "blobs/sha256/" + hex(config) : hex(config) + ".json";
    List<String> layerNames = new ArrayList<>();
    List<byte[]> stored = new ArrayList<>();
    for (byte[] layer : layers) {
      byte[] blob = gzipLayers ? gzip(layer) : layer;
      stored.add(blob);
      layerNames.add(ociStyle ? "blobs/sha256/" + hex(blob) : hex(layer) + "/layer.tar");
    }
    StringBuilder manifest = new StringBuilder("[");
    manifest.append(image(configName, "test/image:1", layerNames));
    for (String tag : extraImages) {
      manifest.append(',').append(image(configName, tag, List.of()));
    }
    manifest.append(']');
    try (OutputStream file = Files.newOutputStream(path);
        OutputStream out = gzipOuter ? new GZIPOutputStream(file) : file;
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      byte[] manifestBytes = manifest.toString().getBytes(StandardCharsets.UTF_8);
      if (manifestFirst) {
        put(tar, "manifest.json", manifestBytes);
      }
      for (int i = 0; i < stored.size(); i++) {
        put(tar, layerNames.get(i), stored.get(i));
      }
      put(tar, configName, config);
      if (!manifestFirst) {
        put(tar, "manifest.json", manifestBytes);
      }
    }
    return path;
  }

  private static String image(String config, String tag, List<String> layers) {
    StringBuilder sb = new StringBuilder("{\"Config\":\"" + config + "\",\"RepoTags\":[\"");
    sb.append(tag).append("\"],\"Layers\":[");
    for (int i = 0; i < layers.size(); i++) {
      sb.append(i == 0 ? "" : ",").append('"').append(layers.get(i)).append('"');
    }
    return sb.append("]}").toString();
  }

  /** Writes {@code content} to {@code tar} as a regular file entry named {@code name}. */
  public static void put(TarArchiveOutputStream tar, String name, byte[] content)
      throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setSize(content.length);
    tar.putArchiveEntry(e);
    tar.write(content);
    tar.closeArchiveEntry();
  }

  /** Returns {@code data} gzip-compressed. */
  public static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  /** Returns the {@code sha256:hex} digest of {@code data}. */
  public static String sha256(byte[] data) {
    return Digests.sha256(data);
  }

  /** Returns the bare hex SHA-256 of {@code data}. */
  public static String hex(byte[] data) {
    return sha256(data).substring("sha256:".length());
  }
}
