package dev.bulkhead.core;

import java.util.Locale;
import java.util.Map;

/** Maps Debian major versions to release codenames and back. */
public final class DebianReleases {
  private static final Map<String, String> CODENAMES =
      Map.of(
          "6", "squeeze",
          "7", "wheezy",
          "8", "jessie",
          "9", "stretch",
          "10", "buster",
          "11", "bullseye",
          "12", "bookworm",
          "13", "trixie",
          "14", "forky",
          "15", "duke");

  private DebianReleases() {}

  /** Returns the codename of a version such as {@code 12} or {@code 12.4}, or null. */
  public static String codenameOf(String version) {
    if (version == null) {
      return null;
    }
    int dot = version.indexOf('.');
    return CODENAMES.get(dot < 0 ? version : version.substring(0, dot));
  }

  /** Returns the major version of a codename such as {@code bookworm} (any case), or null. */
  public static String versionOf(String codename) {
    if (codename == null) {
      return null;
    }
    String lower = codename.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, String> e : CODENAMES.entrySet()) {
      if (e.getValue().equals(lower)) {
        return e.getKey();
      }
    }
    return null;
  }
}
