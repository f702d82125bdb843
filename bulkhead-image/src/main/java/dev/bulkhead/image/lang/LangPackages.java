package dev.bulkhead.image.lang;

import dev.bulkhead.core.Package;
import dev.bulkhead.image.analyzer.PackageUrls;
import java.util.List;
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
    boolean noGroup = group == null || group.isEmpty();
    String name = noGroup ? artifact : group + ":" + artifact;
    List<String> segments = noGroup ? List.of(artifact) : List.of(group, artifact);
    return of(name, version, MAVEN, PackageUrls.build(MAVEN, segments, version, null), path);
  }

  /** Returns an npm package; {@code name} may be scoped ({@code @scope/name}). */
  public static Package npm(String name, String version, String path) {
    int slash = name.indexOf('/');
    List<String> segments =
        name.startsWith("@") && slash > 0
            ? List.of(name.substring(0, slash), name.substring(slash + 1))
            : List.of(name);
    return of(name, version, NPM, PackageUrls.build(NPM, segments, version, null), path);
  }

  /** Returns a PyPI package. */
  public static Package pypi(String name, String version, String path) {
    String purl = PackageUrls.build(PYPI, List.of(normalizePypi(name)), version, null);
    return of(name, version, PYPI, purl, path);
  }

  /** Normalises a Python distribution name per PEP 503. */
  public static String normalizePypi(String name) {
    return PEP503.matcher(name.trim()).replaceAll("-").toLowerCase(Locale.ROOT);
  }

  private static Package of(String name, String version, String type, String purl, String path) {
    return new Package(name, version, null, name, version, type, purl, null, null, path);
  }
}
