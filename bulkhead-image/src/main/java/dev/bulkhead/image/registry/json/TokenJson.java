package dev.bulkhead.image.registry.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Holds a token server's answer; servers send {@code token}, {@code access_token} or both.
 *
 * @param token the bearer token
 * @param accessToken the OAuth2 name of the same token
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TokenJson(String token, @JsonProperty("access_token") String accessToken) {

  /** Returns the token, whichever field carried it, or {@code null}. */
  public String bearer() {
    return token != null && !token.isEmpty() ? token : accessToken;
  }
}
