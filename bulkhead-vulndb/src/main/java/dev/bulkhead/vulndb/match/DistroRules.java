package dev.bulkhead.vulndb.match;

import dev.bulkhead.core.Finding;
import dev.bulkhead.vulndb.model.Affected;
import java.util.Comparator;
import java.util.List;

/**
 * Decides what the distributions' own feeds say about one installed source version.
 *
 * <p>Debian tracker: {@code resolved} with a version is fixed there ({@code 0}: never affected);
 * {@code open} is affected with no fix; {@code undetermined} (the security team has not yet decided
 * whether the package is affected) is not reported, as it states no known vulnerability, and the
 * report would otherwise fill with entries nobody can act on. Alpine secdb: affected below the
 * listed fixed version; {@code 0} never affected; when a CVE is listed at several versions of a
 * branch the highest one is the fix.
 */
final class DistroRules {
  private DistroRules() {}

  /** A verdict: the finding status and the fixed version ({@code null} when none is known). */
  record Verdict(String status, String fixedVersion) {}

  /** Returns the verdict of the Debian tracker rows of one advisory, or null if not affected. */
  static Verdict debian(List<Affected> rows, String installed, Comparator<String> dpkg) {
    Verdict verdict = null;
    for (Affected row : rows) {
      String status = row.status();
      String fixed = row.fixedVersion();
      if ("open".equals(status)) {
        verdict = new Verdict(Finding.STATUS_AFFECTED, null);
      } else if ("resolved".equals(status)
          && fixed != null
          && !fixed.equals("0")
          && dpkg.compare(installed, fixed) < 0) {
        if (verdict == null) {
          verdict = new Verdict(Finding.STATUS_FIXED, fixed);
        }
      }
    }
    return verdict;
  }

  /** Returns the verdict of the Alpine secdb rows of one advisory, or null if not affected. */
  static Verdict alpine(List<Affected> rows, String installed, Comparator<String> apk) {
    String highest = null;
    for (Affected row : rows) {
      String fixed = row.fixedVersion();
      if (fixed == null) {
        continue;
      }
      if (fixed.equals("0")) {
        return null;
      }
      if (highest == null || apk.compare(fixed, highest) > 0) {
        highest = fixed;
      }
    }
    if (highest != null && apk.compare(installed, highest) < 0) {
      return new Verdict(Finding.STATUS_FIXED, highest);
    }
    return null;
  }
}
