package dev.bulkhead.image.lang;

import dev.bulkhead.core.Package;
import dev.bulkhead.image.analyzer.Warnings;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Walks one Java archive and its nested archives as streams, collecting packages.
 *
 * <p>Limits: nesting depth {@value #MAX_DEPTH} below the outer archive, {@value #MAX_ENTRIES}
 * entries per archive, {@value #MAX_PACKAGES} packages per outer file, {@code pom.properties} and
 * manifests of at most {@value #MAX_SMALL_FILE} bytes, and a decompression budget of {@value
 * #RATIO} times the outer file size plus {@value #BASE_BUDGET} bytes, counting every byte that any
 * level's reader takes in and every skipped entry's inflated bytes (a zip bomb stops the walk with
 * a warning, keeping what was found). Entry names are only used in path strings, never on the
 * filesystem.
 */
final class JarScanner {
  static final int MAX_DEPTH = 4;
  static final int MAX_ENTRIES = 100_000;
  static final int MAX_PACKAGES = 10_000;
  static final int MAX_SMALL_FILE = 256 * 1024;
  static final long RATIO = 50;
  static final long BASE_BUDGET = 256L * 1024 * 1024;
  private static final int MAX_NAME = 1024;
  private static final Pattern POM_PROPERTIES =
      Pattern.compile("META-INF/maven/[^/]+/[^/]+/pom\\.properties");

  /** Archives up to this size are read whole and walked by their central directory. */
  static final int IN_MEMORY = 48 * 1024 * 1024;

  private final Warnings problems;
  private final List<Package> out;
  private final long size;
  private long budget;
  private boolean stopped;

  JarScanner(Warnings problems, List<Package> out, long size) {
    this.problems = problems;
    this.out = out;
    this.size = size;
    this.budget = BASE_BUDGET + RATIO * Math.max(0, size);
  }

  /**
   * Scans the archive in {@code in} (not closed) whose display path is {@code path}.
   *
   * <p>An archive of at most {@link #IN_MEMORY} bytes is read whole and walked through its central
   * directory, so only the entries that identify it ({@code pom.properties}, the manifest) and
   * nested archives are inflated, never the classes; anything the central directory cannot describe
   * (zip64, a damaged directory) falls back to the streaming walk.
   */
  void scan(InputStream in, String path) throws IOException {
    if (size > 0 && size <= IN_MEMORY) {
      byte[] bytes = new byte[(int) size];
      int n = in.readNBytes(bytes, 0, bytes.length);
      int next = n == bytes.length ? in.read() : -1;
      if (n == bytes.length && next < 0) {
        scanBytes(bytes, path, 0);
        return;
      }
      // The stream does not hold the size it announced: walk all it holds as a stream.
      InputStream rest =
          next < 0
              ? InputStream.nullInputStream()
              : new SequenceInputStream(new ByteArrayInputStream(new byte[] {(byte) next}), in);
      in = new SequenceInputStream(new ByteArrayInputStream(bytes, 0, n), rest);
    }
    scan(in, path, 0);
  }

  private void scanBytes(byte[] bytes, String path, int depth) throws IOException {
    List<CentralDirectory.Entry> entries = CentralDirectory.read(bytes);
    if (entries == null) {
      scan(new ByteArrayInputStream(bytes), path, depth);
      return;
    }
    List<Properties> poms = new ArrayList<>();
    Manifest manifest = null;
    int count = 0;
    try {
      for (CentralDirectory.Entry e : entries) {
        if (stopped) {
          break;
        }
        if (++count > MAX_ENTRIES) {
          problems.add(path + " has more than " + MAX_ENTRIES + " entries; the rest ignored");
          break;
        }
        String name = e.name();
        if (name.endsWith("/") || name.length() > MAX_NAME) {
          continue;
        }
        if (POM_PROPERTIES.matcher(name).matches()) {
          Properties p = new Properties();
          p.load(new ByteArrayInputStream(smallEntry(bytes, e, path)));
          poms.add(p);
        } else if (name.equals("META-INF/MANIFEST.MF")) {
          manifest = new Manifest(new ByteArrayInputStream(smallEntry(bytes, e, path)));
        } else if (JavaArchiveAnalyzer.isArchiveName(name)) {
          String inner = path + "!/" + clean(name);
          if (depth >= MAX_DEPTH) {
            problems.add(inner + " is nested deeper than " + MAX_DEPTH + "; skipped");
            continue;
          }
          try {
            byte[] nested = CentralDirectory.data(bytes, e, IN_MEMORY, this::spend);
            if (nested == null) {
              // Too large to hold: walk it as a stream instead.
              scan(CentralDirectory.stream(bytes, e), inner, depth + 1);
            } else {
              scanBytes(nested, inner, depth + 1);
            }
          } catch (BudgetExceeded ex) {
            throw ex;
          } catch (IOException | IllegalArgumentException ex) {
            problems.add(inner + " could not be read as a zip archive (" + ex.getMessage() + ")");
          }
        }
      }
    } catch (BudgetExceeded ex) {
      stopped = true;
      problems.add(
          path + " expands to more than the decompression budget (zip bomb?); the rest ignored");
    }
    identify(path, poms, manifest);
  }

  private byte[] smallEntry(byte[] archive, CentralDirectory.Entry e, String path)
      throws IOException {
    byte[] bytes = CentralDirectory.data(archive, e, MAX_SMALL_FILE, this::spend);
    if (bytes == null) {
      problems.add(
          path + "!/" + e.name() + " is larger than " + MAX_SMALL_FILE + " bytes; truncated");
      bytes = CentralDirectory.prefix(archive, e, MAX_SMALL_FILE);
    }
    return bytes;
  }

  private void scan(InputStream in, String path, int depth) throws IOException {
    ZipInputStream zip = new ZipInputStream(new Budgeted(in));
    List<Properties> poms = new ArrayList<>();
    Manifest manifest = null;
    int entries = 0;
    try {
      for (ZipEntry e = zip.getNextEntry(); e != null && !stopped; e = zip.getNextEntry()) {
        if (++entries > MAX_ENTRIES) {
          problems.add(path + " has more than " + MAX_ENTRIES + " entries; the rest ignored");
          break;
        }
        String name = e.getName();
        if (e.isDirectory() || name.length() > MAX_NAME) {
          continue;
        }
        if (POM_PROPERTIES.matcher(name).matches()) {
          Properties p = new Properties();
          p.load(new ByteArrayInputStream(small(zip, path, name)));
          poms.add(p);
        } else if (name.equals("META-INF/MANIFEST.MF")) {
          manifest = new Manifest(new ByteArrayInputStream(small(zip, path, name)));
        } else if (JavaArchiveAnalyzer.isArchiveName(name)) {
          if (depth >= MAX_DEPTH) {
            problems.add(path + "!/" + name + " is nested deeper than " + MAX_DEPTH + "; skipped");
          } else {
            nested(zip, path + "!/" + clean(name), depth + 1);
          }
        } else {
          drain(zip);
        }
      }
    } catch (BudgetExceeded ex) {
      stopped = true;
      problems.add(
          path + " expands to more than the decompression budget (zip bomb?); the rest ignored");
    }
    identify(path, poms, manifest);
  }

  private void nested(ZipInputStream zip, String path, int depth) throws IOException {
    try {
      scan(new NonClosing(zip), path, depth);
    } catch (BudgetExceeded ex) {
      throw ex;
    } catch (IOException | IllegalArgumentException ex) {
      problems.add(path + " could not be read as a zip archive (" + ex.getMessage() + "); skipped");
    }
  }

  /** Reads an entry we do not need through the budget, so skipped data counts too. */
  private void drain(InputStream zip) throws IOException {
    byte[] buf = new byte[8192];
    for (int n = zip.read(buf); n >= 0; n = zip.read(buf)) {
      spend(n);
    }
  }

  void spend(long n) throws BudgetExceeded {
    budget -= n;
    if (budget < 0) {
      throw new BudgetExceeded();
    }
  }

  private byte[] small(InputStream in, String path, String name) throws IOException {
    byte[] bytes = in.readNBytes(MAX_SMALL_FILE);
    if (bytes.length == MAX_SMALL_FILE) {
      problems.add(path + "!/" + name + " is larger than " + MAX_SMALL_FILE + " bytes; truncated");
    }
    return bytes;
  }

  private void identify(String path, List<Properties> poms, Manifest manifest) {
    Map<String, Package> found = new LinkedHashMap<>();
    for (Properties p : poms) {
      String g = trim(p.getProperty("groupId"));
      String a = trim(p.getProperty("artifactId"));
      String v = trim(p.getProperty("version"));
      if (g == null || a == null || v == null) {
        problems.add(path + " has a pom.properties without groupId, artifactId or version");
        continue;
      }
      found.putIfAbsent(g + ":" + a + ":" + v, LangPackages.maven(g, a, v, path));
    }
    if (found.isEmpty()) {
      Package p = ManifestIdentity.of(manifest, fileName(path), path);
      if (p != null) {
        found.put("", p);
      }
    }
    for (Package p : found.values()) {
      if (out.size() >= MAX_PACKAGES) {
        problems.add("more than " + MAX_PACKAGES + " packages; the rest ignored");
        stopped = true;
        return;
      }
      out.add(p);
    }
  }

  private static String fileName(String path) {
    int bang = path.lastIndexOf("!/");
    String last = bang >= 0 ? path.substring(bang + 2) : path;
    return last.substring(last.lastIndexOf('/') + 1);
  }

  private static String trim(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /** Replaces control characters so a hostile entry name cannot forge report lines. */
  private static String clean(String name) {
    Matcher m = Pattern.compile("\\p{Cntrl}").matcher(name);
    return m.replaceAll("?");
  }

  /** Counts decompressed bytes against the shared budget. */
  private final class Budgeted extends FilterInputStream {
    Budgeted(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        spend(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        spend(n);
      }
      return n;
    }
  }

  /** Signals that the decompression budget ran out. */
  static final class BudgetExceeded extends IOException {
    private static final long serialVersionUID = 1L;
  }

  /** Keeps a nested reader from closing its parent's stream. */
  private static final class NonClosing extends FilterInputStream {
    NonClosing(InputStream in) {
      super(in);
    }

    @Override
    public void close() {}
  }
}
