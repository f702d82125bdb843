package dev.bulkhead.image.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;

/** Reads size-bounded JSON documents (manifests, indexes, configs) from image storage. */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /**
   * Reads at most {@code max} bytes of {@code in}.
   *
   * @throws IOException when the stream holds more than {@code max} bytes
   */
  public static byte[] readBounded(InputStream in, int max, String what) throws IOException {
    byte[] bytes = in.readNBytes(max);
    if (bytes.length == max && in.read() >= 0) {
      throw new IOException(what + " is larger than " + (max >> 20) + " MiB");
    }
    return bytes;
  }

  /** Parses {@code bytes} as a JSON tree. */
  public static JsonNode parse(byte[] bytes, String what) throws IOException {
    try {
      return MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw new IOException(what + " is not valid JSON: " + firstLine(e.getMessage()), e);
    }
  }

  /** Returns the text of a field, or {@code null} when absent or not text. */
  public static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
