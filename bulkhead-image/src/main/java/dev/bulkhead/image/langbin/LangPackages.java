package dev.bulkhead.image.langbin;

import dev.bulkhead.core.Package;
import dev.bulkhead.image.analyzer.PackageUrls;
import java.util.Arrays;
import java.util.Locale;

/**
 * Builds language {@link Package}s and their package URLs (<a
 * href="https://github.com/package-url/purl-spec/blob/main/PURL-TYPES.rst">purl types</a>).
 */
final class LangPackages {
  static final String GOLANG = "golang";
  static final String CARGO = "cargo";
  static final String GEM = "gem";
  static final String COMPOSER = "composer";
  static final String NUGET = "nuget";

  /** The most packages one file may yield; the rest are dropped with a warning. */
  static final int MAX_PACKAGES = 100_000;

  /** The most bytes kept of one line of a lock or module file; the rest of the line is skipped. */
  static final int MAX_LINE_BYTES = 64 * 1024;

  private LangPackages() {}

  /**
   * Returns a package whose source name and version equal its name and version.
   *
   * @param qualifiers an already encoded qualifier string without {@code ?}, or null
   */
  static Package of(String type, String name, String version, String qualifiers, String path) {
    return new Package(
        name,
        version,
        null,
        name,
        version,
        type,
        purl(type, name, version, qualifiers),
        null,
        null,
        path);
  }

  /**
   * Returns {@code pkg:TYPE/NAME@VERSION}; the name's {@code /}-separated segments and the version
   * are percent-encoded; composer names are lower-cased as the purl spec asks.
   */
  static String purl(String type, String name, String version, String qualifiers) {
    String n = type.equals(COMPOSER) ? name.toLowerCase(Locale.ROOT) : name;
    return PackageUrls.build(type, Arrays.asList(n.split("/", -1)), version, qualifiers);
  }

  /** Tells whether a name or version is short and free of control characters. */
  static boolean plausible(String s) {
    if (s == null || s.isEmpty() || s.length() > 512) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x21 || c == 0x7f) {
        return false;
      }
    }
    return true;
  }
}
