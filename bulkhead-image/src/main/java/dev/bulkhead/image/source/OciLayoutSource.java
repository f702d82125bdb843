package dev.bulkhead.image.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.digest.DigestingInputStream;
import dev.bulkhead.core.digest.Digests;
import dev.bulkhead.core.spi.Progress;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an OCI image layout directory ({@code oci:DIR} or {@code oci:DIR:TAG}), verifying every
 * blob against its digest while streaming it.
 */
public final class OciLayoutSource implements ImageSource {
  private final String target;
  private final Path dir;
  private final String tag;
  private final String platform;
  private final Limits limits;

  /**
   * Creates a source.
   *
   * @param tag the {@code org.opencontainers.image.ref.name} to pick, or {@code null} when the
   *     layout holds one image
   * @param platform the platform to pick from a nested index, {@code os/arch[/variant]}
   */
  public OciLayoutSource(String target, Path dir, String tag, String platform, Limits limits) {
    this.target = target;
    this.dir = dir;
    this.tag = tag;
    this.platform = platform;
    this.limits = limits;
  }

  @Override
  public ImageMetadata read(LayerHandler handler, Progress progress) throws BulkheadException {
    Path index = dir.resolve("index.json");
    if (!Files.isRegularFile(index)) {
      throw new BulkheadException(
          "OCI layout "
              + dir
              + " not found (no index.json); pass oci:DIR[:TAG] to an OCI image layout directory");
    }
    try {
      JsonNode root = Json.parse(readBounded(index), "index.json of " + dir);
      OciDescriptor manifestRef =
          new OciSelector(target, dir, tag, platform, this::readJsonBlob)
              .select(OciDescriptor.listOf(root.path("manifests")));
      JsonNode manifest = Json.parse(readJsonBlob(manifestRef), "manifest " + manifestRef.digest());
      OciDescriptor configRef = OciDescriptor.of(manifest.path("config"));
      byte[] config = readJsonBlob(configRef);
      List<OciDescriptor> layerRefs = OciDescriptor.listOf(manifest.path("layers"));
      if (layerRefs.size() > limits.maxLayers()) {
        throw new BulkheadException(
            target + " has " + layerRefs.size() + " layers, more than " + limits.maxLayers());
      }
      List<ImageMetadata.LayerDescriptor> layers = new ArrayList<>();
      for (int i = 0; i < layerRefs.size(); i++) {
        OciDescriptor layer = layerRefs.get(i);
        streamLayer(layer, i + 1, layerRefs.size(), handler, progress);
        layers.add(
            new ImageMetadata.LayerDescriptor(
                layer.digest(), layer.digest(), layer.mediaType(), layer.size()));
      }
      return new ImageMetadata(target, configRef.digest(), layers, config);
    } catch (IOException e) {
      throw new BulkheadException(
          "read OCI layout " + dir + " failed: " + e.getMessage() + "; copy the image again", e);
    }
  }

  private void streamLayer(
      OciDescriptor layer, int index, int count, LayerHandler handler, Progress progress)
      throws IOException, BulkheadException {
    Path blob = blobPath(layer);
    MessageDigest md = Digests.newDigest(layer.digest());
    progress.start(LayerLabel.of(index, count, layer.digest()), layer.size());
    try (InputStream file = Files.newInputStream(blob);
        InputStream raw = new BufferedInputStream(new DigestingInputStream(file, md), 65536)) {
      InputStream counted = new BufferedInputStream(new ProgressInputStream(raw, progress), 65536);
      boolean plain = Compression.sniff(counted) == Compression.Kind.NONE;
      InputStream tar = Compression.decompress(counted);
      // verify(layer, md) below fails the read when the blob does not match its digest.
      handler.layer(layer.digest(), Streams.nonClosing(tar), plain ? layer.digest() : null);
      Streams.drain(raw);
    } finally {
      progress.finish();
    }
    verify(layer, md);
  }

  private byte[] readJsonBlob(OciDescriptor ref) throws IOException, BulkheadException {
    byte[] bytes = readBounded(blobPath(ref));
    MessageDigest md = Digests.newDigest(ref.digest());
    md.update(bytes);
    verify(ref, md);
    return bytes;
  }

  private void verify(OciDescriptor ref, MessageDigest md) throws BulkheadException {
    String actual = Digests.format(md);
    if (!actual.equals(ref.digest())) {
      throw new BulkheadException(
          "blob "
              + ref.digest()
              + " in OCI layout "
              + dir
              + " does not match its digest (got "
              + actual
              + "); the layout is corrupt or was tampered with, copy the image again");
    }
  }

  private Path blobPath(OciDescriptor ref) throws BulkheadException {
    String digest = ref.digest();
    if (!Digests.isValid(digest)) {
      throw new BulkheadException(
          "OCI layout " + dir + " names a malformed digest '" + digest + "'; copy the image again");
    }
    int colon = digest.indexOf(':');
    Path blob =
        dir.resolve("blobs")
            .resolve(digest.substring(0, colon))
            .resolve(digest.substring(colon + 1));
    if (!Files.isRegularFile(blob)) {
      throw new BulkheadException(
          "blob " + digest + " is missing from OCI layout " + dir + "; copy the image again");
    }
    return blob;
  }

  private byte[] readBounded(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Json.readBounded(in, limits.maxJsonSize(), file.toString());
    }
  }

  @Override
  public void close() {}
}
