package dev.bulkhead.image.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulkhead.core.digest.Digests;
import dev.bulkhead.image.testing.DockerArchiveBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Builds small images in docker-archive and OCI layout form, for pushing with skopeo. */
public final class TestImages {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TestImages() {}

  /** Returns an uncompressed tar holding {@code files} (path to text content). */
  public static byte[] layerTar(Map<String, String> files) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, String> file : files.entrySet()) {
        byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
        entry.setSize(content.length);
        entry.setMode(0644);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** Returns an image config for {@code os/arch} whose diff ids are those of {@code layers}. */
  public static byte[] config(String os, String arch, String variant, List<byte[]> layers)
      throws IOException {
    ObjectNode config = JSON.createObjectNode();
    config.put("architecture", arch);
    config.put("os", os);
    if (variant != null) {
      config.put("variant", variant);
    }
    config.putObject("config").putArray("Env").add("PATH=/usr/bin:/bin");
    ObjectNode rootfs = config.putObject("rootfs");
    rootfs.put("type", "layers");
    ArrayNode diffIds = rootfs.putArray("diff_ids");
    ArrayNode history = config.putArray("history");
    for (byte[] layer : layers) {
      diffIds.add(Digests.sha256(layer));
      history.addObject().put("created_by", "test layer");
    }
    return JSON.writeValueAsBytes(config);
  }

  /** Writes a {@code docker save} style archive of a linux image with {@code layers}. */
  public static Path dockerArchive(Path file, String repoTag, String arch, List<byte[]> layers)
      throws IOException {
    byte[] config = config("linux", arch, null, layers);
    String configName = Digests.sha256(config).substring(7) + ".json";
    ArrayNode manifest = JSON.createArrayNode();
    ObjectNode entry = manifest.addObject();
    entry.put("Config", configName);
    entry.putArray("RepoTags").add(repoTag);
    ArrayNode layerNames = entry.putArray("Layers");
    try (OutputStream out = Files.newOutputStream(file);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      DockerArchiveBuilder.put(tar, configName, config);
      for (byte[] layer : layers) {
        String name = Digests.sha256(layer).substring(7) + "/layer.tar";
        layerNames.add(name);
        DockerArchiveBuilder.put(tar, name, layer);
      }
      DockerArchiveBuilder.put(tar, "manifest.json", JSON.writeValueAsBytes(manifest));
    }
    return file;
  }

  /** Returns {@code bytes} gzip-compressed. */
  public static byte[] gzip(byte[] bytes) throws IOException {
    return DockerArchiveBuilder.gzip(bytes);
  }

  /** Builds an OCI image layout directory, blob by blob. */
  public static final class OciLayout {
    private final Path dir;

    /** Creates the layout skeleton in {@code dir}. */
    public OciLayout(Path dir) throws IOException {
      this.dir = dir;
      Files.createDirectories(dir.resolve("blobs/sha256"));
      Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    }

    /** Stores a blob and returns its descriptor. */
    public ObjectNode blob(String mediaType, byte[] content) throws IOException {
      String digest = Digests.sha256(content);
      Files.write(dir.resolve("blobs/sha256").resolve(digest.substring(7)), content);
      ObjectNode descriptor = JSON.createObjectNode();
      descriptor.put("mediaType", mediaType);
      descriptor.put("digest", digest);
      descriptor.put("size", content.length);
      return descriptor;
    }

    /**
     * Stores an image for a platform and returns its manifest descriptor with the platform set.
     *
     * @param gzip whether to store the layers gzip-compressed rather than plain tar
     */
    public ObjectNode image(
        String os, String arch, String variant, List<byte[]> layers, boolean gzip)
        throws IOException {
      ObjectNode manifest = JSON.createObjectNode();
      manifest.put("schemaVersion", 2);
      manifest.put("mediaType", MediaTypes.OCI_MANIFEST);
      manifest.set("config", blob(MediaTypes.OCI_CONFIG, config(os, arch, variant, layers)));
      ArrayNode descriptors = manifest.putArray("layers");
      for (byte[] layer : layers) {
        descriptors.add(
            gzip
                ? blob("application/vnd.oci.image.layer.v1.tar+gzip", TestImages.gzip(layer))
                : blob("application/vnd.oci.image.layer.v1.tar", layer));
      }
      ObjectNode descriptor = blob(MediaTypes.OCI_MANIFEST, JSON.writeValueAsBytes(manifest));
      ObjectNode platform = descriptor.putObject("platform");
      platform.put("os", os);
      platform.put("architecture", arch);
      if (variant != null) {
        platform.put("variant", variant);
      }
      return descriptor;
    }

    /**
     * Writes {@code index.json} naming {@code tag}: the one manifest itself, or an image index of
     * several.
     */
    public Path tag(String tag, List<ObjectNode> manifests) throws IOException {
      ObjectNode entry;
      if (manifests.size() == 1) {
        entry = manifests.get(0).deepCopy();
        entry.remove("platform");
      } else {
        ObjectNode index = JSON.createObjectNode();
        index.put("schemaVersion", 2);
        index.put("mediaType", MediaTypes.OCI_INDEX);
        index.putArray("manifests").addAll(manifests);
        entry = blob(MediaTypes.OCI_INDEX, JSON.writeValueAsBytes(index));
      }
      entry.putObject("annotations").put("org.opencontainers.image.ref.name", tag);
      ObjectNode top = JSON.createObjectNode();
      top.put("schemaVersion", 2);
      top.putArray("manifests").add(entry);
      Files.write(dir.resolve("index.json"), JSON.writeValueAsBytes(top));
      return dir;
    }
  }
}
