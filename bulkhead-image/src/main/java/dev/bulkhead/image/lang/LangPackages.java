package dev.bulkhead.image.lang;

import dev.bulkhead.core.Package;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Builds language {@link Package}s with their package URLs (<a
 * href="https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst">purl types</a>).
 *
 * <ul>
 *   <li>Maven: name {@code group:artifact}, purl {@code pkg:maven/GROUP/ARTIFACT@VERSION}; with no
 *       known group the name is the artifact and the purl has no namespace.
 *   <li>npm: name {@code @scope/name} as written, purl {@code pkg:npm/%40scope/name@version}.
 *   <li>PyPI: name as written in the metadata, purl name normalised per PEP 503 (lower case, runs
 *       of {@code -_.} become one {@code -}).
 * </ul>
 *
 * <p>{@code sourceName}/{@code sourceVersion} equal name/version; arch and layer are null.
 */
public final class LangPackages {
  /** The purl type of Maven artifacts. */
  public static final String MAVEN = "maven";

  /** The purl type of npm packages. */
  public static final String NPM = "npm";

  /** The purl type of Python packages. */
  public static final String PYPI = "pypi";

  private static final Pattern PEP503 = Pattern.compile("[-_.]+");

  private LangPackages() {}

  /** Returns a Maven package; {@code group} may be null when unknown. */
  public static Package maven(String group, String artifact, String version, String path) {
    String name = group == null || group.isEmpty() ? artifact : group + ":" + artifact;
    String purl =
        "pkg:maven/"
            + (group == null || group.isEmpty() ? "" : encode(group) + "/")
            + encode(artifact)
            + "@"
            + encode(version);
    return of(name, version, MAVEN, purl, path);
  }

  /** Returns an npm package; {@code name} may be scoped ({@code @scope/name}). */
  public static Package npm(String name, String version, String path) {
    String purl;
    int slash = name.indexOf('/');
    if (name.startsWith("@") && slash > 0) {
      purl =
          "pkg:npm/"
              + encode(name.substring(0, slash))
              + "/"
              + encode(name.substring(slash + 1))
              + "@"
              + encode(version);
    } else {
      purl = "pkg:npm/" + encode(name) + "@" + encode(version);
    }
    return of(name, version, NPM, purl, path);
  }

  /** Returns a PyPI package. */
  public static Package pypi(String name, String version, String path) {
    return of(
        name,
        version,
        PYPI,
        "pkg:pypi/" + encode(normalizePypi(name)) + "@" + encode(version),
        path);
  }

  /** Normalises a Python distribution name per PEP 503. */
  public static String normalizePypi(String name) {
    return PEP503.matcher(name.trim()).replaceAll("-").toLowerCase(Locale.ROOT);
  }

  private static Package of(String name, String version, String type, String purl, String path) {
    return new Package(name, version, null, name, version, type, purl, null, null, path);
  }

  /** Percent-encodes everything but the purl spec's unreserved characters. */
  static String encode(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '.'
          || c == '-'
          || c == '_'
          || c == '~'
          || c == '+') {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        sb.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return sb.toString();
  }
}
