package dev.bulkhead.core.sbom;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Holds a parsed package URL (<a href="https://github.com/package-url/purl-spec">purl</a>) with its
 * components percent-decoded, and matches package URLs as VEX documents name products.
 *
 * @param type the lower-case type ({@code deb}, {@code apk}, {@code maven}, {@code npm}...)
 * @param namespace the namespace segments joined by {@code /}, or {@code null}
 * @param name the name
 * @param version the version, or {@code null}
 * @param qualifiers the qualifiers by lower-case key, sorted
 * @param subpath the subpath, or {@code null}
 */
public record Purl(
    String type,
    String namespace,
    String name,
    String version,
    Map<String, String> qualifiers,
    String subpath) {
  /** The longest package URL accepted. */
  static final int MAX_LENGTH = 4096;

  /** Normalises the qualifiers to an immutable sorted copy. */
  public Purl {
    qualifiers =
        qualifiers == null
            ? Map.of()
            : Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(qualifiers)));
  }

  /**
   * Parses a package URL.
   *
   * @throws IllegalArgumentException when {@code s} is not a package URL; the message says why
   */
  public static Purl parse(String s) {
    if (s == null || s.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("not a package URL (null or longer than 4096 characters)");
    }
    String rest = s.strip();
    if (!rest.regionMatches(true, 0, "pkg:", 0, 4)) {
      throw new IllegalArgumentException(
          "'" + s + "' is not a package URL: it must start with pkg:");
    }
    rest = rest.substring(4);
    while (rest.startsWith("/")) {
      rest = rest.substring(1);
    }
    String subpath = null;
    int hash = rest.indexOf('#');
    if (hash >= 0) {
      subpath = decode(stripSlashes(rest.substring(hash + 1)));
      rest = rest.substring(0, hash);
    }
    Map<String, String> qualifiers = new TreeMap<>();
    int question = rest.indexOf('?');
    if (question >= 0) {
      for (String pair : rest.substring(question + 1).split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && eq < pair.length() - 1) {
          qualifiers.put(
              pair.substring(0, eq).toLowerCase(Locale.ROOT), decode(pair.substring(eq + 1)));
        }
      }
      rest = rest.substring(0, question);
    }
    String version = null;
    int at = rest.lastIndexOf('@');
    if (at >= 0) {
      version = decode(rest.substring(at + 1));
      rest = rest.substring(0, at);
    }
    rest = stripSlashes(rest);
    int slash = rest.indexOf('/');
    if (slash <= 0) {
      throw new IllegalArgumentException(
          "'" + s + "' is not a package URL: it needs pkg:TYPE/NAME at least");
    }
    String type = rest.substring(0, slash).toLowerCase(Locale.ROOT);
    List<String> segments = List.of(stripSlashes(rest.substring(slash + 1)).split("/"));
    String name = decode(segments.get(segments.size() - 1));
    if (name.isEmpty()) {
      throw new IllegalArgumentException("'" + s + "' is not a package URL: its name is empty");
    }
    String namespace = null;
    if (segments.size() > 1) {
      StringBuilder ns = new StringBuilder();
      for (String seg : segments.subList(0, segments.size() - 1)) {
        if (!seg.isEmpty()) {
          ns.append(ns.length() == 0 ? "" : "/").append(decode(seg));
        }
      }
      namespace = ns.length() == 0 ? null : ns.toString();
    }
    return new Purl(
        type,
        namespace,
        name,
        version == null || version.isEmpty() ? null : version,
        qualifiers,
        subpath == null || subpath.isEmpty() ? null : subpath);
  }

  /** Parses a package URL, returning {@code null} when {@code s} is null or not one. */
  public static Purl parseOrNull(String s) {
    if (s == null) {
      return null;
    }
    try {
      return parse(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Tells whether this product identifier, as a VEX statement names it, covers {@code pkg}: type,
   * namespace and name are equal (case-insensitively for types whose names are case-insensitive), a
   * version here must equal the package's (none matches every version), and every qualifier here
   * must be present with the same value on the package (none matches any qualifiers).
   *
   * @see <a href="https://github.com/openvex/spec/blob/main/OPENVEX-SPEC.md">OpenVEX product
   *     matching</a>
   */
  public boolean covers(Purl pkg) {
    if (!type.equals(pkg.type)) {
      return false;
    }
    boolean folds = CASE_INSENSITIVE_TYPES.contains(type);
    if (!same(namespace, pkg.namespace, folds) || !sameName(pkg.name, folds)) {
      return false;
    }
    if (version != null && !version.equals(pkg.version)) {
      return false;
    }
    if (subpath != null && !subpath.equals(pkg.subpath)) {
      return false;
    }
    for (Map.Entry<String, String> q : qualifiers.entrySet()) {
      if (!q.getValue().equals(pkg.qualifiers.get(q.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private static final List<String> CASE_INSENSITIVE_TYPES =
      List.of("deb", "apk", "npm", "pypi", "github", "bitbucket", "golang", "composer", "alpm");

  private boolean sameName(String other, boolean folds) {
    if ("pypi".equals(type)) {
      // PyPI names compare after PEP 503 normalisation, as the purl spec's pypi type says.
      return normalisePypi(name).equals(normalisePypi(other));
    }
    return same(name, other, folds);
  }

  private static boolean same(String a, String b, boolean folds) {
    if (a == null || b == null) {
      return a == null && b == null;
    }
    return folds ? a.equalsIgnoreCase(b) : a.equals(b);
  }

  /** Normalises a PyPI name as PEP 503 does: lower case, runs of '-', '_', '.' become one '-'. */
  public static String normalisePypi(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
  }

  /** Tells whether a purl type names OS packages ({@code deb}, {@code apk}, {@code rpm}). */
  public static boolean isOsType(String type) {
    return "deb".equals(type) || "apk".equals(type) || "rpm".equals(type);
  }

  private static String stripSlashes(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == '/') {
      start++;
    }
    while (end > start && s.charAt(end - 1) == '/') {
      end--;
    }
    return s.substring(start, end);
  }

  /** Percent-decodes a component as UTF-8; a malformed escape is kept literally. */
  static String decode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      int hi = i + 2 < bytes.length ? Character.digit(bytes[i + 1], 16) : -1;
      int lo = i + 2 < bytes.length ? Character.digit(bytes[i + 2], 16) : -1;
      if (bytes[i] == '%' && hi >= 0 && lo >= 0) {
        out.write(hi * 16 + lo);
        i += 2;
      } else {
        out.write(bytes[i]);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
