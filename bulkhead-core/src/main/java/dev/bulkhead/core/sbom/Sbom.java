package dev.bulkhead.core.sbom;

import dev.bulkhead.core.OsInfo;
import dev.bulkhead.core.Package;
import java.util.List;

/**
 * Holds what an SBOM says about its subject: the packages it lists with package URLs and the
 * operating system, ready for vulnerability matching.
 *
 * @param format {@link #CYCLONEDX} or {@link #SPDX}
 * @param subject the name of what the SBOM describes, or {@code null}
 * @param os the operating system named by an OS component or the purls' {@code distro} qualifiers,
 *     or {@code null}
 * @param packages the components that carry a package URL, in document order
 * @param warnings what was skipped and why
 */
public record Sbom(
    String format, String subject, OsInfo os, List<Package> packages, List<String> warnings) {
  /** A CycloneDX JSON BOM. */
  public static final String CYCLONEDX = "cyclonedx";

  /** An SPDX 2.x JSON document. */
  public static final String SPDX = "spdx-json";

  /** Normalises the lists to immutable copies. */
  public Sbom {
    packages = List.copyOf(packages);
    warnings = List.copyOf(warnings);
  }
}
