package dev.bulkhead.core.suppress;

import dev.bulkhead.core.sbom.Purl;
import java.util.Locale;

/**
 * Names the scanned target as VEX documents name products: an image by repository and, when known,
 * manifest digest, matched against {@code pkg:oci/...} and {@code pkg:docker/...} product purls.
 * Directories, SBOM files and images whose name is not known match no such product.
 *
 * @param repository the image repository without registry (e.g. {@code library/alpine}), or {@code
 *     null} when the target is not an image or its name is not known
 * @param digest the image's manifest digest ({@code sha256:...}), or {@code null} when not known
 * @param description how warnings name the target
 */
public record VexTarget(String repository, String digest, String description) {

  /** Returns a target that matches no image product (a directory, an SBOM, an archive). */
  public static VexTarget unnamed(String description) {
    return new VexTarget(null, null, description);
  }

  /** Tells whether a purl names an image ({@code pkg:oci} or {@code pkg:docker}). */
  public static boolean isImage(Purl purl) {
    return "oci".equals(purl.type()) || "docker".equals(purl.type());
  }

  /**
   * Tells whether an image product purl names this target: same name ({@code pkg:oci}: the last
   * segment of the repository; {@code pkg:docker}: namespace and name, Docker Hub's {@code
   * library/} optional) and, when the product's version is a digest, the same digest.
   */
  public boolean matches(Purl product) {
    if (repository == null || !isImage(product)) {
      return false;
    }
    String repo = withoutLibrary(repository.toLowerCase(Locale.ROOT));
    boolean sameName;
    if ("oci".equals(product.type())) {
      String last = repo.substring(repo.lastIndexOf('/') + 1);
      sameName = last.equals(product.name().toLowerCase(Locale.ROOT));
    } else {
      String full =
          product.namespace() == null ? product.name() : product.namespace() + "/" + product.name();
      sameName = repo.equals(withoutLibrary(full.toLowerCase(Locale.ROOT)));
    }
    if (!sameName) {
      return false;
    }
    String version = product.version();
    if (version != null && version.indexOf(':') > 0) {
      return digest != null && digest.equalsIgnoreCase(version);
    }
    return true;
  }

  /** Formats a purl's type, namespace, name and version for messages. */
  static String show(Purl p) {
    return "pkg:"
        + p.type()
        + "/"
        + (p.namespace() == null ? "" : p.namespace() + "/")
        + p.name()
        + (p.version() == null ? "" : "@" + p.version());
  }

  private static String withoutLibrary(String repo) {
    return repo.startsWith("library/") ? repo.substring("library/".length()) : repo;
  }
}
