package dev.bulkhead.vulndb.version;

/** Orders dpkg versions. (Placeholder until the real implementation lands.) */
public final class DpkgVersion implements VersionScheme {
  @Override
  public String id() {
    return "dpkg";
  }

  @Override
  public int compare(String a, String b) {
    throw new UnsupportedOperationException("dpkg version ordering is not implemented yet");
  }
}
