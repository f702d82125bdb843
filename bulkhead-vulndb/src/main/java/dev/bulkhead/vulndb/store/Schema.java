package dev.bulkhead.vulndb.store;

import java.util.List;

/** Holds the SQL schema of the advisory store and its version. */
final class Schema {
  private Schema() {}

  /**
   * The schema version this code writes; a newer file is refused. Version 2 added {@code
   * affected.name_key}, the package name normalised per ecosystem ({@link
   * dev.bulkhead.vulndb.match.LanguageEcosystems#nameKey}); version 1 files are migrated on open.
   */
  static final int VERSION = 2;

  static final List<String> CREATE =
      List.of(
          "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)",
          "CREATE TABLE IF NOT EXISTS source ("
              + " id INTEGER PRIMARY KEY,"
              + " name TEXT NOT NULL UNIQUE,"
              + " format TEXT NOT NULL,"
              + " imported_at TEXT NOT NULL,"
              + " sha256 TEXT NOT NULL)",
          "CREATE TABLE IF NOT EXISTS advisory ("
              + " id INTEGER PRIMARY KEY,"
              + " source_id INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,"
              + " key TEXT NOT NULL,"
              + " vuln_id TEXT NOT NULL,"
              + " modified TEXT, published TEXT, withdrawn TEXT,"
              + " title TEXT, details TEXT, severity TEXT,"
              + " cvss_vector TEXT, cvss_score REAL,"
              + " aliases TEXT NOT NULL,"
              + " refs TEXT NOT NULL,"
              + " content_sha256 TEXT NOT NULL,"
              + " UNIQUE (source_id, key))",
          "CREATE TABLE IF NOT EXISTS affected ("
              + " advisory_id INTEGER NOT NULL REFERENCES advisory(id) ON DELETE CASCADE,"
              + " ecosystem TEXT NOT NULL,"
              + " package TEXT NOT NULL,"
              + " purl TEXT, status TEXT, fixed_version TEXT, severity TEXT,"
              + " ranges TEXT NOT NULL,"
              + " versions TEXT NOT NULL,"
              + " name_key TEXT)");

  /** Indexes, created once the tables have the current columns. */
  static final List<String> INDEXES =
      List.of(
          "CREATE INDEX IF NOT EXISTS affected_ecosystem_package ON affected (ecosystem, package)",
          "CREATE INDEX IF NOT EXISTS affected_ecosystem_key ON affected (ecosystem, name_key)",
          "CREATE INDEX IF NOT EXISTS affected_advisory ON affected (advisory_id)",
          "CREATE INDEX IF NOT EXISTS advisory_vuln_id ON advisory (vuln_id)");
}
