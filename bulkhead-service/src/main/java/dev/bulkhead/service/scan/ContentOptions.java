package dev.bulkhead.service.scan;

import java.nio.file.Path;
import java.util.List;

/**
 * Settings of the secret and malware scanners.
 *
 * @param secretMaxSize files larger than this are skipped (and reported) by the secret scanner
 * @param secretConfig extra secret rules, disabled rules and allow-lists, or {@code null}
 * @param malwareHashes known-bad SHA-256 lists
 * @param yaraRules a directory of YARA rules, or {@code null}
 */
public record ContentOptions(
    long secretMaxSize, Path secretConfig, List<Path> malwareHashes, Path yaraRules) {
  public ContentOptions {
    malwareHashes = malwareHashes == null ? List.of() : List.copyOf(malwareHashes);
  }
}
