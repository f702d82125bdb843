package dev.bulkhead.image.langbin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;

/** Opens streaming JSON parsers with tight limits on nesting, string and number sizes. */
final class JsonFiles {
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(64)
                  .maxStringLength(1024 * 1024)
                  .maxNumberLength(64)
                  .maxNameLength(64 * 1024)
                  .build())
          .build()
          .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);

  private JsonFiles() {}

  /** Opens a parser on a stream, which it will not close. */
  static JsonParser open(InputStream in) throws IOException {
    return FACTORY.createParser(in);
  }

  /**
   * Reads the string fields {@code a} and {@code b} of the object the parser is at (on its {@code
   * START_OBJECT}), skipping every other member; returns null for a non-object.
   */
  static String[] twoFields(JsonParser p, String a, String b) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return null;
    }
    String[] out = new String[2];
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      if (v == JsonToken.VALUE_STRING && field.equals(a)) {
        out[0] = p.getText();
      } else if (v == JsonToken.VALUE_STRING && field.equals(b)) {
        out[1] = p.getText();
      } else {
        p.skipChildren();
      }
    }
    return out;
  }
}
