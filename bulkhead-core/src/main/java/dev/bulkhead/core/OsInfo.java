package dev.bulkhead.core;

/**
 * Identifies the operating system of a scanned filesystem.
 *
 * @param family the os-release {@code ID}, lower case: {@code debian}, {@code ubuntu}, {@code
 *     alpine}, {@code fedora}, {@code rhel}, {@code rocky}, {@code almalinux}...
 * @param version the os-release {@code VERSION_ID} (or the alpine-release / debian_version
 *     contents), e.g. {@code 12} or {@code 3.11.6}
 * @param codename the release codename where the distribution has one ({@code bookworm}), else
 *     {@code null}
 * @param prettyName the os-release {@code PRETTY_NAME}, or {@code null}
 */
public record OsInfo(String family, String version, String codename, String prettyName) {

  /** Returns an OsInfo with only family and version known. */
  public static OsInfo of(String family, String version) {
    return new OsInfo(family, version, null, null);
  }
}
