package dev.bulkhead.core.suppress;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.io.LimitedInputStream;
import dev.bulkhead.core.sbom.Purl;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads an ignore file ({@code .bulkheadignore}) in one of two formats, told apart by the first
 * significant line.
 *
 * <p>Line format, one entry per line, {@code #} starting the reason:
 *
 * <pre>
 * CVE-2023-4911 purl=pkg:deb/debian/libc6 path=var/lib/dpkg/status expires=2027-01-31 # not setuid here
 * GHSA-jfh8-c2jp-5v3q
 * </pre>
 *
 * <p>YAML format, a list under {@code ignore:} (or a bare list):
 *
 * <pre>
 * ignore:
 *   - id: CVE-2023-4911
 *     purl: pkg:deb/debian/libc6
 *     path: var/lib/dpkg/status
 *     reason: not setuid here
 *     expires: 2027-01-31
 * </pre>
 */
public final class IgnoreFile {
  /** The file read from the current directory when no {@code --ignorefile} is given. */
  public static final String DEFAULT_NAME = ".bulkheadignore";

  /** The largest ignore file accepted. */
  public static final int MAX_BYTES = 1 << 20;

  /** The most entries accepted. */
  public static final int MAX_ENTRIES = 10_000;

  private static final Pattern YAML_START = Pattern.compile("^(-(\\s|$)|[A-Za-z_]+:(\\s|$)).*");

  /** The longest path glob accepted. */
  static final int MAX_GLOB = 4096;

  private static final Set<String> YAML_KEYS = Set.of("id", "purl", "path", "reason", "expires");

  private IgnoreFile() {}

  /**
   * Reads the entries of an ignore file.
   *
   * @throws BulkheadException naming the file and line when it is missing, too large, not UTF-8, or
   *     an entry is malformed (unknown key, bad purl, bad date, no id)
   */
  public static List<IgnoreRule> read(Path file) throws BulkheadException {
    String text = readText(file);
    String first = "";
    for (String line : text.split("\n", -1)) {
      String t = line.strip();
      if (!t.isEmpty() && !t.startsWith("#") && !t.equals("---")) {
        first = t;
        break;
      }
    }
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    boolean yaml =
        name.endsWith(".yaml") || name.endsWith(".yml") || YAML_START.matcher(first).matches();
    List<IgnoreRule> rules = yaml ? yaml(file, text) : lines(file, text);
    if (rules.size() > MAX_ENTRIES) {
      throw new BulkheadException(
          "ignore file " + file + " has more than " + MAX_ENTRIES + " entries; trim it");
    }
    return rules;
  }

  private static String readText(Path file) throws BulkheadException {
    try (InputStream in =
        new LimitedInputStream(Files.newInputStream(file), MAX_BYTES, "ignore file " + file)) {
      byte[] bytes = in.readAllBytes();
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString()
          .replace("\r\n", "\n");
    } catch (NoSuchFileException e) {
      throw new BulkheadException("ignore file " + file + " not found; check --ignorefile");
    } catch (CharacterCodingException e) {
      throw new BulkheadException("ignore file " + file + " is not UTF-8 text");
    } catch (LimitedInputStream.LimitExceededException e) {
      throw new BulkheadException(
          "ignore file " + file + " is larger than " + MAX_BYTES + " bytes; trim it");
    } catch (IOException e) {
      throw new BulkheadException("read ignore file " + file + " failed: " + e.getMessage(), e);
    }
  }

  private static List<IgnoreRule> lines(Path file, String text) throws BulkheadException {
    List<IgnoreRule> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String where = file + ":" + (i + 1);
      String line = lines[i];
      String reason = null;
      int hash = line.indexOf('#');
      if (hash >= 0) {
        reason = line.substring(hash + 1).strip();
        line = line.substring(0, hash);
      }
      String[] tokens = line.strip().split("\\s+");
      if (tokens[0].isEmpty()) {
        continue;
      }
      String purl = null;
      String path = null;
      String expires = null;
      for (int t = 1; t < tokens.length; t++) {
        String tok = tokens[t];
        if (tok.startsWith("purl=")) {
          purl = tok.substring(5);
        } else if (tok.startsWith("path=")) {
          path = tok.substring(5);
        } else if (tok.startsWith("expires=")) {
          expires = tok.substring(8);
        } else if (tok.startsWith("exp:")) {
          expires = tok.substring(4); // Trivy's .trivyignore spelling
        } else {
          throw new BulkheadException(
              "ignore file "
                  + where
                  + ": unknown token '"
                  + tok
                  + "'; write ID [purl=PURL] [path=GLOB] [expires=YYYY-MM-DD] [# reason]");
        }
      }
      out.add(
          rule(
              where,
              tokens[0],
              purl,
              path,
              reason == null || reason.isEmpty() ? null : reason,
              expires));
    }
    return out;
  }

  private static List<IgnoreRule> yaml(Path file, String text) throws BulkheadException {
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(file.toString())
            .setCodePointLimit(MAX_BYTES)
            .setMaxAliasesForCollections(20)
            .setAllowDuplicateKeys(false)
            .build();
    Object root;
    try {
      root = new Load(settings).loadFromString(text);
    } catch (YamlEngineException e) {
      throw new BulkheadException(
          "ignore file " + file + " is not valid YAML: " + e.getMessage().replace('\n', ' '), e);
    }
    if (root == null) {
      return List.of();
    }
    Object list = root instanceof Map<?, ?> m ? m.get("ignore") : root;
    if (root instanceof Map<?, ?> m && (m.size() != 1 || list == null)) {
      throw new BulkheadException(
          "ignore file " + file + ": the top level must be a list or a single 'ignore:' list");
    }
    if (list == null) {
      return List.of();
    }
    if (!(list instanceof List<?> entries)) {
      throw new BulkheadException("ignore file " + file + ": 'ignore' must be a list of entries");
    }
    List<IgnoreRule> out = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String where = file + " entry " + (i + 1);
      if (!(entries.get(i) instanceof Map<?, ?> e)) {
        throw new BulkheadException(
            "ignore file "
                + where
                + " is not a mapping; write '- id: CVE-…' with optional purl,"
                + " path, reason, expires");
      }
      for (Object key : e.keySet()) {
        if (!YAML_KEYS.contains(String.valueOf(key))) {
          throw new BulkheadException(
              "ignore file "
                  + where
                  + ": unknown key '"
                  + key
                  + "'; use id, purl, path, reason,"
                  + " expires");
        }
      }
      out.add(
          rule(
              where,
              str(e.get("id")),
              str(e.get("purl")),
              str(e.get("path")),
              str(e.get("reason")),
              str(e.get("expires"))));
    }
    return out;
  }

  private static IgnoreRule rule(
      String where, String id, String purl, String path, String reason, String expires)
      throws BulkheadException {
    if (id == null || id.isBlank()) {
      throw new BulkheadException("ignore file " + where + ": the entry has no vulnerability id");
    }
    Purl parsed = null;
    if (purl != null) {
      try {
        parsed = Purl.parse(purl);
      } catch (IllegalArgumentException ex) {
        throw new BulkheadException("ignore file " + where + ": " + ex.getMessage());
      }
    }
    if (path != null && path.length() > MAX_GLOB) {
      throw new BulkheadException(
          "ignore file "
              + where
              + ": the path glob is longer than "
              + MAX_GLOB
              + " characters; shorten it");
    }
    LocalDate date = null;
    if (expires != null) {
      try {
        date = LocalDate.parse(expires.strip());
      } catch (DateTimeParseException ex) {
        throw new BulkheadException(
            "ignore file " + where + ": expiry '" + expires + "' is not a date; write YYYY-MM-DD");
      }
    }
    return new IgnoreRule(id.strip(), parsed, path, reason, date, where);
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }
}
