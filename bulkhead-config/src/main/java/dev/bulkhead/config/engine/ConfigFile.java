package dev.bulkhead.config.engine;

import dev.bulkhead.config.model.ConfigFinding;
import dev.bulkhead.config.model.Suppression;
import dev.bulkhead.config.spi.ConfigParseException;
import dev.bulkhead.config.yaml.Yaml;
import dev.bulkhead.config.yaml.YamlDoc;
import dev.bulkhead.config.yaml.YamlDocs;
import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --config} file: rules to disable and severities to change.
 *
 * <pre>
 * disable:
 *   - BH-K8S-0044             # findings stay in the report, marked suppressed (source: config)
 * severity:
 *   BH-K8S-0040: LOW
 * </pre>
 */
public final class ConfigFile {
  /** No changes. */
  public static final ConfigFile NONE = new ConfigFile(Set.of(), Map.of());

  private static final long MAX_SIZE = 1 << 20;

  private final Set<String> disabled;
  private final Map<String, Severity> severities;

  private ConfigFile(Set<String> disabled, Map<String, Severity> severities) {
    this.disabled = disabled;
    this.severities = severities;
  }

  /**
   * Reads a config file.
   *
   * @param known every rule id the scanners know, to reject typos
   * @throws BulkheadException naming the file, line and problem
   */
  public static ConfigFile read(Path file, Set<String> known) throws BulkheadException {
    String text = EngineIo.readSmall(file, MAX_SIZE, "config file");
    List<YamlDoc> docs;
    try {
      docs = YamlDocs.parse(file.toString(), text);
    } catch (ConfigParseException e) {
      throw new BulkheadException("config file " + e.getMessage() + "; fix the YAML");
    }
    if (docs.isEmpty()) {
      return NONE;
    }
    YamlDoc doc = docs.get(0);
    Map<String, Object> root = doc.root();
    for (String key : root.keySet()) {
      if (!key.equals("disable") && !key.equals("severity")) {
        throw error(doc, List.of(key), "unknown key '" + key + "' (use disable and severity)");
      }
    }
    Set<String> disabled = new LinkedHashSet<>();
    List<Object> dis = Yaml.list(root, "disable");
    for (int i = 0; i < dis.size(); i++) {
      String id = String.valueOf(dis.get(i)).strip().toUpperCase(Locale.ROOT);
      if (!known.contains(id)) {
        throw error(
            doc, List.of("disable", i), "unknown rule " + id + " (see bulkhead rules list)");
      }
      disabled.add(id);
    }
    Map<String, Severity> sev = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : Yaml.map(root, "severity").entrySet()) {
      String id = e.getKey().strip().toUpperCase(Locale.ROOT);
      if (!known.contains(id)) {
        throw error(
            doc,
            List.of("severity", e.getKey()),
            "unknown rule " + id + " (see bulkhead rules list)");
      }
      Severity s = Severity.parse(String.valueOf(e.getValue()));
      if (s == Severity.UNKNOWN) {
        throw error(
            doc,
            List.of("severity", e.getKey()),
            "severity '" + e.getValue() + "' is not LOW, MEDIUM, HIGH or CRITICAL");
      }
      sev.put(id, s);
    }
    return new ConfigFile(Set.copyOf(disabled), Map.copyOf(sev));
  }

  private static BulkheadException error(YamlDoc doc, List<Object> path, String message) {
    var at = doc.locate(path);
    return new BulkheadException(
        "config file " + at.file() + ":" + at.line() + ":" + at.column() + ": " + message);
  }

  /** Applies severity changes and marks findings of disabled rules suppressed. */
  public ConfigFinding apply(ConfigFinding f) {
    String id = f.rule().id();
    ConfigFinding out = f;
    Severity s = severities.get(id);
    if (s != null) {
      out = out.withSeverity(s);
    }
    if (disabled.contains(id) && out.suppression() == null) {
      out = out.suppressed(new Suppression("config", "disabled in the config file"));
    }
    return out;
  }

  /** Reads small text files for the engine, with clear errors. */
  static final class EngineIo {
    private EngineIo() {}

    static String readSmall(Path file, long max, String what) throws BulkheadException {
      try {
        long size = Files.size(file);
        if (size > max) {
          throw new BulkheadException(
              what + " " + file + " is " + size + " bytes; the limit is " + max);
        }
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new BulkheadException("cannot read " + what + " " + file + ": " + e);
      }
    }
  }
}
