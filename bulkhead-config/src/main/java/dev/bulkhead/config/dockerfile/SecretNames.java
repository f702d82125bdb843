package dev.bulkhead.config.dockerfile;

import java.util.List;
import java.util.regex.Pattern;

/** Decides whether an ENV or ARG carries a secret, by its name or by the shape of its value. */
final class SecretNames {
  private static final List<String> WORDS =
      List.of(
          "password",
          "passwd",
          "passphrase",
          "secret",
          "token",
          "apikey",
          "accesskey",
          "privatekey",
          "credential",
          "authkey");
  private static final Pattern NOT_A_VALUE =
      Pattern.compile(
          "(?i).*[_.-](file|path|dir|location|length|len|ttl|expiry|header|name|url|uri|endpoint|host|port|type|mode|enabled|version|timeout)$");
  private static final Pattern VALUE_SHAPES =
      Pattern.compile(
          "AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{40,}"
              + "|glpat-[A-Za-z0-9_-]{20}|xox[abprs]-[A-Za-z0-9-]{10,}|sk_live_[A-Za-z0-9]{16,}"
              + "|AIza[0-9A-Za-z_-]{35}|-----BEGIN [A-Z ]*PRIVATE KEY-----"
              + "|\\b[a-z][a-z0-9+.-]{0,30}://[^/\\s:@]{1,256}:[^/\\s@$]{1,256}@");
  private static final Pattern ONLY_REFERENCE =
      Pattern.compile("\\$\\{?[A-Za-z_][A-Za-z0-9_]*(?::?[-+?][^}]*)?}?");

  private SecretNames() {}

  /**
   * Returns why {@code key=value} leaks a secret, or {@code null}.
   *
   * @param value the value, or {@code null} for an ARG without default
   * @param env whether this is ENV (stored in the image config) rather than ARG
   */
  static String why(String key, String value, boolean env) {
    if (value != null && VALUE_SHAPES.matcher(value).find()) {
      return "holds a value shaped like a credential";
    }
    StringBuilder sb = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c != '_' && c != '.' && c != '-') {
        sb.append(Character.toLowerCase(c));
      }
    }
    String k = sb.toString();
    boolean named = WORDS.stream().anyMatch(k::contains) && !NOT_A_VALUE.matcher(key).matches();
    if (!named) {
      return null;
    }
    String v = value == null ? "" : value.strip();
    if (v.isEmpty()) {
      return env
          ? null
          : "is a build argument; values passed with --build-arg are kept in the image history";
    }
    if (ONLY_REFERENCE.matcher(v).matches()) {
      return env ? "copies " + v + " into the image config, where it stays readable" : null;
    }
    return env
        ? "sets a secret-looking value that is stored in the image config"
        : "has a secret-looking default that is kept in the image history";
  }
}
