package dev.bulkhead.vulndb.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.vulndb.SourceImport;
import dev.bulkhead.vulndb.importer.AdvisorySink;
import dev.bulkhead.vulndb.match.LanguageEcosystems;
import dev.bulkhead.vulndb.model.Advisory;
import dev.bulkhead.vulndb.model.Affected;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Writes one source at a time into the store inside a transaction, comparing each advisory's
 * content digest with the stored one so that re-importing the same data changes nothing.
 */
final class ImportSession implements AdvisorySink {
  private final AdvisoryStore store;
  private final Consumer<SourceImport> done;
  private final Consumer<String> warnings;

  private String source;
  private String format;
  private boolean wholeFeed;
  private long sourceId;
  private Map<String, Stored> existing;
  private Set<String> seen;
  private int added;
  private int changed;
  private int unchanged;
  private PreparedStatement insertAdvisory;
  private PreparedStatement insertAffected;

  private record Stored(long rowId, String sha256) {}

  ImportSession(AdvisoryStore store, Consumer<SourceImport> done, Consumer<String> warnings) {
    this.store = store;
    this.done = done;
    this.warnings = warnings;
  }

  @Override
  public void begin(String sourceName, String formatId, boolean whole) throws BulkheadException {
    if (source != null) {
      throw new IllegalStateException("source " + source + " is still open");
    }
    source = sourceName;
    format = formatId;
    wholeFeed = whole;
    existing = new HashMap<>();
    seen = new HashSet<>();
    added = 0;
    changed = 0;
    unchanged = 0;
    Connection c = store.connection();
    try {
      c.setAutoCommit(false);
      sourceId = -1;
      try (PreparedStatement ps = c.prepareStatement("SELECT id FROM source WHERE name = ?")) {
        ps.setString(1, sourceName);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            sourceId = rs.getLong(1);
          }
        }
      }
      if (sourceId < 0) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO source (name, format, imported_at, sha256) VALUES (?, ?, ?, '')",
                Statement.RETURN_GENERATED_KEYS)) {
          ps.setString(1, sourceName);
          ps.setString(2, formatId);
          ps.setString(3, Instant.now().toString());
          ps.executeUpdate();
          try (ResultSet rs = ps.getGeneratedKeys()) {
            rs.next();
            sourceId = rs.getLong(1);
          }
        }
      } else {
        try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT key, id, content_sha256 FROM advisory WHERE source_id = ?")) {
          ps.setLong(1, sourceId);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              existing.put(rs.getString(1), new Stored(rs.getLong(2), rs.getString(3)));
            }
          }
        }
      }
      insertAdvisory =
          c.prepareStatement(
              "INSERT INTO advisory (source_id, key, vuln_id, modified, published, withdrawn,"
                  + " title, details, severity, cvss_vector, cvss_score, aliases, refs,"
                  + " content_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              Statement.RETURN_GENERATED_KEYS);
      insertAffected =
          c.prepareStatement(
              "INSERT INTO affected (advisory_id, ecosystem, package, purl, status,"
                  + " fixed_version, severity, ranges, versions, name_key)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    } catch (SQLException e) {
      BulkheadException failure = writeFailed(e);
      abort();
      throw failure;
    }
  }

  @Override
  public void accept(Advisory advisory) throws BulkheadException {
    if (source == null) {
      throw new IllegalStateException("accept before begin");
    }
    if (!seen.add(advisory.key())) {
      warn(source + ": advisory " + advisory.key() + " appears twice; kept the first");
      return;
    }
    String sha = digest(advisory.toString());
    Stored old = existing.get(advisory.key());
    try {
      if (old != null) {
        if (old.sha256().equals(sha)) {
          unchanged++;
          return;
        }
        delete(old.rowId());
        changed++;
      } else {
        added++;
      }
      insert(advisory, sha);
    } catch (SQLException | JsonProcessingException e) {
      BulkheadException failure = writeFailed(e);
      abort();
      throw failure;
    }
  }

  private void delete(long rowId) throws SQLException {
    try (PreparedStatement ps =
        store.connection().prepareStatement("DELETE FROM advisory WHERE id = ?")) {
      ps.setLong(1, rowId);
      ps.executeUpdate();
    }
  }

  private void insert(Advisory a, String sha) throws SQLException, JsonProcessingException {
    PreparedStatement ps = insertAdvisory;
    ps.setLong(1, sourceId);
    ps.setString(2, a.key());
    ps.setString(3, a.vulnerabilityId());
    ps.setString(4, a.modified());
    ps.setString(5, a.published());
    ps.setString(6, a.withdrawn());
    ps.setString(7, a.title());
    ps.setString(8, a.details());
    ps.setString(9, a.severity());
    ps.setString(10, a.cvssVector());
    if (a.cvssScore() == null) {
      ps.setNull(11, Types.REAL);
    } else {
      ps.setDouble(11, a.cvssScore());
    }
    ps.setString(12, AdvisoryStore.JSON.writeValueAsString(a.aliases()));
    ps.setString(13, AdvisoryStore.JSON.writeValueAsString(a.references()));
    ps.setString(14, sha);
    ps.executeUpdate();
    long rowId;
    try (ResultSet rs = ps.getGeneratedKeys()) {
      rs.next();
      rowId = rs.getLong(1);
    }
    for (Affected f : a.affected()) {
      PreparedStatement pa = insertAffected;
      pa.setLong(1, rowId);
      pa.setString(2, f.ecosystem());
      pa.setString(3, f.packageName());
      pa.setString(4, f.purl());
      pa.setString(5, f.status());
      pa.setString(6, f.fixedVersion());
      pa.setString(7, f.severity());
      pa.setString(8, AdvisoryStore.JSON.writeValueAsString(f.ranges()));
      pa.setString(9, AdvisoryStore.JSON.writeValueAsString(f.versions()));
      pa.setString(10, LanguageEcosystems.nameKey(f.ecosystem(), f.packageName()));
      pa.addBatch();
    }
    insertAffected.executeBatch();
  }

  @Override
  public void end(String contentSha256) throws BulkheadException {
    if (source == null) {
      throw new IllegalStateException("end before begin");
    }
    Connection c = store.connection();
    int removed = 0;
    try {
      if (wholeFeed) {
        for (Map.Entry<String, Stored> e : existing.entrySet()) {
          if (!seen.contains(e.getKey())) {
            delete(e.getValue().rowId());
            removed++;
          }
        }
      }
      boolean contentChanged = added + changed + removed > 0;
      String sql =
          contentChanged
              ? "UPDATE source SET format = ?, sha256 = ?, imported_at = ? WHERE id = ?"
              : "UPDATE source SET format = ?, sha256 = ? WHERE id = ?";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, format);
        ps.setString(2, contentSha256);
        if (contentChanged) {
          ps.setString(3, Instant.now().toString());
          ps.setLong(4, sourceId);
        } else {
          ps.setLong(3, sourceId);
        }
        ps.executeUpdate();
      }
      closeStatements();
      c.commit();
      c.setAutoCommit(true);
    } catch (SQLException e) {
      BulkheadException failure = writeFailed(e);
      abort();
      throw failure;
    }
    SourceImport result = new SourceImport(source, format, added, changed, unchanged, removed);
    source = null;
    existing = null;
    seen = null;
    done.accept(result);
  }

  @Override
  public void abort() {
    if (source == null) {
      return;
    }
    Connection c = store.connection();
    try {
      closeStatements();
      if (!c.getAutoCommit()) {
        c.rollback();
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      warnings.accept("roll back import of " + source + " failed: " + e.getMessage());
    }
    source = null;
  }

  private void closeStatements() throws SQLException {
    if (insertAdvisory != null) {
      insertAdvisory.close();
      insertAdvisory = null;
    }
    if (insertAffected != null) {
      insertAffected.close();
      insertAffected = null;
    }
  }

  @Override
  public void warn(String message) {
    warnings.accept(message);
  }

  private BulkheadException writeFailed(Exception e) {
    return new BulkheadException(
        "write vulnerability database "
            + store.file()
            + " failed while importing "
            + source
            + ": "
            + e.getMessage()
            + "; check free disk space and that no other process holds the file",
        e);
  }

  static String digest(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
