package dev.bulkhead.config.yaml;

import java.util.List;
import java.util.Map;

/**
 * Reads fields out of the plain values {@link YamlDocs} builds, tolerating missing and mistyped
 * fields (a wrong type reads as absent).
 */
public final class Yaml {
  private Yaml() {}

  /** Returns the value at {@code path} under {@code root}, or {@code null}. */
  public static Object get(Object root, Object... path) {
    Object cur = root;
    for (Object step : path) {
      if (step instanceof String && cur instanceof Map) {
        cur = ((Map<?, ?>) cur).get(step);
      } else if (step instanceof Integer && cur instanceof List) {
        List<?> l = (List<?>) cur;
        int i = (Integer) step;
        cur = i >= 0 && i < l.size() ? l.get(i) : null;
      } else {
        return null;
      }
      if (cur == null) {
        return null;
      }
    }
    return cur;
  }

  /** Returns the map at {@code path}, or an empty map. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Object root, Object... path) {
    Object v = get(root, path);
    return v instanceof Map ? (Map<String, Object>) v : Map.of();
  }

  /** Returns the list at {@code path}, or an empty list. */
  @SuppressWarnings("unchecked")
  public static List<Object> list(Object root, Object... path) {
    Object v = get(root, path);
    return v instanceof List ? (List<Object>) v : List.of();
  }

  /** Returns the string at {@code path} (numbers and booleans as text), or {@code null}. */
  public static String string(Object root, Object... path) {
    Object v = get(root, path);
    return v == null || v instanceof Map || v instanceof List ? null : String.valueOf(v);
  }

  /** Returns the boolean at {@code path}, or {@code null} when absent or not a boolean. */
  public static Boolean bool(Object root, Object... path) {
    Object v = get(root, path);
    return v instanceof Boolean ? (Boolean) v : null;
  }

  /** Returns the integer at {@code path}, or {@code null} when absent or not a whole number. */
  public static Long integer(Object root, Object... path) {
    Object v = get(root, path);
    return v instanceof Long ? (Long) v : null;
  }
}
