package dev.bulkhead.config.cel;

import com.google.protobuf.ByteString;
import com.google.protobuf.NullValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts a parsed YAML or JSON tree into the values cel-java evaluates: {@code Long} for
 * integers, {@code Double} for other numbers, {@link NullValue} for null, and keys as strings.
 */
final class CelValues {
  static final int MAX_DEPTH = 100;

  private CelValues() {}

  /**
   * Converts one value.
   *
   * @throws IllegalArgumentException when the tree nests deeper than {@link #MAX_DEPTH}
   */
  static Object of(Object value) {
    return convert(value, 0);
  }

  private static Object convert(Object v, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("object nests deeper than " + MAX_DEPTH + " levels");
    }
    if (v == null) {
      return NullValue.NULL_VALUE;
    }
    if (v instanceof String || v instanceof Boolean || v instanceof Long || v instanceof Double) {
      return v;
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof BigInteger) {
      BigInteger b = (BigInteger) v;
      return b.bitLength() < 64 ? (Object) b.longValue() : (Object) b.doubleValue();
    }
    if (v instanceof Float || v instanceof BigDecimal) {
      return ((Number) v).doubleValue();
    }
    if (v instanceof byte[]) {
      return ByteString.copyFrom((byte[]) v);
    }
    if (v instanceof Map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        out.put(String.valueOf(e.getKey()), convert(e.getValue(), depth + 1));
      }
      return out;
    }
    if (v instanceof Collection) {
      List<Object> out = new ArrayList<>(((Collection<?>) v).size());
      for (Object o : (Collection<?>) v) {
        out.add(convert(o, depth + 1));
      }
      return out;
    }
    return v.toString();
  }
}
