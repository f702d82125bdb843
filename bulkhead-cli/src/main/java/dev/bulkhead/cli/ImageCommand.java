package dev.bulkhead.cli;

import dev.bulkhead.core.BulkheadException;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code bulkhead image} command: lists an image's OS packages and their vulnerabilities, and
 * finds secrets and malicious content in every layer.
 */
@Command(
    name = "image",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Scan a container image: vulnerable OS packages, secrets and malicious content in every",
      "layer (files deleted by later layers included) and in the image config and history.",
      "",
      "IMAGE is one of:",
      "  docker-archive:PATH      a `docker save` tar (plain or gzip)",
      "  oci:DIR[:TAG]            an OCI image layout",
      "  dir:PATH                 an unpacked root filesystem",
      "  [HOST[:PORT]/]REPO[:TAG|@sha256:DIGEST]   an image in a registry",
      ""
    })
final class ImageCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DbOption db;

  @Mixin ScanMixin scan;

  @Mixin RegistryMixin registry;

  @Parameters(index = "0", paramLabel = "IMAGE", description = "The image to scan.")
  String image;

  @Override
  public Integer call() throws BulkheadException, IOException {
    return ScanRunner.run(image, registry.options(), scan, db, spec.commandLine().getErr(), false);
  }
}
