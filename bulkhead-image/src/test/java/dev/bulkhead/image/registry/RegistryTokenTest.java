package dev.bulkhead.image.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulkhead.core.BulkheadException;
import java.net.http.HttpClient;
import org.junit.jupiter.api.Test;

/** A bearer token from the environment goes only to the registry it names. */
class RegistryTokenTest {
  private static final AuthChallenge BASIC = AuthChallenge.parse("Basic realm=\"r\"");

  private static String answer(RegistryOptions o, String image) throws BulkheadException {
    return new Authenticator(HttpClient.newHttpClient(), ImageReference.parse(image), o)
        .authorize(BASIC, "pull " + image);
  }

  @Test
  void environmentTokenIsSentOnlyToItsRegistry() throws Exception {
    RegistryOptions o =
        RegistryOptions.defaults().withEnvironmentToken("s3cret", "Registry.Example.com:5000");
    assertThat(answer(o, "registry.example.com:5000/team/app:1")).isEqualTo("Bearer s3cret");
    assertThat(answer(o, "evil.example.net/team/app:1")).isNull();
    assertThat(answer(o, "registry.example.com/team/app:1")).isNull();
  }

  @Test
  void environmentTokenWithoutItsRegistryIsRefused() throws Exception {
    assertThatThrownBy(() -> RegistryOptions.defaults().withEnvironmentToken("s3cret", null))
        .isInstanceOf(BulkheadException.class)
        .hasMessageContaining(RegistryOptions.TOKEN_HOST_ENV);
    assertThat(RegistryOptions.defaults().withEnvironmentToken(null, null).token()).isNull();
  }
}
