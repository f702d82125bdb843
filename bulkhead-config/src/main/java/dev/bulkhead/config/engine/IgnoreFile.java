package dev.bulkhead.config.engine;

import dev.bulkhead.config.model.ConfigFinding;
import dev.bulkhead.config.model.ResourceRef;
import dev.bulkhead.config.model.Suppression;
import dev.bulkhead.core.BulkheadException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code --ignorefile}: one suppression per line, {@code RULE-ID [key=value...] [# reason]}.
 *
 * <pre>
 * # reason: the node agent needs the host's /var/log
 * BH-K8S-0005 file=deploy/agent.yaml
 * BH-K8S-0044 resource=Deployment/shop/web   # pinned by the release pipeline
 * BH-K8S-0040
 * </pre>
 *
 * <p>{@code file=} is a glob matched against the reported path (or its file name); {@code
 * resource=} is {@code Kind/namespace/name} or {@code Kind/name}, {@code *} matching any part. A
 * comment line directly above an entry is its reason when the entry has none.
 */
public final class IgnoreFile {
  /** Suppresses nothing. */
  public static final IgnoreFile NONE = new IgnoreFile(List.of());

  private static final long MAX_SIZE = 1 << 20;
  private static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private record Entry(String ruleId, PathMatcher file, List<String> resource, String reason) {}

  private final List<Entry> entries;

  private IgnoreFile(List<Entry> entries) {
    this.entries = entries;
  }

  /**
   * Reads an ignore file.
   *
   * @throws BulkheadException naming the file and line of a malformed entry
   */
  public static IgnoreFile read(Path file) throws BulkheadException {
    String text = ConfigFile.EngineIo.readSmall(file, MAX_SIZE, "ignore file");
    List<Entry> entries = new ArrayList<>();
    String pendingReason = "";
    String[] lines = text.split("\\R", -1);
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n].strip();
      if (line.isEmpty()) {
        pendingReason = "";
        continue;
      }
      if (line.startsWith("#")) {
        String c = line.substring(1).strip();
        pendingReason =
            c.toLowerCase(Locale.ROOT).startsWith("reason:") ? c.substring(7).strip() : c;
        continue;
      }
      String reason = pendingReason;
      int hash = line.indexOf(" #");
      if (hash >= 0) {
        reason = line.substring(hash + 2).strip();
        line = line.substring(0, hash).strip();
      }
      String[] parts = line.split("\\s+");
      if (!RULE_ID.matcher(parts[0]).matches()) {
        throw bad(file, n, "'" + parts[0] + "' is not a rule id");
      }
      PathMatcher glob = null;
      List<String> res = null;
      for (int i = 1; i < parts.length; i++) {
        String p = parts[i];
        if (p.startsWith("file=")) {
          try {
            glob = FileSystems.getDefault().getPathMatcher("glob:" + p.substring(5));
          } catch (IllegalArgumentException e) {
            throw bad(file, n, "bad glob in " + p + ": " + e.getMessage());
          }
        } else if (p.startsWith("resource=")) {
          res = List.of(p.substring(9).split("/", -1));
          if (res.size() < 2 || res.size() > 3) {
            throw bad(file, n, "resource= takes Kind/name or Kind/namespace/name, not " + p);
          }
        } else {
          throw bad(file, n, "unknown field '" + p + "' (use file=GLOB or resource=KIND/NS/NAME)");
        }
      }
      entries.add(new Entry(parts[0].toUpperCase(Locale.ROOT), glob, res, reason));
      pendingReason = "";
    }
    return new IgnoreFile(List.copyOf(entries));
  }

  private static BulkheadException bad(Path file, int line, String message) {
    return new BulkheadException("ignore file " + file + ":" + (line + 1) + ": " + message);
  }

  /** Marks the finding suppressed when an entry matches it. */
  public ConfigFinding apply(ConfigFinding f) {
    if (f.suppression() != null) {
      return f;
    }
    for (Entry e : entries) {
      if (matches(e, f)) {
        return f.suppressed(new Suppression("ignorefile", e.reason()));
      }
    }
    return f;
  }

  private static boolean matches(Entry e, ConfigFinding f) {
    if (!e.ruleId().equalsIgnoreCase(f.rule().id())) {
      return false;
    }
    if (e.file() != null) {
      String file = f.location().file();
      boolean ok;
      try {
        Path p = Path.of(file).normalize();
        ok = e.file().matches(p) || (p.getFileName() != null && e.file().matches(p.getFileName()));
      } catch (java.nio.file.InvalidPathException ex) {
        ok = false;
      }
      if (!ok) {
        return false;
      }
    }
    if (e.resource() != null) {
      ResourceRef r = f.resource();
      if (r == null) {
        return false;
      }
      List<String> want = e.resource();
      String kind = want.get(0);
      String ns = want.size() == 3 ? want.get(1) : "*";
      String name = want.get(want.size() - 1);
      return part(kind, r.kind()) && part(ns, r.namespace()) && part(name, r.name());
    }
    return true;
  }

  private static boolean part(String want, String have) {
    return want.equals("*") || want.equals(have == null ? "" : have);
  }
}
