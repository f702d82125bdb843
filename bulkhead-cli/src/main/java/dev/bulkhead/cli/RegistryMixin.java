package dev.bulkhead.cli;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.image.registry.RegistryOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Adds the registry access options ({@code --platform}, credentials, {@code --insecure}). */
final class RegistryMixin {
  @Option(
      names = "--platform",
      paramLabel = "OS/ARCH[/VARIANT]",
      defaultValue = RegistryOptions.DEFAULT_PLATFORM,
      description = "Platform to pick from a multi-platform image (default: ${DEFAULT-VALUE}).")
  String platform;

  @Option(
      names = {"-u", "--username"},
      description = "Registry user name.")
  String username;

  @Option(
      names = {"-p", "--password"},
      description = "Registry password or token (see also --password-stdin).")
  String password;

  @Option(names = "--password-stdin", description = "Read the registry password from stdin.")
  boolean passwordStdin;

  @Option(
      names = "--docker-config",
      paramLabel = "FILE",
      description = "Docker config.json to read registry credentials from.")
  Path dockerConfig;

  @Option(names = "--insecure", description = "Use plain HTTP to reach the registry.")
  boolean insecure;

  /** Returns the registry options, reading the password from stdin when asked. */
  RegistryOptions options() throws IOException, BulkheadException {
    String secret = password;
    if (passwordStdin) {
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line = in.readLine();
      secret = line == null ? null : line.strip();
    }
    return new RegistryOptions(platform, username, secret, dockerConfig, insecure)
        .withEnvironmentToken();
  }
}
