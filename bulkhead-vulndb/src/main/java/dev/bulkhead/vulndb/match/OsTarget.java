package dev.bulkhead.vulndb.match;

import dev.bulkhead.core.DebianReleases;
import dev.bulkhead.core.OsInfo;
import dev.bulkhead.core.Package;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the advisory ecosystems that apply to one operating system release.
 *
 * @param label how warnings name the release, e.g. {@code debian 12 (bookworm)}
 * @param packageType the package type its packages have ({@link Package#DEB}...)
 * @param distroEcosystem the ecosystem of the distribution's own feed ({@code debian:bookworm},
 *     {@code alpine:v3.11}), or {@code null} when Bulkhead reads none for it
 * @param osvEcosystems the OSV ecosystems for the release ({@code Debian:12}, {@code Alpine:v3.11},
 *     {@code Rocky Linux:9})
 */
record OsTarget(
    String label, String packageType, String distroEcosystem, List<String> osvEcosystems) {

  private static final Pattern MAJOR = Pattern.compile("^(\\d+)");
  private static final Pattern MAJOR_MINOR = Pattern.compile("^(\\d+)\\.(\\d+)");

  /** Returns the target for {@code os}, or {@code null} when Bulkhead cannot match it. */
  static OsTarget of(OsInfo os) {
    if (os == null || os.family() == null) {
      return null;
    }
    String family = os.family().toLowerCase(Locale.ROOT);
    String version = os.version() == null ? "" : os.version().strip();
    String major = group(MAJOR, version, 1);
    switch (family) {
      case "debian":
        {
          String codename = os.codename();
          if (codename == null || codename.isBlank()) {
            codename = DebianReleases.codenameOf(major);
          }
          if (major == null && codename != null) {
            major = DebianReleases.versionOf(codename);
          }
          if (codename == null) {
            return null;
          }
          codename = codename.toLowerCase(Locale.ROOT);
          return new OsTarget(
              "debian " + (major == null ? "" : major + " ") + "(" + codename + ")",
              Package.DEB,
              "debian:" + codename,
              major == null ? List.of() : List.of("Debian:" + major));
        }
      case "alpine":
        {
          // Edge (development) images carry VERSION_ID like 3.21_alpha20240807 or an "edge"
          // PRETTY_NAME; their advisories are published under the edge branch, not v3.21.
          if (version.contains("_alpha")
              || (os.prettyName() != null
                  && os.prettyName().toLowerCase(Locale.ROOT).contains("edge"))) {
            return new OsTarget("alpine edge", Package.APK, "alpine:edge", List.of("Alpine:edge"));
          }
          Matcher m = MAJOR_MINOR.matcher(version);
          if (!m.find()) {
            return null;
          }
          String branch = "v" + m.group(1) + "." + m.group(2);
          return new OsTarget(
              "alpine " + branch, Package.APK, "alpine:" + branch, List.of("Alpine:" + branch));
        }
      case "rocky":
        return major == null ? null : rpm("rocky " + major, "Rocky Linux:" + major);
      case "almalinux":
        return major == null ? null : rpm("almalinux " + major, "AlmaLinux:" + major);
      default:
        return null;
    }
  }

  private static OsTarget rpm(String label, String ecosystem) {
    return new OsTarget(label, Package.RPM, null, List.of(ecosystem));
  }

  private static String group(Pattern p, String s, int g) {
    Matcher m = p.matcher(s);
    return m.find() ? m.group(g) : null;
  }
}
