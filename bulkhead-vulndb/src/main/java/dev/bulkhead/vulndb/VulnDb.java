package dev.bulkhead.vulndb;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.Finding;
import dev.bulkhead.core.OsInfo;
import dev.bulkhead.core.Package;
import dev.bulkhead.core.spi.VulnerabilityMatcher;
import dev.bulkhead.vulndb.importer.AdvisorySink;
import dev.bulkhead.vulndb.importer.Importers;
import dev.bulkhead.vulndb.match.LanguageEcosystems;
import dev.bulkhead.vulndb.match.LanguagePackageMatcher;
import dev.bulkhead.vulndb.match.OsPackageMatcher;
import dev.bulkhead.vulndb.store.AdvisoryStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Opens the vulnerability database: imports advisory feeds into it, reports what it holds, and
 * matches installed packages against it.
 *
 * <pre>{@code
 * try (VulnDb db = VulnDb.open(VulnDb.defaultPath())) {
 *   db.importPaths(List.of(Path.of("debian.json")), System.err::println);
 *   List<Finding> findings = db.match(os, packages, warnings::add);
 * }
 * }</pre>
 *
 * <p>One instance serialises its calls; open one per thread that needs its own.
 */
public final class VulnDb implements VulnerabilityMatcher, AutoCloseable {
  private final AdvisoryStore store;
  private final OsPackageMatcher matcher;
  private final LanguagePackageMatcher languages;

  private VulnDb(AdvisoryStore store) {
    this.store = store;
    this.matcher = new OsPackageMatcher(store);
    this.languages = new LanguagePackageMatcher(store);
  }

  /**
   * Opens (or creates, with its parent directories and schema) the database file.
   *
   * @throws BulkheadException when the file is not writable, not a SQLite database, corrupt, or of
   *     a newer schema
   */
  public static VulnDb open(Path file) throws BulkheadException {
    return new VulnDb(AdvisoryStore.open(file));
  }

  /**
   * Tells whether vulnerability matching supports {@code os} at all (Debian 7-14, Alpine, Rocky and
   * AlmaLinux); {@code false} for an undetected OS too.
   */
  public static boolean supportsOs(OsInfo os) {
    return OsPackageMatcher.supports(os);
  }

  /**
   * Returns the default database path: {@code $BULKHEAD_DB} if set, else {@code
   * $XDG_CACHE_HOME/bulkhead/vulndb.sqlite}, else {@code ~/.cache/bulkhead/vulndb.sqlite}.
   */
  public static Path defaultPath() {
    return defaultPath(System.getenv(), System.getProperty("user.home"));
  }

  static Path defaultPath(Map<String, String> env, String home) {
    String db = env.get("BULKHEAD_DB");
    if (db != null && !db.isBlank()) {
      return Path.of(db);
    }
    String cache = env.get("XDG_CACHE_HOME");
    Path base = cache != null && !cache.isBlank() ? Path.of(cache) : Path.of(home, ".cache");
    return base.resolve("bulkhead").resolve("vulndb.sqlite");
  }

  /**
   * Imports advisory files and directories, detecting each file's format from its content.
   *
   * <p>Each source is written in its own transaction: a source whose file is malformed as a whole
   * is left as it was and the error is thrown; a malformed advisory inside a feed is skipped with a
   * warning. Importing the same data again changes nothing.
   *
   * @param paths files (Debian tracker JSON, Alpine secdb JSON/YAML, OSV JSON/YAML/zip) or
   *     directories of them
   * @param progress receives one-line progress messages
   * @throws BulkheadException naming the path and the problem
   */
  public synchronized ImportSummary importPaths(List<Path> paths, Consumer<String> progress)
      throws BulkheadException {
    List<SourceImport> sources = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    AdvisorySink sink = store.sink(sources::add, warnings::add);
    for (Path path : paths) {
      Importers.importPath(path, sink, progress);
    }
    return new ImportSummary(sources, warnings);
  }

  /** Returns every stored source with its counts, ordered by name. */
  public synchronized List<SourceStatus> status() throws BulkheadException {
    return store.status();
  }

  @Override
  public synchronized List<Finding> match(
      OsInfo os, List<Package> packages, Consumer<String> warnings) throws BulkheadException {
    List<Package> osPackages = new ArrayList<>();
    List<Package> languagePackages = new ArrayList<>();
    for (Package p : packages) {
      (LanguageEcosystems.isLanguageType(p.type()) ? languagePackages : osPackages).add(p);
    }
    List<Finding> findings = new ArrayList<>();
    // A source tree or application directory has no OS: its language packages alone are matched,
    // without a warning about the missing OS.
    if (os != null || !osPackages.isEmpty() || languagePackages.isEmpty()) {
      findings.addAll(matcher.match(os, osPackages, warnings));
    }
    findings.addAll(languages.match(languagePackages, warnings));
    return findings;
  }

  @Override
  public synchronized void close() throws BulkheadException {
    store.close();
  }
}
