package dev.bulkhead.image.registry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Holds a user name and password for basic auth or a token server; {@link #toString()} hides the
 * password.
 *
 * @param username the user
 * @param password the password or personal access token
 */
record Credentials(String username, String password) {

  /** Returns the value of an {@code Authorization: Basic} header. */
  String basicHeader() {
    String pair = username + ":" + password;
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "Credentials[username=" + username + ", password=***]";
  }
}
