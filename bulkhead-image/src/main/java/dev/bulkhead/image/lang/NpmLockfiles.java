package dev.bulkhead.image.lang;

import dev.bulkhead.core.Package;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code yarn.lock} and {@code pnpm-lock.yaml} line by line, without a YAML library: only the
 * top-level entry keys and their {@code version} lines are needed.
 *
 * <ul>
 *   <li>yarn v1 ({@code "a@^1", a@~1:} then {@code version "1.2.3"}) and berry ({@code "a@npm:^1":}
 *       then {@code version: 1.2.3}): the name is the first descriptor's part before its second
 *       {@code @}-free boundary ({@code @babel/core@^7} gives {@code @babel/core}); berry's {@code
 *       __metadata} and workspace entries ({@code @workspace:}, version {@code 0.0.0-use.local})
 *       are skipped, and so are descriptors that do not name a registry range ({@code git+https:},
 *       {@code file:}, {@code workspace:}, {@code patch:}...).
 *   <li>pnpm: keys under the top-level {@code packages:} map. v5 {@code /name/1.0.0} and {@code
 *       /@scope/name/1.0.0_peer}, v6 {@code /name@1.0.0(peer@2)}, v9 {@code name@1.0.0}; peer
 *       suffixes ({@code _...}, {@code (...)}) are dropped.
 * </ul>
 */
final class NpmLockfiles {
  private static final Pattern V5_KEY = Pattern.compile("((?:@[^/@]+/)?[^/@]+)/(\\d[^/]*)");

  private NpmLockfiles() {}

  /** Reads a yarn.lock (v1 or berry). */
  static void yarn(List<String> lines, String path, List<Package> out) {
    String name = null;
    for (String line : lines) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (!line.startsWith(" ")) {
        name = line.endsWith(":") ? yarnName(line) : null;
        continue;
      }
      String t = line.trim();
      if (name != null && (t.startsWith("version ") || t.startsWith("version:"))) {
        String v = unquote(t.substring(t.startsWith("version:") ? 8 : 7).trim());
        if (!v.equals("0.0.0-use.local")) {
          NpmAnalyzer.add(name, v, path, out);
        }
        name = null;
      }
    }
  }

  private static String yarnName(String header) {
    String all = unquote(header.substring(0, header.length() - 1).trim());
    String first = unquote(all.split(",")[0].trim());
    int at = first.indexOf('@', 1);
    if (first.startsWith("__metadata") || at < 0) {
      return null;
    }
    String range = first.substring(at + 1);
    boolean registry =
        !range.contains(":") || (range.startsWith("npm:") && !range.substring(4).contains(":"));
    return registry ? first.substring(0, at) : null;
  }

  /** Reads the {@code packages:} keys of a pnpm-lock.yaml (v5, v6 or v9). */
  static void pnpm(List<String> lines, String path, List<Package> out) {
    boolean inPackages = false;
    for (String line : lines) {
      if (line.isEmpty() || line.trim().startsWith("#")) {
        continue;
      }
      if (!line.startsWith(" ")) {
        inPackages = line.equals("packages:");
        continue;
      }
      if (!inPackages || !line.startsWith("  ") || line.charAt(2) == ' ' || !line.endsWith(":")) {
        continue;
      }
      String key = unquote(line.substring(2, line.length() - 1).trim());
      pnpmKey(key, path, out);
    }
  }

  private static void pnpmKey(String key, String path, List<Package> out) {
    String k = key.startsWith("/") ? key.substring(1) : key;
    int paren = k.indexOf('(');
    k = paren >= 0 ? k.substring(0, paren) : k;
    String name;
    String version;
    Matcher v5 = V5_KEY.matcher(k);
    int at = k.indexOf('@', 1);
    if (v5.matches()) {
      name = v5.group(1);
      version = v5.group(2);
      int underscore = version.indexOf('_');
      version = underscore >= 0 ? version.substring(0, underscore) : version;
    } else if (at > 0) {
      name = k.substring(0, at);
      version = k.substring(at + 1);
    } else {
      return;
    }
    NpmAnalyzer.add(name, version, path, out);
  }

  private static String unquote(String s) {
    if (s.length() >= 2
        && (s.charAt(0) == '"' || s.charAt(0) == '\'')
        && s.charAt(s.length() - 1) == s.charAt(0)) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }
}
