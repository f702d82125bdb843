package dev.bulkhead.runtime.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Renders alerts as single-line JSON. */
public final class AlertJson {
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);

  private AlertJson() {}

  /** One line of JSON, without the line break. */
  public static String line(Alert a) {
    try {
      return JSON.writeValueAsString(a);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("alert not serialisable: " + e.getMessage(), e);
    }
  }

  /** Parses a line written by {@link #line}. */
  public static Alert parse(String line) throws JsonProcessingException {
    return JSON.readValue(line, Alert.class);
  }
}
