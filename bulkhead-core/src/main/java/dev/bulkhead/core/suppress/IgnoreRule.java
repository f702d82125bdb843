package dev.bulkhead.core.suppress;

import dev.bulkhead.core.sbom.Purl;
import java.time.LocalDate;

/**
 * Silences one vulnerability, optionally only for some packages, until an expiry date.
 *
 * @param id the vulnerability id or one of its aliases
 * @param purl the packages it applies to (a versionless purl covers every version), or {@code null}
 *     for all
 * @param path a glob over the file a package was found in ({@code *} within a segment, {@code **}
 *     across segments, {@code **}{@code /} also none), or {@code null} for any
 * @param reason why it is ignored, or {@code null}
 * @param expires the last day the entry applies, or {@code null} for no expiry
 * @param source the ignore file and line
 * @param pathPattern {@code path} compiled; always derived from {@code path} by the constructor
 *     (the value passed is ignored), {@code null} when {@code path} is
 */
public record IgnoreRule(
    String id,
    Purl purl,
    String path,
    String reason,
    LocalDate expires,
    String source,
    PathGlob pathPattern) {

  /** Compiles the path glob once, so that matching a finding compiles nothing. */
  public IgnoreRule {
    pathPattern = path == null ? null : PathGlob.compile(path);
  }

  /** Creates an entry, compiling its path glob. */
  public IgnoreRule(
      String id, Purl purl, String path, String reason, LocalDate expires, String source) {
    this(id, purl, path, reason, expires, source, null);
  }

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
      return pathPattern.matches(pkgPath);
    }
    return true;
  }
}
