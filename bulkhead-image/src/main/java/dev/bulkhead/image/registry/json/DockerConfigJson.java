package dev.bulkhead.image.registry.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/**
 * Holds the parts of docker's {@code config.json} that carry registry credentials.
 *
 * @param auths credentials by registry key ({@code host[:port]} or a URL)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DockerConfigJson(Map<String, Auth> auths) {

  /**
   * Holds the credentials of one registry.
   *
   * @param auth base64 of {@code user:password}, or {@code null}
   * @param username the user, or {@code null}
   * @param password the password, or {@code null}
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Auth(String auth, String username, String password) {
    @Override
    public String toString() {
      return "Auth[username=" + username + ", secrets=***]";
    }
  }
}
