package dev.bulkhead.cli;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.image.registry.RegistryOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code bulkhead fs} command: scans a directory (a source tree, an unpacked application or a
 * root filesystem) for secrets, malicious content and vulnerable OS packages.
 */
@Command(
    name = "fs",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Scan a directory: secrets and malicious content in every file, vulnerable language",
      "packages (jars, node_modules, Python, Go, Rust, lock files, pom.xml, gradle.lockfile)",
      "and vulnerable OS packages when it holds a root filesystem. Symlinks are not followed.",
      ""
    })
final class FsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DbOption db;

  @Mixin ScanMixin scan;

  @Parameters(index = "0", paramLabel = "DIR", description = "The directory to scan.")
  Path dir;

  @Override
  public Integer call() throws BulkheadException, IOException {
    if (!Files.isDirectory(dir)) {
      throw new BulkheadException(
          (Files.exists(dir) ? dir + " is not a directory" : "directory " + dir + " not found")
              + "; pass a directory to `bulkhead fs` (use `bulkhead image` for images)");
    }
    return ScanRunner.run(
        "dir:" + dir, RegistryOptions.defaults(), scan, db, spec.commandLine().getErr(), true);
  }
}
