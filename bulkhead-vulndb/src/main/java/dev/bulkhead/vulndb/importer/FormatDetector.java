package dev.bulkhead.vulndb.importer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** Tells an advisory file's format from its first bytes, whatever the file is called. */
final class FormatDetector {
  private FormatDetector() {}

  private static final int SNIFF = 64 * 1024;
  private static final Set<String> OSV_FIELDS =
      Set.of(
          "id",
          "schema_version",
          "modified",
          "published",
          "withdrawn",
          "aliases",
          "upstream",
          "related",
          "summary",
          "details",
          "severity",
          "affected",
          "references",
          "credits",
          "database_specific");
  private static final Set<String> SECDB_FIELDS =
      Set.of("distroversion", "reponame", "archs", "urlprefix", "apkurl", "packages");

  /** Returns the format of the file, {@link Format#UNKNOWN} when it is none Bulkhead reads. */
  static Format detect(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(SNIFF);
    }
    if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
      return Format.OSV_ZIP;
    }
    String text = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "");
    String trimmed = text.stripLeading();
    if (trimmed.startsWith("{")) {
      return sniffJson(head);
    }
    return sniffYaml(text);
  }

  private static Format sniffJson(byte[] head) {
    try (JsonParser p = Trees.FACTORY.createParser(head)) {
      if (p.nextToken() != JsonToken.START_OBJECT || p.nextToken() != JsonToken.FIELD_NAME) {
        return Format.UNKNOWN;
      }
      String first = p.currentName();
      if (OSV_FIELDS.contains(first)) {
        return Format.OSV_JSON;
      }
      if (SECDB_FIELDS.contains(first)) {
        return Format.ALPINE_SECDB_JSON;
      }
      // The tracker: {src_pkg: {CVE-id: {...}}}.
      if (p.nextToken() == JsonToken.START_OBJECT
          && p.nextToken() == JsonToken.FIELD_NAME
          && p.nextToken() == JsonToken.START_OBJECT) {
        return Format.DEBIAN_TRACKER;
      }
      return Format.UNKNOWN;
    } catch (IOException e) {
      // A truncated prefix ends the sniff; what was seen so far decided nothing.
      return Format.UNKNOWN;
    }
  }

  private static Format sniffYaml(String text) {
    for (String line : text.split("\n", 200)) {
      if (line.isBlank() || line.startsWith("#") || line.startsWith("---")) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0 || Character.isWhitespace(line.charAt(0))) {
        continue;
      }
      String key = line.substring(0, colon).replace("\"", "").replace("'", "");
      if (SECDB_FIELDS.contains(key)) {
        return Format.ALPINE_SECDB_YAML;
      }
      if (OSV_FIELDS.contains(key)) {
        return Format.OSV_YAML;
      }
    }
    return Format.UNKNOWN;
  }
}
