package dev.bulkhead.image.source;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.digest.Digests;
import dev.bulkhead.core.spi.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads a {@code docker save} tar ({@code docker-archive:PATH}), plain or gzip, in one streaming
 * pass, in both the legacy layout ({@code <id>/layer.tar}) and the OCI-style layout docker 25+
 * writes ({@code blobs/sha256/...} plus {@code manifest.json}).
 *
 * <p>Layers are handed on as they are met, since {@code manifest.json} may come last; the manifest
 * then orders them. When the archive holds several images the first is scanned and a warning names
 * the others.
 */
public final class DockerArchiveSource implements ImageSource {
  private final String target;
  private final Path path;
  private final Limits limits;

  /** Creates a source for the archive at {@code path}, named {@code target} in messages. */
  public DockerArchiveSource(String target, Path path, Limits limits) {
    this.target = target;
    this.path = path;
    this.limits = limits;
  }

  @Override
  public ImageMetadata read(LayerHandler handler, Progress progress) throws BulkheadException {
    if (!Files.isRegularFile(path)) {
      throw new BulkheadException(
          "image archive " + path + " not found; pass docker-archive:PATH to a `docker save` tar");
    }
    ArchiveReader reader = new ArchiveReader(target, limits);
    try (InputStream file = Files.newInputStream(path);
        TarArchiveInputStream tar = new TarArchiveInputStream(Compression.decompress(file))) {
      reader.readAll(tar, handler, progress);
    } catch (IOException e) {
      throw new BulkheadException(
          "read image archive "
              + path
              + " failed: "
              + e.getMessage()
              + "; pass docker-archive:PATH to a `docker save` tar (plain or gzip)",
          e);
    }
    return metadata(reader);
  }

  private ImageMetadata metadata(ArchiveReader reader) throws BulkheadException {
    List<String> warnings = new ArrayList<>(reader.warnings);
    byte[] manifestJson = reader.jsons.get("manifest.json");
    if (manifestJson == null) {
      if (reader.layerSizes.isEmpty()) {
        throw new BulkheadException(
            "image archive "
                + path
                + " has no manifest.json and no layers; pass docker-archive:PATH to a `docker save`"
                + " tar");
      }
      warnings.add(
          target + ": the archive has no manifest.json; layers taken in archive order, unverified");
      return new ImageMetadata(
          target, null, descriptors(reader, reader.layerSizes), null, warnings);
    }
    List<ArchiveManifest> images;
    try {
      images = ArchiveManifest.parseAll(manifestJson);
    } catch (IOException e) {
      throw new BulkheadException(
          "read image archive " + path + " failed: " + e.getMessage() + "; save the image again",
          e);
    }
    ArchiveManifest image = images.get(0);
    if (images.size() > 1) {
      List<String> others = new ArrayList<>();
      images.subList(1, images.size()).forEach(i -> others.add(i.displayName()));
      warnings.add(
          target
              + " holds "
              + images.size()
              + " images; scanned the first ("
              + image.displayName()
              + "), not "
              + String.join(", ", others));
    }
    byte[] config = reader.jsons.get(image.config());
    if (config == null) {
      warnings.add(target + ": config " + image.config() + " is missing from the archive");
    }
    List<ImageMetadata.LayerDescriptor> layers = new ArrayList<>();
    for (String key : image.layers()) {
      Long size = reader.layerSizes.get(key);
      layers.add(
          new ImageMetadata.LayerDescriptor(
              key, reader.digests.get(key), null, size == null ? -1 : size));
    }
    String configDigest = config == null ? null : Digests.sha256(config);
    return new ImageMetadata(target, configDigest, layers, config, warnings);
  }

  private static List<ImageMetadata.LayerDescriptor> descriptors(
      ArchiveReader reader, Map<String, Long> sizes) {
    List<ImageMetadata.LayerDescriptor> layers = new ArrayList<>();
    sizes.forEach(
        (key, size) ->
            layers.add(
                new ImageMetadata.LayerDescriptor(key, reader.digests.get(key), null, size)));
    return layers;
  }

  /** Strips a leading {@code ./} or {@code /} from an archive path. */
  static String normalise(String name) {
    String n = name;
    while (n.startsWith("./") || n.startsWith("/")) {
      n = n.substring(n.charAt(0) == '/' ? 1 : 2);
    }
    return n;
  }

  @Override
  public void close() {}
}
