package dev.bulkhead.image.lang;

import dev.bulkhead.core.Package;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Guesses a Maven identity for an archive without {@code pom.properties}, from its manifest and
 * file name.
 *
 * <ul>
 *   <li>Version: {@code Implementation-Version}, else {@code Bundle-Version}, else the file name's
 *       version.
 *   <li>Artifact: the file name's artifact part ({@code artifact-1.2.3.jar}), else {@code
 *       Implementation-Title} when it has no spaces, else the last dot-separated part of {@code
 *       Bundle-SymbolicName}.
 *   <li>Group: {@code Implementation-Vendor-Id}, else {@code Bundle-SymbolicName} without its last
 *       dot-separated part (a guess: {@code org.apache.logging.log4j.core} gives {@code
 *       org.apache.logging.log4j}), else none (the purl then has no namespace).
 * </ul>
 *
 * <p>Without a version or an artifact there is no package.
 */
final class ManifestIdentity {
  private static final Pattern FILE =
      Pattern.compile("(.+?)-(\\d[^/]*?)\\.(?i:jar|war|ear|jpi|hpi)");

  private ManifestIdentity() {}

  /** Returns the guessed package, or null. */
  static Package of(Manifest manifest, String fileName, String path) {
    Attributes a = manifest == null ? new Attributes() : manifest.getMainAttributes();
    String fileArtifact = null;
    String fileVersion = null;
    Matcher m = FILE.matcher(fileName);
    if (m.matches()) {
      fileArtifact = m.group(1);
      fileVersion = m.group(2);
    }
    String symbolic = value(a, "Bundle-SymbolicName");
    if (symbolic != null) {
      int semi = symbolic.indexOf(';');
      symbolic = semi >= 0 ? symbolic.substring(0, semi).trim() : symbolic;
    }
    String version = first(value(a, "Implementation-Version"), value(a, "Bundle-Version"));
    version = first(version, fileVersion);
    String title = value(a, "Implementation-Title");
    if (title != null && title.chars().anyMatch(Character::isWhitespace)) {
      title = null;
    }
    String artifact = first(fileArtifact, title);
    String group = value(a, "Implementation-Vendor-Id");
    if (symbolic != null && symbolic.indexOf('.') > 0) {
      int dot = symbolic.lastIndexOf('.');
      artifact = first(artifact, symbolic.substring(dot + 1));
      group = first(group, symbolic.substring(0, dot));
    }
    if (version == null || artifact == null || artifact.isEmpty()) {
      return null;
    }
    return LangPackages.maven(group, artifact, version, path);
  }

  private static String value(Attributes a, String key) {
    String v = a.getValue(key);
    return v == null || v.isBlank() ? null : v.trim();
  }

  private static String first(String a, String b) {
    return a != null ? a : b;
  }
}
