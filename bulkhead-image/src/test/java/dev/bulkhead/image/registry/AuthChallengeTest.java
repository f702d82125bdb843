package dev.bulkhead.image.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthChallengeTest {

  @Test
  void parsesDockerHubBearerChallenge() {
    AuthChallenge challenge =
        AuthChallenge.parse(
            "Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
                + "scope=\"repository:library/alpine:pull\",error=\"insufficient_scope\"");

    assertThat(challenge.scheme()).isEqualTo("bearer");
    assertThat(challenge.params())
        .containsExactly(
            Map.entry("realm", "https://auth.docker.io/token"),
            Map.entry("service", "registry.docker.io"),
            Map.entry("scope", "repository:library/alpine:pull"),
            Map.entry("error", "insufficient_scope"));
  }

  @Test
  void parsesBasicAndUnquotedAndEscapedValues() {
    AuthChallenge basic = AuthChallenge.parse("Basic realm=\"Registry \\\"Realm\\\"\"");
    AuthChallenge unquoted = AuthChallenge.parse("BEARER realm=http://h/t, service=s");

    assertThat(basic.scheme()).isEqualTo("basic");
    assertThat(basic.param("realm")).isEqualTo("Registry \"Realm\"");
    assertThat(unquoted.scheme()).isEqualTo("bearer");
    assertThat(unquoted.param("realm")).isEqualTo("http://h/t");
    assertThat(unquoted.param("service")).isEqualTo("s");
  }

  @Test
  void missingOrHugeHeaderHasNoScheme() {
    assertThat(AuthChallenge.parse(null).scheme()).isEmpty();
    assertThat(AuthChallenge.parse("Bearer realm=\"" + "x".repeat(10_000) + "\"").scheme())
        .isEmpty();
  }
}
