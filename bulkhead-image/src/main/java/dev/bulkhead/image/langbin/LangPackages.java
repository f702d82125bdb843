package dev.bulkhead.image.langbin;

import dev.bulkhead.core.Package;
import java.nio.charset.StandardCharsets;

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
    String n = type.equals(COMPOSER) ? name.toLowerCase(java.util.Locale.ROOT) : name;
    StringBuilder sb = new StringBuilder("pkg:").append(type).append('/');
    String[] segments = n.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      if (i > 0) {
        sb.append('/');
      }
      sb.append(encode(segments[i]));
    }
    if (version != null && !version.isEmpty()) {
      sb.append('@').append(encode(version));
    }
    if (qualifiers != null && !qualifiers.isEmpty()) {
      sb.append('?').append(qualifiers);
    }
    return sb.toString();
  }

  /** Percent-encodes everything but ASCII letters, digits and {@code .-_~}. */
  static String encode(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '.'
          || c == '-'
          || c == '_'
          || c == '~') {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        sb.append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return sb.toString();
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
