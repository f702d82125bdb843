package dev.bulkhead.image;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.image.registry.RegistryOptions;
import dev.bulkhead.image.registry.RegistrySource;
import dev.bulkhead.image.source.DirectorySource;
import dev.bulkhead.image.source.DockerArchiveSource;
import dev.bulkhead.image.source.ImageSource;
import dev.bulkhead.image.source.Limits;
import dev.bulkhead.image.source.OciLayoutSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Parses what the user names as an image: {@code docker-archive:PATH}, {@code oci:DIR[:TAG]},
 * {@code dir:PATH}, or else a registry reference ({@code docker://} optional).
 *
 * @param kind which source reads it
 * @param location the path or registry reference
 * @param tag the OCI layout tag, or {@code null}
 */
record ImageTarget(Kind kind, String location, String tag) {
  private static final List<String> UNSUPPORTED =
      List.of("docker-daemon:", "containers-storage:", "oci-archive:", "podman:", "tar:", "file:");
  private static final String USAGE =
      "use docker-archive:PATH, oci:DIR[:TAG], dir:PATH or a registry reference"
          + " [HOST[:PORT]/]REPO[:TAG|@sha256:DIGEST]";

  /** Names the kinds of image source. */
  enum Kind {
    DOCKER_ARCHIVE,
    OCI_LAYOUT,
    DIRECTORY,
    REGISTRY
  }

  /** Parses {@code target}. */
  static ImageTarget parse(String target) throws BulkheadException {
    String t = target == null ? "" : target.trim();
    if (t.isEmpty()) {
      throw new BulkheadException("no image given; " + USAGE);
    }
    if (t.startsWith("docker-archive:")) {
      return new ImageTarget(Kind.DOCKER_ARCHIVE, nonEmpty(t, "docker-archive:"), null);
    }
    if (t.startsWith("dir:")) {
      return new ImageTarget(Kind.DIRECTORY, nonEmpty(t, "dir:"), null);
    }
    if (t.startsWith("oci:")) {
      return oci(nonEmpty(t, "oci:"));
    }
    if (t.startsWith("docker://")) {
      return new ImageTarget(Kind.REGISTRY, nonEmpty(t, "docker://"), null);
    }
    for (String prefix : UNSUPPORTED) {
      if (t.startsWith(prefix)) {
        throw new BulkheadException("image source '" + prefix + "' is not supported; " + USAGE);
      }
    }
    String lower = t.toLowerCase(Locale.ROOT);
    if (t.startsWith("/") || t.startsWith(".") || lower.matches(".*\\.(tar|tar\\.gz|tgz)")) {
      if (Files.isDirectory(Path.of(t))) {
        throw new BulkheadException(t + " is a directory; pass dir:" + t + " or oci:" + t);
      }
      if (Files.exists(Path.of(t))) {
        throw new BulkheadException(t + " is a file; pass docker-archive:" + t);
      }
      throw new BulkheadException(
          "image archive " + t + " not found; pass docker-archive:PATH to a `docker save` tar");
    }
    return new ImageTarget(Kind.REGISTRY, t, null);
  }

  private static ImageTarget oci(String rest) {
    int colon = rest.lastIndexOf(':');
    if (Files.isDirectory(Path.of(rest)) || colon <= 0 || rest.indexOf('/', colon) >= 0) {
      return new ImageTarget(Kind.OCI_LAYOUT, rest, null);
    }
    return new ImageTarget(Kind.OCI_LAYOUT, rest.substring(0, colon), rest.substring(colon + 1));
  }

  private static String nonEmpty(String target, String prefix) throws BulkheadException {
    String rest = target.substring(prefix.length());
    if (rest.isEmpty()) {
      throw new BulkheadException("'" + target + "' names no image; " + USAGE);
    }
    return rest;
  }

  /** Opens the source that reads this image. */
  ImageSource open(String target, RegistryOptions registry, Limits limits) {
    String platform =
        registry.platform() == null ? RegistryOptions.DEFAULT_PLATFORM : registry.platform();
    switch (kind) {
      case DOCKER_ARCHIVE:
        return new DockerArchiveSource(target, Path.of(location), limits);
      case OCI_LAYOUT:
        return new OciLayoutSource(target, Path.of(location), tag, platform, limits);
      case DIRECTORY:
        return new DirectorySource(target, Path.of(location));
      default:
        return new RegistrySource(location, registry);
    }
  }
}
