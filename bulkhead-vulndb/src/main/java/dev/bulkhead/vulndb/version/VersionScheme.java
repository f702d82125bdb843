package dev.bulkhead.vulndb.version;

import java.util.Comparator;

/**
 * Orders version strings the way one package manager does.
 *
 * <p>Implementations are stateless and thread-safe; {@link #compare} never throws on odd input: it
 * orders what it can parse and falls back to a deterministic order for the rest.
 */
public interface VersionScheme extends Comparator<String> {

  /** Returns the scheme id: {@code dpkg}, {@code apk}, {@code rpm}... */
  String id();

  /**
   * Returns negative, zero or positive as {@code a} is older than, equal to or newer than {@code
   * b}.
   */
  @Override
  int compare(String a, String b);
}
