package dev.bulkhead.vulndb.version;

/** Orders rpm versions. (Placeholder until the real implementation lands.) */
public final class RpmVersion implements VersionScheme {
  @Override
  public String id() {
    return "rpm";
  }

  @Override
  public int compare(String a, String b) {
    throw new UnsupportedOperationException("rpm version ordering is not implemented yet");
  }
}
