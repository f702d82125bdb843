package dev.bulkhead.vulndb.match;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Maps language package types (purl types) to OSV ecosystems and normalises package names the way
 * each ecosystem compares them, so that a stored advisory and an installed package meet on one key.
 *
 * <ul>
 *   <li>{@code maven} → {@code Maven}, {@code group:artifact} as written (Maven coordinates are
 *       case-sensitive);
 *   <li>{@code npm} → {@code npm}, {@code @scope/name} as written;
 *   <li>{@code pypi} → {@code PyPI}, PEP 503: lower case, runs of {@code -_.} become one {@code -};
 *   <li>{@code golang} → {@code Go}, the module path as written ({@code stdlib} for the toolchain);
 *   <li>{@code cargo} → {@code crates.io}, lower case with {@code _} as {@code -} (crates.io treats
 *       both alike);
 *   <li>{@code gem} → {@code RubyGems}, as written;
 *   <li>{@code composer} → {@code Packagist}, lower case {@code vendor/name};
 *   <li>{@code nuget} → {@code NuGet}, lower case (NuGet ids are case-insensitive).
 * </ul>
 */
public final class LanguageEcosystems {
  private static final Pattern PEP503 = Pattern.compile("[-_.]+");

  private static final Map<String, String> BY_TYPE =
      Map.of(
          "maven", "Maven",
          "npm", "npm",
          "pypi", "PyPI",
          "golang", "Go",
          "cargo", "crates.io",
          "gem", "RubyGems",
          "composer", "Packagist",
          "nuget", "NuGet");

  private LanguageEcosystems() {}

  /** Returns the OSV ecosystem of a language purl type, or null for other types. */
  public static String osvEcosystem(String purlType) {
    return purlType == null ? null : BY_TYPE.get(purlType.toLowerCase(Locale.ROOT));
  }

  /** Tells whether {@code purlType} is a language package type this class maps. */
  public static boolean isLanguageType(String purlType) {
    return osvEcosystem(purlType) != null;
  }

  /**
   * Returns the look-up key of a package name in an OSV ecosystem (with or without a {@code :}
   * suffix); names of ecosystems without a rule (distributions) are returned unchanged.
   */
  public static String nameKey(String osvEcosystem, String name) {
    if (name == null) {
      return null;
    }
    String eco = osvEcosystem == null ? "" : osvEcosystem;
    int colon = eco.indexOf(':');
    if (colon > 0) {
      eco = eco.substring(0, colon);
    }
    String n = name.strip();
    switch (eco) {
      case "PyPI":
        return PEP503.matcher(n).replaceAll("-").toLowerCase(Locale.ROOT);
      case "crates.io":
        return n.toLowerCase(Locale.ROOT).replace('_', '-');
      case "Packagist":
      case "NuGet":
        return n.toLowerCase(Locale.ROOT);
      default:
        return name;
    }
  }
}
