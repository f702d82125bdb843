package dev.bulkhead.vulndb.importer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.constructor.ConstructYamlNull;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.FailsafeSchema;

/** Reads JSON and YAML documents into Jackson trees, with bounded sizes and nesting. */
final class Trees {
  private Trees() {}

  static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(64)
                  .maxStringLength(
                      Limits.MAX_ADVISORY_FILE > Integer.MAX_VALUE
                          ? Integer.MAX_VALUE
                          : (int) Limits.MAX_ADVISORY_FILE)
                  .build())
          // Callers digest the whole input after parsing, so the parser must not close it.
          .disable(com.fasterxml.jackson.core.StreamReadFeature.AUTO_CLOSE_SOURCE)
          .build();

  static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

  /** Parses one JSON document; the caller bounds the stream's size. */
  static JsonNode json(InputStream in) throws IOException {
    return MAPPER.readTree(in);
  }

  /**
   * Parses one YAML document with every scalar read as a string (so {@code 1.10} stays {@code
   * 1.10}), aliases bounded, into a tree.
   */
  static JsonNode yaml(InputStream in, long maxChars) {
    LoadSettings settings =
        LoadSettings.builder()
            .setSchema(new StringsSchema())
            .setCodePointLimit((int) Math.min(Integer.MAX_VALUE, maxChars))
            .setMaxAliasesForCollections(50)
            .setAllowDuplicateKeys(false)
            .build();
    Object doc =
        new Load(settings).loadFromReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    return MAPPER.valueToTree(doc);
  }

  /**
   * Reads every scalar as a string (YAML's failsafe schema) but accepts the empty values and
   * explicit nulls that older secdb files hold.
   */
  private static final class StringsSchema extends FailsafeSchema {
    @Override
    public Map<Tag, ConstructNode> getSchemaTagConstructors() {
      Map<Tag, ConstructNode> m = new HashMap<>(super.getSchemaTagConstructors());
      m.put(Tag.NULL, new ConstructYamlNull());
      return m;
    }
  }

  /** Returns a field's text, or {@code null} when missing, null or blank. */
  static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull() || v.isContainerNode()) {
      return null;
    }
    String s = v.asText().strip();
    return s.isEmpty() || s.equals("null") || s.equals("~") ? null : s;
  }

  /** Returns the texts of an array field's scalar items, skipping blanks. */
  static List<String> texts(JsonNode node, String field) {
    List<String> out = new ArrayList<>();
    JsonNode v = node == null ? null : node.get(field);
    if (v != null && v.isArray()) {
      for (JsonNode item : v) {
        if (item.isValueNode() && !item.isNull() && !item.asText().isBlank()) {
          out.add(item.asText().strip());
        }
      }
    }
    return out;
  }
}
