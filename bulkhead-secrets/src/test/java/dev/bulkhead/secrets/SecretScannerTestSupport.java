package dev.bulkhead.secrets;

import dev.bulkhead.core.BulkheadException;

/** Builds the default scanner once for tests. */
final class SecretScannerTestSupport {
  private static final SecretScanner DEFAULT = build();

  private SecretScannerTestSupport() {}

  static SecretScanner scanner() {
    return DEFAULT;
  }

  private static SecretScanner build() {
    try {
      return SecretScanner.builder().build();
    } catch (BulkheadException e) {
      throw new IllegalStateException(e);
    }
  }
}
