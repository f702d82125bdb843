package dev.bulkhead.vulndb.version;

/** Orders apk versions. (Placeholder until the real implementation lands.) */
public final class ApkVersion implements VersionScheme {
  @Override
  public String id() {
    return "apk";
  }

  @Override
  public int compare(String a, String b) {
    throw new UnsupportedOperationException("apk version ordering is not implemented yet");
  }
}
