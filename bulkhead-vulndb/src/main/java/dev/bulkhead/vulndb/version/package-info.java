/**
 * Orders package versions the way each package manager does: {@link
 * dev.bulkhead.vulndb.version.DpkgVersion} (Debian), {@link dev.bulkhead.vulndb.version.ApkVersion}
 * (Alpine) and {@link dev.bulkhead.vulndb.version.RpmVersion} (RPM), chosen by package type with
 * {@link dev.bulkhead.vulndb.version.VersionSchemes#forType}.
 *
 * <p>Comparisons never throw and never allocate per character; odd input orders deterministically.
 * Tests check dpkg and rpm ordering against the real tools on thousands of seeded pairs.
 */
package dev.bulkhead.vulndb.version;
