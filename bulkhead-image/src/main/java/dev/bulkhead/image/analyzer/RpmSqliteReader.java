package dev.bulkhead.image.analyzer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * Reads the header blobs of an rpm 4.16+ {@code rpmdb.sqlite} ({@code Packages(hnum, blob)}),
 * opened read-only and immutable so that SQLite neither writes nor wants WAL files.
 */
final class RpmSqliteReader {
  private RpmSqliteReader() {}

  /** Hands every blob up to {@code maxBlob} bytes to {@code sink}; larger ones become warnings. */
  static void read(Path file, int maxBlob, Consumer<byte[]> sink, Warnings warnings) {
    String url = "jdbc:sqlite:" + file.toAbsolutePath().toUri() + "?mode=ro&immutable=1";
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement st =
            c.prepareStatement(
                "SELECT hnum, length(blob), CASE WHEN length(blob) <= ? THEN blob END"
                    + " FROM Packages")) {
      st.setInt(1, maxBlob);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          byte[] blob = rs.getBytes(3);
          if (blob == null) {
            warnings.add("header " + rs.getLong(1) + " of " + rs.getLong(2) + " bytes skipped");
          } else {
            sink.accept(blob);
          }
        }
      }
    } catch (SQLException e) {
      warnings.add("not a readable rpm sqlite database (" + e.getMessage() + ")");
    }
  }
}
