package dev.bulkhead.runtime.source;

import dev.bulkhead.core.BulkheadException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Field parsing the JSON and text readers share: ISO-8601 times, {@code host:port}, ports. */
final class Endpoints {
  private Endpoints() {}

  /**
   * Nanoseconds since the epoch of an ISO-8601 instant.
   *
   * @throws BulkheadException naming the line when {@code iso} is not one
   */
  static long isoNanos(String iso, TextLines where) throws BulkheadException {
    try {
      Instant t = Instant.parse(iso);
      return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    } catch (DateTimeParseException | ArithmeticException e) {
      throw where.errorAtLine("time '" + iso + "' is not an ISO-8601 instant");
    }
  }

  /** A port number, or -1 when {@code p} is out of range. */
  static int port(long p) {
    return p >= 0 && p <= 65535 ? (int) p : -1;
  }

  /**
   * Splits {@code host:port} at its last colon (IPv6 hosts keep theirs): {host, port text}, or
   * {@code null} when there is no host before a colon.
   */
  static String[] hostAndPort(String address) {
    int colon = address == null ? -1 : address.lastIndexOf(':');
    return colon > 0
        ? new String[] {address.substring(0, colon), address.substring(colon + 1)}
        : null;
  }
}
