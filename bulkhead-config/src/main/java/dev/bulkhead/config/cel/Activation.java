package dev.bulkhead.config.cel;

import com.google.protobuf.NullValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the variables an admission policy sees for an object read from a file: {@code object}, a
 * {@code request} describing its creation, and null {@code oldObject} and {@code namespaceObject}.
 */
final class Activation {
  private Activation() {}

  /**
   * Returns the activation.
   *
   * @throws IllegalArgumentException when the object nests too deeply
   */
  static Map<String, Object> of(
      Map<String, Object> object, String apiVersion, String kind, String namespace, String name) {
    int slash = apiVersion.indexOf('/');
    Map<String, Object> gvk = new LinkedHashMap<>();
    gvk.put("group", slash < 0 ? "" : apiVersion.substring(0, slash));
    gvk.put("version", slash < 0 ? apiVersion : apiVersion.substring(slash + 1));
    gvk.put("kind", kind);
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("operation", "CREATE");
    request.put("kind", gvk);
    request.put("name", name);
    request.put("namespace", namespace == null ? "" : namespace);
    request.put("dryRun", true);
    request.put("userInfo", Map.of("username", ""));
    Map<String, Object> activation = new LinkedHashMap<>();
    activation.put("object", CelValues.of(object));
    activation.put("oldObject", NullValue.NULL_VALUE);
    activation.put("namespaceObject", NullValue.NULL_VALUE);
    activation.put("request", request);
    return activation;
  }
}
