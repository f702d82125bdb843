package dev.bulkhead.image.analyzer;

import dev.bulkhead.core.OsInfo;
import dev.bulkhead.core.Package;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds package URLs (<a href="https://github.com/package-url/purl-spec">purl</a>) for OS packages
 * once the operating system is known.
 *
 * <p>The dpkg and rpm analyzers leave {@link Package#purl()} null because one database file does
 * not say which distribution it belongs to (Debian and Ubuntu share dpkg; RHEL, Rocky, Fedora and
 * SUSE share rpm). The layer walker, which merges the {@link OsInfo}, calls {@link #of} to fill it.
 * The apk analyzer sets {@code pkg:apk/alpine/...} itself; {@link #of} rewrites the namespace when
 * the OS says otherwise (e.g. {@code wolfi}).
 */
public final class PackageUrls {
  private PackageUrls() {}

  /**
   * Returns the package URL of an OS package, e.g. {@code
   * pkg:deb/debian/libc6@2.36-9?arch=amd64&distro=debian-12}; for rpm the epoch moves to an {@code
   * epoch} qualifier as the purl spec asks.
   *
   * @param pkg a package of type deb, apk or rpm
   * @param os the merged OS identity, or null (namespace then defaults to debian, alpine or rpm's
   *     none)
   * @return the purl, or the package's existing purl for other types
   */
  public static String of(Package pkg, OsInfo os) {
    String family = os == null || os.family() == null ? null : os.family().toLowerCase(Locale.ROOT);
    Map<String, String> qualifiers = new TreeMap<>();
    if (pkg.arch() != null && !pkg.arch().isEmpty()) {
      qualifiers.put("arch", pkg.arch());
    }
    if (family != null && os.version() != null) {
      qualifiers.put("distro", family + "-" + os.version());
    }
    String version = pkg.version();
    String namespace;
    switch (pkg.type()) {
      case Package.DEB -> namespace = family == null ? "debian" : family;
      case Package.APK -> namespace = family == null ? "alpine" : family;
      case Package.RPM -> {
        namespace = family;
        int colon = version.indexOf(':');
        if (colon > 0) {
          String epoch = version.substring(0, colon);
          if (!"0".equals(epoch)) {
            qualifiers.put("epoch", epoch);
          }
          version = version.substring(colon + 1);
        }
      }
      default -> {
        return pkg.purl();
      }
    }
    return build(pkg.type(), namespace, pkg.name(), version, qualifiers);
  }

  /**
   * Builds {@code pkg:type/namespace/name@version?k=v&...} with percent-encoded components and
   * qualifiers sorted by key.
   *
   * @param namespace the namespace, or null or empty for none
   * @param version the version, or null or empty for none
   * @param qualifiers qualifier values by key (keys are written as given, values encoded)
   */
  public static String build(
      String type, String namespace, String name, String version, Map<String, String> qualifiers) {
    List<String> segments =
        namespace == null || namespace.isEmpty() ? List.of(name) : List.of(namespace, name);
    return build(type, segments, version, qualifiers(qualifiers));
  }

  /**
   * Builds {@code pkg:type/seg/.../seg@version?qualifiers}, percent-encoding each path segment and
   * the version with {@link #encode}.
   *
   * @param segments the namespace segments followed by the name, written separated by {@code /}
   * @param version the version, or null or empty for none
   * @param qualifiers an already encoded qualifier string without {@code ?}, or null or empty
   */
  public static String build(
      String type, List<String> segments, String version, String qualifiers) {
    StringBuilder sb = new StringBuilder("pkg:").append(type).append('/');
    for (int i = 0; i < segments.size(); i++) {
      if (i > 0) {
        sb.append('/');
      }
      sb.append(encode(segments.get(i)));
    }
    if (version != null && !version.isEmpty()) {
      sb.append('@').append(encode(version));
    }
    if (qualifiers != null && !qualifiers.isEmpty()) {
      sb.append('?').append(qualifiers);
    }
    return sb.toString();
  }

  /** Returns {@code k=v&...} sorted by key, values percent-encoded; empty for no qualifiers. */
  public static String qualifiers(Map<String, String> qualifiers) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> q : new TreeMap<>(qualifiers).entrySet()) {
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(q.getKey()).append('=').append(encode(q.getValue()));
    }
    return sb.toString();
  }

  /**
   * Percent-encodes everything but ASCII letters, digits and {@code .-_~}; in particular {@code +}
   * becomes {@code %2B} and {@code @} becomes {@code %40}, as the purl specification asks, for
   * every package type alike.
   */
  public static String encode(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
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
        sb.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return sb.toString();
  }
}
