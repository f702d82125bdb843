package dev.bulkhead.secrets;

import static dev.bulkhead.secrets.SecretRulesTest.scan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.ContentFinding;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UserRulesTest {
  private final Random random = new Random(3);

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(UserRulesTest.class.getResource("user-rules/" + name).toURI());
  }

  private String jwt() {
    return "eyJ"
        + Templates.random("b64url", 30, random)
        + ".eyJ"
        + Templates.random("b64url", 60, random)
        + "."
        + Templates.random("b64url", 43, random);
  }

  @Test
  void addsARuleDisablesOneAndAllowsAPath() throws Exception {
    SecretScanner s = SecretScanner.builder().userRules(fixture("custom.yaml")).build();
    assertThat(s.rules()).extracting(SecretRule::id).contains("acme-api-key").doesNotContain("jwt");
    SecretRule acme = s.rules().get(s.rules().size() - 1);
    assertThat(acme.source()).endsWith("custom.yaml:6");
    String key = "acme_" + Templates.random("hex", 32, random);
    assertThat(scan(s, "srv/app.env", "ACME=" + key + "\nTOKEN=" + jwt() + "\n"))
        .extracting(ContentFinding::ruleId)
        .containsExactly("acme-api-key");
    assertThat(scan(s, "opt/vendor/app.env", "ACME=" + key)).isEmpty();
    // The default scanner still reports the JWT.
    assertThat(scan(SecretScannerTestSupport.scanner(), "srv/app.env", "TOKEN=" + jwt()))
        .extracting(ContentFinding::ruleId)
        .containsExactly("jwt");
  }

  @Test
  void reportsASyntaxErrorWithFileAndLine() throws Exception {
    Path f = fixture("broken-syntax.yaml");
    assertThatThrownBy(() -> SecretScanner.builder().userRules(f).build())
        .isInstanceOf(BulkheadException.class)
        .hasMessageStartingWith("read secret rules " + f + " failed at line 5: ")
        .hasMessageEndingWith("fix the YAML syntax there");
  }

  @Test
  void reportsAnInvalidRegexWithItsLine() throws Exception {
    Path f = fixture("bad-regex.yaml");
    assertThatThrownBy(() -> SecretScanner.builder().userRules(f).build())
        .hasMessageStartingWith("read secret rules " + f + " failed at line 7: invalid regex: ");
  }

  @Test
  void reportsAnUnknownKeyWithItsLine() throws Exception {
    Path f = fixture("unknown-key.yaml");
    assertThatThrownBy(() -> SecretScanner.builder().userRules(f).build())
        .hasMessageStartingWith(
            "read secret rules " + f + " failed at line 7: unknown rule key 'regexp'");
  }

  @Test
  void refusesToShadowABuiltInRuleUnlessDisabled() throws Exception {
    Path f = fixture("clash.yaml");
    assertThatThrownBy(() -> SecretScanner.builder().userRules(f).build())
        .hasMessage(
            "read secret rules "
                + f
                + ":2 failed: rule id 'github-token' is built in; pick another id or add it to"
                + " disable: to replace it");
  }

  @Test
  void reportsAMissingFile() {
    Path f = Path.of("no/such/rules.yaml");
    assertThatThrownBy(() -> SecretScanner.builder().userRules(f).build())
        .hasMessageStartingWith("read secret rules " + f + " failed: ")
        .hasMessageContaining("NoSuchFileException");
  }
}
