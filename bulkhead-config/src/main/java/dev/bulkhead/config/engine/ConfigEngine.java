package dev.bulkhead.config.engine;

import dev.bulkhead.config.model.ConfigFinding;
import dev.bulkhead.config.model.Location;
import dev.bulkhead.config.model.Rule;
import dev.bulkhead.config.spi.ConfigParseException;
import dev.bulkhead.config.spi.ConfigScanner;
import dev.bulkhead.config.spi.ScannedResource;
import dev.bulkhead.core.BulkheadException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * Finds configuration files, offers each to every {@link ConfigScanner} that accepts it, and
 * collects findings, warnings and scanned resources into a {@link ConfigReport}, applying the
 * config file and the ignore file.
 *
 * <p>Bounds: files larger than {@link Builder#maxFileSize} and directories deeper than {@value
 * #MAX_DEPTH} are skipped with a warning; at most {@link Builder#maxFiles} files are read. Symbolic
 * links inside directories are not followed; hidden directories ({@code .git}) are skipped. A file
 * that cannot be parsed becomes a warning with its position and the scan goes on.
 */
public final class ConfigEngine {
  /** The name standing for standard input. */
  public static final String STDIN = "-";

  static final int MAX_DEPTH = 64;
  private static final int HEAD = 8192;

  private final List<ConfigScanner> scanners;
  private final long maxFileSize;
  private final int maxFiles;
  private final ConfigFile config;
  private final IgnoreFile ignore;
  private final InputStream stdin;

  private final List<ConfigWarning> warnings = new ArrayList<>();
  private final List<ConfigFinding> findings = new ArrayList<>();
  private int files;

  private ConfigEngine(Builder b) {
    this.scanners = List.copyOf(b.scanners);
    this.maxFileSize = b.maxFileSize;
    this.maxFiles = b.maxFiles;
    this.config = b.config;
    this.ignore = b.ignore;
    this.stdin = b.stdin;
  }

  /** Starts an engine configuration. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns every scanner registered with {@link ServiceLoader}, newly created. */
  public static List<ConfigScanner> discoverScanners() {
    List<ConfigScanner> out = new ArrayList<>();
    for (ConfigScanner s : ServiceLoader.load(ConfigScanner.class)) {
      out.add(s);
    }
    return out;
  }

  /** Configures a {@link ConfigEngine}. */
  public static final class Builder {
    private List<ConfigScanner> scanners = List.of();
    private long maxFileSize = 10L << 20;
    private int maxFiles = 100_000;
    private ConfigFile config = ConfigFile.NONE;
    private IgnoreFile ignore = IgnoreFile.NONE;
    private InputStream stdin = System.in;

    private Builder() {}

    /** The scanners to offer files to (fresh instances: they keep per-run state). */
    public Builder scanners(List<ConfigScanner> s) {
      this.scanners = List.copyOf(s);
      return this;
    }

    /** Files larger than this many bytes are skipped with a warning (default 10 MiB). */
    public Builder maxFileSize(long bytes) {
      this.maxFileSize = bytes;
      return this;
    }

    /** At most this many files are read (default 100,000). */
    public Builder maxFiles(int n) {
      this.maxFiles = n;
      return this;
    }

    /** Severity changes and disabled rules. */
    public Builder config(ConfigFile c) {
      this.config = Objects.requireNonNull(c);
      return this;
    }

    /** Suppressions. */
    public Builder ignore(IgnoreFile i) {
      this.ignore = Objects.requireNonNull(i);
      return this;
    }

    /** Where {@code -} reads from (default {@link System#in}). */
    public Builder stdin(InputStream in) {
      this.stdin = Objects.requireNonNull(in);
      return this;
    }

    /** Builds the engine. */
    public ConfigEngine build() {
      return new ConfigEngine(this);
    }
  }

  /**
   * Scans files, directories and {@code -} (standard input).
   *
   * @throws BulkheadException when a named path does not exist or standard input cannot be read
   */
  public ConfigReport scan(List<String> targets) throws BulkheadException {
    for (String t : targets) {
      if (t.equals(STDIN)) {
        scanStdin();
        continue;
      }
      Path p = Path.of(t);
      if (!Files.exists(p)) {
        throw new BulkheadException("file not found: " + t);
      }
      if (Files.isDirectory(p)) {
        walk(p);
      } else {
        scanFile(p, true);
      }
    }
    for (ConfigScanner s : scanners) {
      findings.addAll(s.finish());
    }
    List<ScannedResource> resources = new ArrayList<>();
    List<Rule> rules = new ArrayList<>();
    for (ConfigScanner s : scanners) {
      resources.addAll(s.scannedResources());
      rules.addAll(s.rules());
    }
    List<ConfigFinding> out = new ArrayList<>(findings.size());
    for (ConfigFinding f : findings) {
      out.add(ignore.apply(config.apply(f)));
    }
    return new ConfigReport(targets, files, out, warnings, resources, rules);
  }

  private void scanStdin() throws BulkheadException {
    try {
      byte[] bytes = stdin.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileSize + 1));
      if (bytes.length > maxFileSize) {
        warn(STDIN, "standard input is larger than " + maxFileSize + " bytes; not scanned");
        return;
      }
      scanText(STDIN, text(bytes), true);
    } catch (IOException e) {
      throw new BulkheadException("cannot read standard input: " + e.getMessage());
    }
  }

  private void walk(Path root) throws BulkheadException {
    List<Path> found = new ArrayList<>();
    try {
      Files.walkFileTree(
          root,
          EnumSet.noneOf(java.nio.file.FileVisitOption.class),
          MAX_DEPTH,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              Path name = dir.getFileName();
              if (!dir.equals(root) && name != null && name.toString().startsWith(".")) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile()) {
                found.add(file);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              warn(file.toString(), "cannot read: " + e.getMessage());
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new BulkheadException("cannot list " + root + ": " + e.getMessage());
    }
    found.sort(null);
    for (Path f : found) {
      scanFile(f, false);
    }
  }

  private void scanFile(Path p, boolean named) {
    String name = p.toString();
    try {
      if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && !named) {
        return;
      }
      long size = Files.size(p);
      boolean accepted = named || accepted(p.getFileName().toString(), head(p));
      if (!accepted) {
        return; // found by a directory walk and no scanner wants it: do not read it whole
      }
      if (size > maxFileSize) {
        warn(name, "file is " + size + " bytes, larger than the limit of " + maxFileSize);
        return;
      }
      byte[] bytes = Files.readAllBytes(p);
      scanText(name, text(bytes), named);
    } catch (IOException e) {
      warn(name, "cannot read: " + e.getMessage());
    }
  }

  private static String head(Path p) throws IOException {
    try (InputStream in = Files.newInputStream(p)) {
      return new String(in.readNBytes(HEAD), StandardCharsets.UTF_8);
    }
  }

  private boolean accepted(String fileName, String head) {
    for (ConfigScanner s : scanners) {
      if (s.accepts(fileName, head)) {
        return true;
      }
    }
    return false;
  }

  private void scanText(String name, String text, boolean named) {
    String fileName = name.equals(STDIN) ? STDIN : Path.of(name).getFileName().toString();
    String head = text.length() > HEAD ? text.substring(0, HEAD) : text;
    if (head.indexOf('\0') >= 0) {
      if (named) {
        warn(name, "binary file; not a configuration file");
      }
      return;
    }
    boolean any = false;
    for (ConfigScanner s : scanners) {
      if (!s.accepts(fileName, head)) {
        continue;
      }
      if (!any) {
        if (files >= maxFiles) {
          warn(name, "more than " + maxFiles + " files; the rest are not scanned");
          return;
        }
        files++;
        any = true;
      }
      try {
        findings.addAll(s.scan(name, text));
      } catch (ConfigParseException e) {
        findings.addAll(e.partialFindings());
        Location at = e.location() == null ? new Location(name, 0, 0) : e.location();
        warnings.add(new ConfigWarning(at, e.getMessage()));
      } catch (RuntimeException e) {
        warn(name, "the " + s.fileKind() + " scanner failed on this file: " + e);
      }
    }
    if (!any && named) {
      warn(name, "no scanner recognises this file (Kubernetes manifests need apiVersion and kind)");
    }
  }

  private void warn(String file, String message) {
    warnings.add(new ConfigWarning(new Location(file, 0, 0), file + ": " + message));
  }

  private static String text(byte[] bytes) {
    int start =
        bytes.length >= 3
                && (bytes[0] & 0xff) == 0xef
                && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf
            ? 3
            : 0;
    return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
  }
}
