package dev.bulkhead.core.suppress;

import dev.bulkhead.core.sbom.Purl;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Silences one vulnerability, optionally only for some packages, until an expiry date.
 *
 * @param id the vulnerability id or one of its aliases
 * @param purl the packages it applies to (a versionless purl covers every version), or {@code null}
 *     for all
 * @param path a glob over the file a package was found in ({@code *} within a segment, {@code **}
 *     across segments), or {@code null} for any
 * @param reason why it is ignored, or {@code null}
 * @param expires the last day the entry applies, or {@code null} for no expiry
 * @param source the ignore file and line
 */
public record IgnoreRule(
    String id, Purl purl, String path, String reason, LocalDate expires, String source) {

  /** Tells whether the entry has expired on {@code today} (it applies through its expiry day). */
  public boolean expiredOn(LocalDate today) {
    return expires != null && today.isAfter(expires);
  }

  /** Tells whether the entry covers a package with this purl and path. */
  boolean covers(Purl pkg, String pkgPath) {
    if (purl != null && (pkg == null || !purl.covers(pkg))) {
      return false;
    }
    if (path != null) {
      if (pkgPath == null) {
        return false;
      }
      String p = strip(pkgPath);
      return globToRegex(strip(path)).matcher(p).matches();
    }
    return true;
  }

  private static String strip(String p) {
    return p.startsWith("/") ? p.substring(1) : p;
  }

  /** Compiles a glob: {@code **} matches anything, {@code *} anything but '/', {@code ?} one. */
  static Pattern globToRegex(String glob) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        re.append(".*");
        i++;
      } else if (c == '*') {
        re.append("[^/]*");
      } else if (c == '?') {
        re.append("[^/]");
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }
}
