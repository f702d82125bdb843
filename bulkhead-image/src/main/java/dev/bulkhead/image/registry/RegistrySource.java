package dev.bulkhead.image.registry;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.digest.Digests;
import dev.bulkhead.core.spi.Progress;
import dev.bulkhead.image.registry.json.Descriptor;
import dev.bulkhead.image.source.ImageMetadata;
import dev.bulkhead.image.source.ImageMetadata.LayerDescriptor;
import dev.bulkhead.image.source.ImageSource;
import dev.bulkhead.image.source.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads an image from a registry over the OCI distribution API: resolves the manifest (picking the
 * platform from an index), pulls the config, then streams each layer in manifest order,
 * decompressed, with its digest verified. Layer keys are the layer blob digests.
 *
 * <pre>{@code
 * try (RegistrySource source = new RegistrySource("127.0.0.1:5000/app:1.2",
 *     RegistryOptions.defaults().withInsecure(true))) {
 *   ImageMetadata meta = source.read((key, tar) -> walk(tar), Progress.NONE);
 * }
 * }</pre>
 */
public final class RegistrySource implements ImageSource {
  /** The largest image config accepted. */
  public static final int MAX_CONFIG_SIZE = 8 << 20;

  private final String reference;
  private final RegistryOptions options;

  /** Creates a source for {@code [HOST[:PORT]/]REPO[:TAG|@DIGEST]}; nothing is fetched yet. */
  public RegistrySource(String reference, RegistryOptions options) {
    this.reference = Objects.requireNonNull(reference, "reference");
    this.options = options == null ? RegistryOptions.defaults() : options;
  }

  @Override
  public ImageMetadata read(LayerHandler handler, Progress progress) throws BulkheadException {
    ImageReference image = ImageReference.parse(reference);
    Platform platform = Platform.parse(options.platformOrDefault());
    HttpClient http = RegistryClient.newHttpClient();
    RegistryClient client = new RegistryClient(http, image, options);
    PulledManifest manifest = new ManifestResolver(client, image, platform).resolve();
    Descriptor config = manifest.json().config();
    if (config.size() > MAX_CONFIG_SIZE) {
      throw new BulkheadException(
          "pull config of " + image.shortName() + " failed: larger than 8 MiB; check the image");
    }
    byte[] configJson =
        client.call(
            new BlobPuller<>(
                image,
                "config",
                config.digest(),
                config.size(),
                n -> {},
                InputStream::readAllBytes));
    List<Descriptor> layers =
        manifest.json().layers() == null ? List.of() : manifest.json().layers();
    List<LayerDescriptor> described = new ArrayList<>();
    for (Descriptor layer : layers) {
      described.add(
          new LayerDescriptor(layer.digest(), layer.digest(), layer.mediaType(), layer.size()));
    }
    for (int i = 0; i < layers.size(); i++) {
      streamLayer(client, image, layers.get(i), i, layers.size(), handler, progress);
    }
    return new ImageMetadata(reference, config.digest(), List.copyOf(described), configJson);
  }

  private static void streamLayer(
      RegistryClient client,
      ImageReference image,
      Descriptor layer,
      int index,
      int count,
      LayerHandler handler,
      Progress progress)
      throws BulkheadException {
    String what = "layer " + (index + 1) + "/" + count;
    progress.start(what + " " + Digests.shortForm(layer.digest()), layer.size());
    try {
      client.call(
          new BlobPuller<Void>(
              image,
              what,
              layer.digest(),
              layer.size(),
              progress::advance,
              blob -> {
                try (InputStream tar = LayerCompression.open(blob, layer.mediaType())) {
                  handler.layer(layer.digest(), tar);
                } catch (IOException e) {
                  throw new BulkheadException(
                      "read "
                          + what
                          + " "
                          + layer.digest()
                          + " of "
                          + image.shortName()
                          + " failed: "
                          + e.getMessage()
                          + "; the layer may not be a valid (compressed) tar",
                      e);
                }
                return null;
              }));
    } finally {
      progress.finish();
    }
  }

  @Override
  public void close() {
    // Each read uses its own HttpClient, which frees its threads when unreachable.
  }
}
