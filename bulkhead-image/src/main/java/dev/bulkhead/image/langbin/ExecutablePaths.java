package dev.bulkhead.image.langbin;

import java.util.Locale;
import java.util.Set;

/**
 * Tells from a path alone whether a file may be a compiled executable worth opening: a file in a
 * {@code bin}, {@code sbin} or {@code libexec} directory, or an extension-less file at the root or
 * one directory down (the {@code /app}, {@code /manager}, {@code /ko-app/name} layouts of
 * distroless images), at least 64 bytes and at most {@link ElfImage#MAX_BYTES}. Analyzers then
 * check the ELF magic, which costs four bytes for everything else.
 */
final class ExecutablePaths {
  private static final Set<String> DIRS = Set.of("bin", "sbin", "libexec");
  private static final Set<String> NOT_BINARY =
      Set.of(
          "sh", "bash", "py", "pl", "rb", "js", "txt", "md", "json", "yaml", "yml", "conf", "cfg",
          "xml", "html", "gz", "tar", "zip", "jar", "so", "a", "o", "h", "c", "go", "rs", "lua",
          "php", "1", "desktop", "service");

  private ExecutablePaths() {}

  static boolean accepts(String path, long size) {
    if (size < 64 || size > ElfImage.MAX_BYTES || path.endsWith("/")) {
      return false;
    }
    int slash = path.lastIndexOf('/');
    String base = path.substring(slash + 1);
    int dot = base.lastIndexOf('.');
    if (dot > 0 && NOT_BINARY.contains(base.substring(dot + 1).toLowerCase(Locale.ROOT))) {
      return false;
    }
    String[] parts = path.split("/", -1);
    for (int i = 0; i < parts.length - 1; i++) {
      if (DIRS.contains(parts[i])) {
        return true;
      }
    }
    return parts.length <= 2 && dot < 0;
  }
}
