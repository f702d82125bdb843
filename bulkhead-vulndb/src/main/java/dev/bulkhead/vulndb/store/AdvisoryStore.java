package dev.bulkhead.vulndb.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.vulndb.SourceImport;
import dev.bulkhead.vulndb.SourceStatus;
import dev.bulkhead.vulndb.importer.AdvisorySink;
import dev.bulkhead.vulndb.match.AdvisoryLookup;
import dev.bulkhead.vulndb.match.Candidate;
import dev.bulkhead.vulndb.match.LanguageEcosystems;
import dev.bulkhead.vulndb.model.Advisory;
import dev.bulkhead.vulndb.model.Affected;
import dev.bulkhead.vulndb.model.Range;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.sqlite.SQLiteConfig;

/**
 * Keeps advisories in one SQLite file (WAL journal) and answers the matchers' look-ups.
 *
 * <p>Not thread-safe: callers serialise access (as {@link dev.bulkhead.vulndb.VulnDb} does).
 */
public final class AdvisoryStore implements AdvisoryLookup, AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final TypeReference<List<Range>> RANGES = new TypeReference<>() {};

  private final Path file;
  private final Connection connection;

  private AdvisoryStore(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  /**
   * Opens the store, creating the file, its parent directories and the schema when missing.
   *
   * @throws BulkheadException when the file cannot be created or written, is not a SQLite database,
   *     or has a newer schema
   */
  public static AdvisoryStore open(Path file) throws BulkheadException {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new BulkheadException(
          "open vulnerability database "
              + file
              + " failed: cannot create its directory ("
              + e.getMessage()
              + "); pass --db with a writable path",
          e);
    }
    if (Files.exists(file) && (!Files.isRegularFile(file) || !Files.isWritable(file))) {
      throw new BulkheadException(
          "open vulnerability database "
              + file
              + " failed: not a writable file; pass --db with a writable path");
    }
    SQLiteConfig config = new SQLiteConfig();
    config.enforceForeignKeys(true);
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(10_000);
    Connection connection = null;
    try {
      connection = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
      AdvisoryStore store = new AdvisoryStore(file, connection);
      store.migrate();
      return store;
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new BulkheadException(
          "open vulnerability database "
              + file
              + " failed: "
              + e.getMessage()
              + "; if the file is corrupt or not a Bulkhead database, delete it and run"
              + " `bulkhead db import` again",
          e);
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // The open already failed; its error is the one to report.
      }
    }
  }

  private void migrate() throws SQLException, BulkheadException {
    try (Statement s = connection.createStatement()) {
      s.executeQuery("SELECT count(*) FROM sqlite_master").close();
      for (String sql : Schema.CREATE) {
        s.execute(sql);
      }
      int version = 0;
      try (ResultSet rs = s.executeQuery("SELECT max(version) FROM schema_version")) {
        if (rs.next()) {
          version = rs.getInt(1);
        }
      }
      if (version == 0) {
        s.execute("INSERT INTO schema_version (version) VALUES (" + Schema.VERSION + ")");
      } else if (version == 1) {
        migrateFromVersion1(s);
      } else if (version > Schema.VERSION) {
        throw new BulkheadException(
            "open vulnerability database "
                + file
                + " failed: schema version "
                + version
                + " is newer than this Bulkhead supports ("
                + Schema.VERSION
                + "); upgrade Bulkhead or use another --db file");
      }
      for (String sql : Schema.INDEXES) {
        s.execute(sql);
      }
    }
  }

  /** Adds and fills {@code affected.name_key} in one transaction. */
  private void migrateFromVersion1(Statement s) throws SQLException {
    connection.setAutoCommit(false);
    try {
      s.execute("ALTER TABLE affected ADD COLUMN name_key TEXT");
      try (PreparedStatement read =
              connection.prepareStatement(
                  "SELECT DISTINCT ecosystem, package FROM affected WHERE name_key IS NULL");
          PreparedStatement write =
              connection.prepareStatement(
                  "UPDATE affected SET name_key = ? WHERE ecosystem = ? AND package = ?");
          ResultSet rs = read.executeQuery()) {
        while (rs.next()) {
          write.setString(1, LanguageEcosystems.nameKey(rs.getString(1), rs.getString(2)));
          write.setString(2, rs.getString(1));
          write.setString(3, rs.getString(2));
          write.addBatch();
        }
        write.executeBatch();
      }
      s.execute("UPDATE schema_version SET version = " + Schema.VERSION);
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  /**
   * Returns a sink that writes into this store, one transaction per source, and reports each
   * finished source to {@code done}.
   */
  public AdvisorySink sink(Consumer<SourceImport> done, Consumer<String> warnings) {
    return new ImportSession(this, done, warnings);
  }

  Connection connection() {
    return connection;
  }

  Path file() {
    return file;
  }

  /** Returns every source with its counts, ordered by name. */
  public List<SourceStatus> status() throws BulkheadException {
    String sql =
        "SELECT s.name, s.format, s.imported_at, s.sha256,"
            + " (SELECT count(*) FROM advisory a WHERE a.source_id = s.id),"
            + " (SELECT count(*) FROM affected f JOIN advisory a ON f.advisory_id = a.id"
            + "  WHERE a.source_id = s.id)"
            + " FROM source s ORDER BY s.name";
    List<SourceStatus> out = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new SourceStatus(
                rs.getString(1),
                rs.getString(2),
                rs.getLong(5),
                rs.getLong(6),
                Instant.parse(rs.getString(3)),
                rs.getString(4)));
      }
    } catch (SQLException e) {
      throw readFailed(e);
    }
    return out;
  }

  private static final String FIND =
      "SELECT s.name, a.key, a.vuln_id, a.modified, a.published, a.withdrawn, a.title,"
          + " a.severity, a.cvss_vector, a.cvss_score, a.aliases, a.refs,"
          + " f.purl, f.status, f.fixed_version, f.severity, f.ranges, f.versions, f.package"
          + " FROM affected f JOIN advisory a ON f.advisory_id = a.id"
          + " JOIN source s ON a.source_id = s.id";

  @Override
  public List<Candidate> find(String ecosystem, String packageName) throws BulkheadException {
    return query(
        FIND + " WHERE f.ecosystem = ? AND f.package = ? ORDER BY a.vuln_id, s.name",
        ecosystem,
        packageName);
  }

  @Override
  public List<Candidate> findByKey(String ecosystem, String nameKey) throws BulkheadException {
    return query(
        FIND + " WHERE f.ecosystem = ? AND f.name_key = ? ORDER BY a.vuln_id, s.name",
        ecosystem,
        nameKey);
  }

  @Override
  public java.util.Set<String> nameKeys(String ecosystem) throws BulkheadException {
    java.util.Set<String> out = new java.util.HashSet<>();
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT DISTINCT name_key FROM affected WHERE ecosystem = ? AND name_key IS NOT NULL")) {
      ps.setString(1, ecosystem);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw readFailed(e);
    }
    return out;
  }

  private List<Candidate> query(String sql, String ecosystem, String name)
      throws BulkheadException {
    List<Candidate> out = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, ecosystem);
      ps.setString(2, name);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          double score = rs.getDouble(10);
          Double cvss = rs.wasNull() ? null : score;
          Advisory advisory =
              new Advisory(
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  null,
                  rs.getString(8),
                  rs.getString(9),
                  cvss,
                  JSON.readValue(rs.getString(11), STRINGS),
                  JSON.readValue(rs.getString(12), STRINGS),
                  List.of());
          Affected affected =
              new Affected(
                  ecosystem,
                  rs.getString(19),
                  rs.getString(13),
                  rs.getString(14),
                  rs.getString(15),
                  rs.getString(16),
                  JSON.readValue(rs.getString(17), RANGES),
                  JSON.readValue(rs.getString(18), STRINGS));
          out.add(new Candidate(rs.getString(1), advisory, affected));
        }
      }
    } catch (SQLException | JsonProcessingException e) {
      throw readFailed(e);
    }
    return out;
  }

  @Override
  public boolean hasEcosystem(String ecosystem) throws BulkheadException {
    try (PreparedStatement ps =
        connection.prepareStatement("SELECT 1 FROM affected WHERE ecosystem = ? LIMIT 1")) {
      ps.setString(1, ecosystem);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw readFailed(e);
    }
  }

  BulkheadException readFailed(Exception e) {
    return new BulkheadException(
        "read vulnerability database "
            + file
            + " failed: "
            + e.getMessage()
            + "; if it is corrupt, delete it and run `bulkhead db import` again",
        e);
  }

  @Override
  public void close() throws BulkheadException {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new BulkheadException(
          "close vulnerability database " + file + " failed: " + e.getMessage(), e);
    }
  }
}
