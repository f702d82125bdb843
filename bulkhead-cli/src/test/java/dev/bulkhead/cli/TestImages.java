package dev.bulkhead.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Builds real images for end-to-end tests: a debootstrap Debian rootfs and archives of it. */
public final class TestImages {
  /** Where the debootstrap rootfs is cached between runs on one machine. */
  static final Path CACHE = Paths.get("/var/tmp/bulkhead-test");

  private TestImages() {}

  /**
   * Returns a minimal Debian 12 (bookworm) root filesystem made with debootstrap, building it once
   * per machine (about 30 s) under a file lock in {@link #CACHE}, so parallel test JVMs share it.
   */
  public static Path debianRootfs() throws IOException {
    Path rootfs = CACHE.resolve("bookworm-minbase");
    Path done = CACHE.resolve("bookworm-minbase.done");
    Files.createDirectories(CACHE);
    try (FileChannel lock =
            FileChannel.open(
                CACHE.resolve("bookworm.lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock ignored = lock.lock()) {
      if (!Files.exists(done)) {
        Processes.check(null, List.of("rm", "-rf", rootfs.toString()), 120);
        Processes.check(
            null,
            List.of(
                "debootstrap",
                "--variant=minbase",
                "bookworm",
                rootfs.toString(),
                "http://deb.debian.org/debian"),
            900);
        Files.writeString(done, "ok\n");
      }
    }
    return rootfs;
  }

  /**
   * Describes one image build step: a history line and, unless it only changes metadata, the
   * directory that becomes its layer.
   *
   * @param layerDir the layer's root filesystem directory, or null for a metadata-only step
   * @param createdBy the step's history line
   */
  public record Step(Path layerDir, String createdBy) {
    /** Returns a step that adds the directory {@code dir} as a layer. */
    public static Step layer(Path dir, String createdBy) {
      return new Step(dir, createdBy);
    }

    /** Returns a metadata-only step (an {@code empty_layer} history entry). */
    public static Step empty(String createdBy) {
      return new Step(null, createdBy);
    }
  }

  /**
   * Describes the image config beyond its layers; empty lists and maps and a null {@code created}
   * are left out of the config.
   *
   * @param env the {@code Env} entries, {@code NAME=value}
   * @param cmd the {@code Cmd} entries
   * @param labels the {@code Labels}
   * @param created the timestamp of every history entry, or null
   * @param repoTag the tag in the archive's manifest
   */
  public record ImageConfig(
      List<String> env,
      List<String> cmd,
      Map<String, String> labels,
      String created,
      String repoTag) {
    static final ImageConfig PLAIN =
        new ImageConfig(List.of(), List.of(), Map.of(), null, "bulkhead-test/image:latest");
  }

  /**
   * Writes a {@code docker save} style archive whose layers are the given root filesystem
   * directories, bottom first, each tarred with GNU tar.
   */
  static Path dockerArchive(List<Path> layerDirs, List<String> createdBy, Path out)
      throws IOException {
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < layerDirs.size(); i++) {
      steps.add(Step.layer(layerDirs.get(i), createdBy.get(i)));
    }
    dockerArchive(steps, ImageConfig.PLAIN, out);
    return out;
  }

  /**
   * Writes a {@code docker save} style archive of the steps, bottom first, each layer tarred with
   * GNU tar, to {@code out}; returns the layers' diff ids, bottom first.
   */
  public static List<String> dockerArchive(List<Step> steps, ImageConfig image, Path out)
      throws IOException {
    Path staging = Files.createTempDirectory("bh-archive");
    ObjectMapper json = new ObjectMapper();
    ObjectNode config = json.createObjectNode();
    config.put("architecture", "amd64");
    config.put("os", "linux");
    if (!image.env().isEmpty() || !image.cmd().isEmpty() || !image.labels().isEmpty()) {
      ObjectNode cfg = config.putObject("config");
      if (!image.env().isEmpty()) {
        image.env().forEach(cfg.putArray("Env")::add);
      }
      if (!image.cmd().isEmpty()) {
        image.cmd().forEach(cfg.putArray("Cmd")::add);
      }
      if (!image.labels().isEmpty()) {
        image.labels().forEach(cfg.putObject("Labels")::put);
      }
    }
    ArrayNode diffIds = config.putObject("rootfs").put("type", "layers").putArray("diff_ids");
    ArrayNode history = config.putArray("history");
    List<String> ids = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      ObjectNode h = history.addObject();
      if (image.created() != null) {
        h.put("created", image.created());
      }
      h.put("created_by", step.createdBy());
      if (step.layerDir() == null) {
        h.put("empty_layer", true);
        continue;
      }
      Path tar = staging.resolve("layer" + i + ".tar");
      Processes.check(
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
      String hex = sha256(tar);
      Path dir = Files.createDirectories(staging.resolve(hex));
      Files.move(tar, dir.resolve("layer.tar"));
      diffIds.add("sha256:" + hex);
      ids.add("sha256:" + hex);
      names.add(hex);
    }
    byte[] configBytes = json.writeValueAsBytes(config);
    String configName = sha256(configBytes) + ".json";
    Files.write(staging.resolve(configName), configBytes);
    ArrayNode manifest = json.createArrayNode();
    ObjectNode entry = manifest.addObject();
    entry.put("Config", configName);
    entry.putArray("RepoTags").add(image.repoTag());
    ArrayNode layers = entry.putArray("Layers");
    names.forEach(name -> layers.add(name + "/layer.tar"));
    Files.write(staging.resolve("manifest.json"), json.writeValueAsBytes(manifest));
    List<String> cmd = new ArrayList<>(List.of("tar", "-C", staging.toString(), "-cf"));
    cmd.add(out.toString());
    cmd.addAll(names);
    cmd.add(configName);
    cmd.add("manifest.json");
    Processes.check(null, cmd, 600);
    Processes.check(null, List.of("rm", "-rf", staging.toString()), 120);
    return ids;
  }

  /** Converts a docker-archive to an OCI layout tagged {@code tag} with skopeo. */
  static Path ociLayout(Path dockerArchive, Path dir, String tag) throws IOException {
    Processes.check(
        null,
        List.of(
            "skopeo",
            "copy",
            "--quiet",
            "docker-archive:" + dockerArchive,
            "oci:" + dir + ":" + tag),
        600);
    return dir;
  }

  /** Pushes a docker-archive to a plain-HTTP registry as {@code ref} with skopeo. */
  static void push(Path dockerArchive, String ref) throws IOException {
    Processes.check(
        null,
        List.of(
            "skopeo",
            "copy",
            "--quiet",
            "--dest-tls-verify=false",
            "docker-archive:" + dockerArchive,
            "docker://" + ref),
        600);
  }

  /** Returns the hex SHA-256 of a file. */
  static String sha256(Path file) throws IOException {
    MessageDigest md = newDigest();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(newDigest().digest(bytes));
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
