package dev.bulkhead.image.registry;

import dev.bulkhead.core.BulkheadException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Names an image in a registry: {@code [HOST[:PORT]/]REPO[:TAG][@sha256:DIGEST]}.
 *
 * <p>Follows the grammar of the distribution reference package
 * (https://github.com/distribution/reference/blob/main/reference.go): a first component that is
 * {@code localhost} or holds a dot or a port is the registry host, otherwise the image is on Docker
 * Hub, where single-name repositories live under {@code library/}.
 *
 * @param registry the registry as users write it, e.g. {@code docker.io} or {@code 127.0.0.1:5000}
 * @param repository the repository path, e.g. {@code library/alpine}
 * @param tag the tag, {@code latest} when neither tag nor digest is given, or {@code null}
 * @param digest the manifest digest {@code sha256:...}, or {@code null}
 */
public record ImageReference(String registry, String repository, String tag, String digest) {

  /** The registry used when a reference names none. */
  public static final String DOCKER_HUB = "docker.io";

  private static final String DOCKER_HUB_ENDPOINT = "registry-1.docker.io";
  private static final int MAX_LENGTH = 512;
  private static final int MAX_NAME_LENGTH = 255;
  private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
  private static final Pattern DIGEST = Pattern.compile("sha256:[a-f0-9]{64}");
  private static final Pattern HOST =
      Pattern.compile(
          "(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*"
              + "|\\[[0-9A-Fa-f:.]+\\])(?::[0-9]{1,5})?");

  /**
   * Parses a reference.
   *
   * @throws BulkheadException when the text is not a valid image reference; the message says which
   *     part is wrong
   */
  public static ImageReference parse(String text) throws BulkheadException {
    if (text == null || text.isBlank()) {
      throw invalid(String.valueOf(text), "it is empty");
    }
    if (text.length() > MAX_LENGTH) {
      throw invalid(text.substring(0, 40) + "...", "it is longer than " + MAX_LENGTH + " chars");
    }
    String rest = text;
    String digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
      if (!DIGEST.matcher(digest).matches()) {
        throw invalid(text, "the digest must be sha256: followed by 64 lowercase hex digits");
      }
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
      if (!TAG.matcher(tag).matches()) {
        throw invalid(text, "the tag '" + tag + "' must match [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
      }
    }
    String registry = DOCKER_HUB;
    String repository = rest;
    int slash = rest.indexOf('/');
    if (slash > 0) {
      String first = rest.substring(0, slash);
      if (first.equals("localhost")
          || first.contains(".")
          || first.contains(":")
          || first.startsWith("[")) {
        if (!HOST.matcher(first).matches()) {
          throw invalid(text, "the registry host '" + first + "' is not a valid host[:port]");
        }
        registry = first;
        repository = rest.substring(slash + 1);
      }
    }
    if (registry.equals("index.docker.io")) {
      registry = DOCKER_HUB;
    }
    if (registry.equals(DOCKER_HUB) && !repository.contains("/")) {
      repository = "library/" + repository;
    }
    checkRepository(text, repository);
    if (tag == null && digest == null) {
      tag = "latest";
    }
    return new ImageReference(registry.toLowerCase(Locale.ROOT), repository, tag, digest);
  }

  private static void checkRepository(String text, String repository) throws BulkheadException {
    if (repository.isEmpty()) {
      throw invalid(text, "the repository name is empty");
    }
    if (repository.length() > MAX_NAME_LENGTH) {
      throw invalid(text, "the repository name is longer than " + MAX_NAME_LENGTH + " chars");
    }
    for (String component : repository.split("/", -1)) {
      if (!COMPONENT.matcher(component).matches()) {
        throw invalid(
            text,
            "the repository component '"
                + component
                + "' must be lowercase letters and digits separated by '.', '_', '__' or '-'");
      }
    }
  }

  private static BulkheadException invalid(String text, String why) {
    return new BulkheadException(
        "parse image reference '"
            + text
            + "' failed: "
            + why
            + "; expected [HOST[:PORT]/]REPO[:TAG|@sha256:DIGEST]");
  }

  /** Returns the host and port to connect to ({@code registry-1.docker.io} for Docker Hub). */
  public String endpoint() {
    return registry.equals(DOCKER_HUB) ? DOCKER_HUB_ENDPOINT : registry;
  }

  /** Returns the tag or digest that names the manifest, digest first. */
  public String manifestReference() {
    return digest != null ? digest : tag;
  }

  /** Returns the repository with its tag or digest, e.g. {@code alpine:3.19}, for messages. */
  public String shortName() {
    String name =
        registry.equals(DOCKER_HUB) && repository.startsWith("library/")
            ? repository.substring("library/".length())
            : repository;
    return digest != null ? name + "@" + digest : name + ":" + tag;
  }

  @Override
  public String toString() {
    return registry
        + "/"
        + repository
        + (tag != null ? ":" + tag : "")
        + (digest != null ? "@" + digest : "");
  }
}
