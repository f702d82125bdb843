package dev.bulkhead.image.registry;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Holds a parsed {@code WWW-Authenticate} challenge, e.g. {@code Bearer
 * realm="https://auth.example/token",service="registry",scope="repository:app:pull"}.
 *
 * @param scheme the lowercase auth scheme, {@code basic} or {@code bearer}
 * @param params the challenge parameters by lowercase name
 */
record AuthChallenge(String scheme, Map<String, String> params) {
  private static final int MAX_LENGTH = 8192;

  /** Parses a challenge header value; returns a challenge with an empty scheme for null/blank. */
  static AuthChallenge parse(String header) {
    Map<String, String> params = new LinkedHashMap<>();
    if (header == null || header.isBlank() || header.length() > MAX_LENGTH) {
      return new AuthChallenge("", params);
    }
    String text = header.trim();
    int space = text.indexOf(' ');
    String scheme = (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
    int i = space < 0 ? text.length() : space + 1;
    while (i < text.length()) {
      int eq = text.indexOf('=', i);
      if (eq < 0) {
        break;
      }
      String name = text.substring(i, eq).trim().toLowerCase(Locale.ROOT);
      StringBuilder value = new StringBuilder();
      int j = eq + 1;
      if (j < text.length() && text.charAt(j) == '"') {
        j++;
        while (j < text.length() && text.charAt(j) != '"') {
          if (text.charAt(j) == '\\' && j + 1 < text.length()) {
            j++;
          }
          value.append(text.charAt(j++));
        }
        j++;
      } else {
        while (j < text.length() && text.charAt(j) != ',') {
          value.append(text.charAt(j++));
        }
      }
      params.put(name, value.toString().trim());
      int comma = text.indexOf(',', j);
      i = comma < 0 ? text.length() : comma + 1;
    }
    return new AuthChallenge(scheme, params);
  }

  /** Returns a parameter, or {@code null}. */
  String param(String name) {
    return params.get(name);
  }
}
