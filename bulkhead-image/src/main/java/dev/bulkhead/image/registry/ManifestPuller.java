package dev.bulkhead.image.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.digest.Digests;
import dev.bulkhead.image.registry.json.ManifestJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * Pulls a manifest or index by tag or digest ({@code GET /v2/<name>/manifests/<reference>}),
 * bounded in size and checked against the requested digest or the {@code Docker-Content-Digest}
 * header.
 */
final class ManifestPuller implements RegistryEndpoint<PulledManifest> {
  static final int MAX_SIZE = 8 << 20;

  private final ImageReference image;
  private final String reference;

  /** Creates a puller of {@code reference} (a tag or digest) in {@code image}'s repository. */
  ManifestPuller(ImageReference image, String reference) {
    this.image = image;
    this.reference = reference;
  }

  @Override
  public String actionDescription() {
    String name = reference.equals(image.manifestReference()) ? image.shortName() : reference;
    return "pull manifest for " + name + " from " + image.registry();
  }

  @Override
  public String route() {
    return "/v2/" + image.repository() + "/manifests/" + reference;
  }

  @Override
  public List<String> accept() {
    return MediaTypes.MANIFESTS;
  }

  @Override
  public String notFoundHint() {
    return "manifest unknown: check that " + image.shortName() + " exists in " + image.registry();
  }

  @Override
  public PulledManifest handle(HttpResponse<InputStream> response)
      throws IOException, BulkheadException {
    long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
    byte[] bytes = response.body().readNBytes(MAX_SIZE + 1);
    if (length > MAX_SIZE || bytes.length > MAX_SIZE) {
      throw fail("the manifest is larger than " + (MAX_SIZE >> 20) + " MiB");
    }
    String digest = Digests.sha256(bytes);
    String expected =
        Digests.isSha256(reference)
            ? reference
            : response.headers().firstValue("Docker-Content-Digest").orElse(null);
    if (Digests.isSha256(expected) && !expected.equals(digest)) {
      throw fail("digest mismatch, expected " + expected + " but the content is " + digest);
    }
    ManifestJson json;
    try {
      json = new ObjectMapper().readValue(bytes, ManifestJson.class);
    } catch (JsonProcessingException e) {
      throw fail("the manifest is not valid JSON");
    }
    String type = MediaTypes.base(response.headers().firstValue("Content-Type").orElse(null));
    if (!MediaTypes.isIndex(type) && !MediaTypes.isManifest(type)) {
      type = json.mediaType();
    }
    if (type == null) {
      type = json.manifests() != null ? MediaTypes.OCI_INDEX : MediaTypes.OCI_MANIFEST;
    }
    if (json.schemaVersion() == 1 || type.startsWith(MediaTypes.DOCKER_SCHEMA1)) {
      throw fail(
          "Docker schema 1 manifests are not supported; push the image again with a"
              + " current client");
    }
    if (!MediaTypes.isIndex(type) && !MediaTypes.isManifest(type)) {
      throw fail("unsupported manifest media type " + type + "; this is not a container image");
    }
    return new PulledManifest(type, digest, json);
  }

  private BulkheadException fail(String why) {
    return new BulkheadException(actionDescription() + " failed: " + why);
  }
}
