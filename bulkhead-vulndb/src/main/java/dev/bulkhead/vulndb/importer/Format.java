package dev.bulkhead.vulndb.importer;

/** Names the advisory formats Bulkhead reads. */
public enum Format {
  DEBIAN_TRACKER("debian-tracker-json"),
  ALPINE_SECDB_JSON("alpine-secdb-json"),
  ALPINE_SECDB_YAML("alpine-secdb-yaml"),
  OSV_JSON("osv-json"),
  OSV_YAML("osv-yaml"),
  OSV_ZIP("osv-zip"),
  UNKNOWN("unknown");

  private final String id;

  Format(String id) {
    this.id = id;
  }

  /** Returns the id shown to users and stored with each source. */
  public String id() {
    return id;
  }

  boolean isOsv() {
    return this == OSV_JSON || this == OSV_YAML;
  }
}
