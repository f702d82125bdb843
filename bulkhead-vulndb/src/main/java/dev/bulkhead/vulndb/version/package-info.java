/**
 * Orders package versions the way each package manager does: {@link
 * dev.bulkhead.vulndb.version.DpkgVersion} (Debian), {@link dev.bulkhead.vulndb.version.ApkVersion}
 * (Alpine), {@link dev.bulkhead.vulndb.version.RpmVersion} (RPM), {@link
 * dev.bulkhead.vulndb.version.MavenVersion}, {@link dev.bulkhead.vulndb.version.NpmVersion}, {@link
 * dev.bulkhead.vulndb.version.Pep440Version} (PyPI), {@link dev.bulkhead.vulndb.version.GoVersion},
 * {@link dev.bulkhead.vulndb.version.CargoVersion} and {@link
 * dev.bulkhead.vulndb.version.GemVersion} (RubyGems), chosen by purl type with {@link
 * dev.bulkhead.vulndb.version.VersionSchemes#forType} or by OSV ecosystem with {@link
 * dev.bulkhead.vulndb.version.VersionSchemes#forOsvEcosystem}.
 *
 * <p>Comparisons never throw; odd input orders deterministically (a version the ecosystem rejects
 * sorts before every valid one). Tests check each scheme against the real tool on thousands of
 * seeded pairs: dpkg, rpm, Python's packaging, node-semver, Go's x/mod/semver, Rust's semver crate
 * and RubyGems; Maven's order is Maven's own ComparableVersion.
 */
package dev.bulkhead.vulndb.version;
