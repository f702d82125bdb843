package dev.bulkhead.config.dockerfile;

import dev.bulkhead.config.model.Rule;
import dev.bulkhead.core.Severity;
import java.util.List;

/** The Dockerfile rules ({@code BH-DF-*}). */
public final class DockerfileRules {
  private static final String REF = "https://docs.docker.com/reference/dockerfile/";
  private static final String BEST = "https://docs.docker.com/build/building/best-practices/";

  public static final Rule ROOT_USER =
      new Rule(
          "BH-DF-0001",
          "Image runs as root",
          Severity.HIGH,
          "The final stage has no USER instruction, or its last USER is root or UID 0, so the"
              + " container's processes run as root; a breakout or a writable host mount then acts"
              + " as root on the host.",
          "Create an unprivileged user (RUN useradd -r -u 10001 app) and add USER 10001 (or the"
              + " user's name) near the end of the final stage.",
          List.of(REF + "#user", "https://www.cisecurity.org/benchmark/docker"),
          List.of("cis-docker:4.1"));

  public static final Rule ADD_URL =
      new Rule(
          "BH-DF-0002",
          "ADD downloads from a URL",
          Severity.MEDIUM,
          "ADD fetches a remote URL or Git repository at build time without verifying what it got;"
              + " the content can change or be tampered with between builds.",
          "Download with RUN curl and check a pinned SHA-256, use ADD --checksum=sha256:..., or"
              + " COPY files that are part of the build context.",
          List.of(REF + "#add", BEST + "#add-or-copy"),
          List.of("cis-docker:4.9"));

  public static final Rule PIPE_TO_SHELL =
      new Rule(
          "BH-DF-0003",
          "Downloaded script piped into a shell",
          Severity.HIGH,
          "A RUN instruction pipes curl or wget output straight into a shell or interpreter, so"
              + " whatever the server (or anyone on the path) returns is executed during the build.",
          "Download the script to a file, verify its checksum or signature, then run it; better,"
              + " install the software from a signed package repository.",
          List.of(BEST + "#run"),
          List.of());

  public static final Rule UNPINNED_BASE =
      new Rule(
          "BH-DF-0004",
          "Base image is unpinned or uses latest",
          Severity.MEDIUM,
          "FROM names an image without a tag or with the latest tag, so each build can silently"
              + " pick up a different image (and its vulnerabilities); builds are not reproducible.",
          "Pin the base image to a specific version tag, ideally with its digest:"
              + " FROM debian:12.5-slim@sha256:...",
          List.of(REF + "#from", BEST + "#from"),
          List.of());

  public static final Rule SECRET_IN_ENV =
      new Rule(
          "BH-DF-0005",
          "Secret in ENV or ARG",
          Severity.HIGH,
          "An ENV or ARG sets a password, token or key. ENV values are stored in the image config"
              + " and ARG values in the image history, where anyone who can pull the image reads"
              + " them.",
          "Pass secrets at build time with RUN --mount=type=secret and at run time through the"
              + " orchestrator's secret store; never bake them into ENV or ARG.",
          List.of(
              "https://docs.docker.com/build/building/secrets/",
              REF + "#env",
              "https://www.cisecurity.org/benchmark/docker"),
          List.of("cis-docker:4.10"));

  public static final Rule SUDO =
      new Rule(
          "BH-DF-0006",
          "sudo used in RUN",
          Severity.MEDIUM,
          "RUN calls sudo. Build steps already run as the current USER; sudo in an image means"
              + " the image ships sudo and a sudoers setup that lets a compromised process become"
              + " root.",
          "Switch users with USER root / USER app around the steps that need root, and do not"
              + " install sudo in the image.",
          List.of(BEST + "#user"),
          List.of());

  public static final Rule NO_HEALTHCHECK =
      new Rule(
          "BH-DF-0007",
          "No HEALTHCHECK",
          Severity.LOW,
          "The final stage has no HEALTHCHECK (or disables it with HEALTHCHECK NONE), so the"
              + " engine cannot tell a hung container from a healthy one.",
          "Add a HEALTHCHECK that exercises the service, e.g. HEALTHCHECK CMD"
              + " [\"/app/healthcheck\"].",
          List.of(REF + "#healthcheck", "https://www.cisecurity.org/benchmark/docker"),
          List.of("cis-docker:4.6"));

  public static final Rule APT_LISTS =
      new Rule(
          "BH-DF-0008",
          "apt-get install without removing /var/lib/apt/lists",
          Severity.LOW,
          "A RUN installs packages with apt-get but does not delete /var/lib/apt/lists in the same"
              + " step; the package indexes stay in the layer, bloating the image and freezing stale"
              + " metadata into it.",
          "End the same RUN with && rm -rf /var/lib/apt/lists/*, or use a cache mount:"
              + " RUN --mount=type=cache,target=/var/lib/apt/lists ...",
          List.of(BEST + "#apt-get"),
          List.of());

  /** Every Dockerfile rule, in id order. */
  public static final List<Rule> ALL =
      List.of(
          ROOT_USER,
          ADD_URL,
          PIPE_TO_SHELL,
          UNPINNED_BASE,
          SECRET_IN_ENV,
          SUDO,
          NO_HEALTHCHECK,
          APT_LISTS);

  private DockerfileRules() {}
}
