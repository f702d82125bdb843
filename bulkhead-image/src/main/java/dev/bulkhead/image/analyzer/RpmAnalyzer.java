package dev.bulkhead.image.analyzer;

import dev.bulkhead.core.Package;
import dev.bulkhead.core.spi.AnalysisInput;
import dev.bulkhead.core.spi.AnalysisResult;
import dev.bulkhead.core.spi.Analyzer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Lists the installed RPM packages of an rpm database: {@code rpmdb.sqlite} (rpm 4.16+, Fedora 33+,
 * RHEL 9) and the Berkeley DB hash {@code Packages} (CentOS 7/8, RHEL/UBI 8), under {@code
 * var/lib/rpm/} or {@code usr/lib/sysimage/rpm/}.
 *
 * <p>The file is copied to a private temporary directory (at most {@link #MAX_DB_BYTES}), read, and
 * deleted. Each header blob is parsed by {@link RpmHeader}; a bad blob becomes a warning. The
 * version is {@code [epoch:]version-release}; the source name and version come from SOURCERPM
 * ({@code name-version-release.src.rpm}), the source version carrying the binary's epoch, since the
 * source rpm name has none. {@code gpg-pubkey} pseudo packages are skipped. The purl is left null
 * for the walker ({@link PackageUrls#of}), as one rpm database does not name its distribution.
 *
 * <p>SUSE's ndb {@code Packages.db} is recognised but unsupported: it yields a warning only.
 */
public final class RpmAnalyzer implements Analyzer {
  static final long MAX_DB_BYTES = 1L << 30;
  static final int MAX_BLOB = 64 * 1024 * 1024;
  private static final Set<String> DIRS = Set.of("var/lib/rpm/", "usr/lib/sysimage/rpm/");

  @Override
  public String id() {
    return "rpm";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public boolean accepts(String path, long size) {
    int slash = path.lastIndexOf('/');
    if (slash < 0 || !DIRS.contains(path.substring(0, slash + 1))) {
      return false;
    }
    String name = path.substring(slash + 1);
    return name.equals("rpmdb.sqlite") || name.equals("Packages") || name.equals("Packages.db");
  }

  @Override
  public AnalysisResult analyze(AnalysisInput input) throws IOException {
    Warnings warnings = new Warnings(input.path());
    if (input.path().endsWith("Packages.db")) {
      warnings.add("the ndb rpm database format (SUSE) is not supported; packages not listed");
      return new AnalysisResult(null, List.of(), warnings.list());
    }
    if (input.size() > MAX_DB_BYTES) {
      warnings.add(
          "rpm database of " + input.size() + " bytes exceeds " + MAX_DB_BYTES + "; skipped");
      return new AnalysisResult(null, List.of(), warnings.list());
    }
    List<Package> packages = new ArrayList<>();
    Path dir = Files.createTempDirectory("bulkhead-rpmdb");
    try {
      Path copy = dir.resolve("db");
      if (!copyBounded(input.content(), copy)) {
        warnings.add("rpm database is larger than " + MAX_DB_BYTES + " bytes; skipped");
        return new AnalysisResult(null, List.of(), warnings.list());
      }
      if (input.path().endsWith(".sqlite")) {
        RpmSqliteReader.read(
            copy, MAX_BLOB, b -> add(b, input.path(), packages, warnings), warnings);
      } else {
        BerkeleyHashReader.read(
            copy, MAX_BLOB, b -> add(b, input.path(), packages, warnings), warnings);
      }
    } finally {
      deleteTree(dir);
    }
    return new AnalysisResult(null, packages, warnings.list());
  }

  private static void add(byte[] blob, String path, List<Package> out, Warnings warnings) {
    if (out.size() >= DpkgAnalyzer.MAX_PACKAGES) {
      warnings.add("more than " + DpkgAnalyzer.MAX_PACKAGES + " packages; header ignored");
      return;
    }
    RpmHeader h;
    try {
      h = RpmHeader.parse(blob);
    } catch (MalformedDataException e) {
      warnings.add("bad rpm header: " + e.getMessage() + "; skipped");
      return;
    }
    if (h.name().equals("gpg-pubkey")) {
      return;
    }
    String version = h.fullVersion();
    String sourceName = h.name();
    String sourceVersion = version;
    String[] src = splitSourceRpm(h.sourceRpm());
    if (src != null) {
      sourceName = src[0];
      sourceVersion = (h.epoch() == null ? "" : h.epoch() + ":") + src[1];
    } else if (h.sourceRpm() != null && !h.sourceRpm().equals("(none)")) {
      warnings.add("package " + h.name() + " has an unparsable SOURCERPM " + h.sourceRpm());
    }
    out.add(
        new Package(
            h.name(),
            version,
            h.arch(),
            sourceName,
            sourceVersion,
            Package.RPM,
            null,
            null,
            null,
            path));
  }

  /** Splits {@code name-version-release.src.rpm} into name and version-release, or null. */
  static String[] splitSourceRpm(String sourceRpm) {
    if (sourceRpm == null) {
      return null;
    }
    String base;
    if (sourceRpm.endsWith(".src.rpm")) {
      base = sourceRpm.substring(0, sourceRpm.length() - ".src.rpm".length());
    } else if (sourceRpm.endsWith(".nosrc.rpm")) {
      base = sourceRpm.substring(0, sourceRpm.length() - ".nosrc.rpm".length());
    } else {
      return null;
    }
    int releaseDash = base.lastIndexOf('-');
    int versionDash = releaseDash <= 0 ? -1 : base.lastIndexOf('-', releaseDash - 1);
    if (versionDash <= 0) {
      return null;
    }
    return new String[] {base.substring(0, versionDash), base.substring(versionDash + 1)};
  }

  private static boolean copyBounded(InputStream in, Path target) throws IOException {
    byte[] buf = new byte[64 * 1024];
    long total = 0;
    try (OutputStream out = Files.newOutputStream(target)) {
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        total += n;
        if (total > MAX_DB_BYTES) {
          return false;
        }
        out.write(buf, 0, n);
      }
    }
    return true;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
