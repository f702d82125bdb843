package dev.bulkhead.secrets;

import static dev.bulkhead.secrets.SecretRulesTest.scan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulkhead.core.ContentFinding;
import dev.bulkhead.core.spi.FileMeta;
import dev.bulkhead.core.spi.ImageMetadataView;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SecretScannerTest {
  private final Random random = new Random(7);
  private final SecretScanner scanner = SecretScannerTestSupport.scanner();

  private String key() {
    return "-----BEGIN OPENSSH PRIVATE KEY-----\n"
        + Templates.random("b64", 70, random)
        + "\n"
        + Templates.random("b64", 70, random)
        + "\n-----END OPENSSH PRIVATE KEY-----\n";
  }

  @Test
  void findsAKeyEmbeddedInABinaryFileAmongItsPrintableRuns() throws Exception {
    ByteArrayOutputStream bin = new ByteArrayOutputStream();
    bin.write(new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1, 2});
    byte[] noise = new byte[20_000];
    random.nextBytes(noise);
    bin.write(noise);
    bin.write(0);
    bin.write(key().getBytes(StandardCharsets.US_ASCII));
    bin.write(0);
    bin.write(noise);
    byte[] bytes = bin.toByteArray();
    List<ContentFinding> found =
        scanner.scan(
            new FileMeta("usr/local/bin/app", bytes.length, 0755, FileMeta.Type.FILE),
            new ByteArrayInputStream(bytes));
    assertThat(found).extracting(ContentFinding::ruleId).containsExactly("private-key");
    assertThat(found.get(0).line()).isZero();
    assertThat(found.get(0).excerpt()).isEqualTo("-----BEGIN OPENSSH PRIVATE KEY-----");
  }

  @Test
  void reportsOneBasedLinesAndMasksEveryExcerpt() throws Exception {
    String token = "ghp_" + Templates.random("alnum", 36, random);
    String text = "# config\n\nname: demo\ntoken: " + token + "\n";
    List<ContentFinding> found = scan(scanner, "app/config.yml", text);
    assertThat(found)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.line()).isEqualTo(4);
              assertThat(f.path()).isEqualTo("app/config.yml");
              assertThat(f.excerpt())
                  .isEqualTo("token: ghp_" + "*".repeat(34) + token.substring(38));
              assertThat(f.layer()).isNull();
            });
  }

  @Test
  void masksEverySecretOnTheLineAndShortensLongLines() throws Exception {
    String id = "AKIA" + Templates.random("b32", 16, random);
    String secret = Templates.random("b64", 40, random);
    String line =
        "x".repeat(300)
            + " aws_access_key_id="
            + id
            + " aws_secret_access_key="
            + secret
            + " "
            + "y".repeat(300);
    List<ContentFinding> found = scan(scanner, "app/min.js", line);
    assertThat(found)
        .extracting(ContentFinding::ruleId)
        .contains("aws-access-key-id", "aws-secret-access-key");
    for (ContentFinding f : found) {
      assertThat(f.excerpt()).hasSizeLessThanOrEqualTo(80);
      SecretRulesTest.assertNotRevealed(f.excerpt(), id.substring(4));
      SecretRulesTest.assertNotRevealed(f.excerpt(), secret);
    }
  }

  @Test
  void maskKeepsAtMostFourLeadingAndTwoTrailingCharacters() {
    assertThat(Excerpts.mask("abcdefghijklmnopqrst")).isEqualTo("abcd**************st");
    assertThat(Excerpts.mask("abcdefghij")).isEqualTo("ab********");
    assertThat(Excerpts.mask("abcdef")).isEqualTo("******");
  }

  @Test
  void refusesFilesOverTheLimitWithoutReadingThem() throws Exception {
    SecretScanner small = SecretScanner.builder().maxFileSize(1000).build();
    FileMeta big = new FileMeta("data/big.txt", 5000, 0644, FileMeta.Type.FILE);
    assertThat(small.accepts(big)).isTrue();
    assertThatThrownBy(() -> small.scan(big, new ByteArrayInputStream(new byte[0])))
        .isInstanceOf(FileSkippedException.class)
        .hasMessage(
            "skipped: 5000 bytes over the secret scanner's limit of 1000 (raise --secret-max-size)");
    // A stream longer than its declared size is cut off too.
    FileMeta lying = new FileMeta("data/lies.txt", 10, 0644, FileMeta.Type.FILE);
    assertThatThrownBy(() -> small.scan(lying, new ByteArrayInputStream(new byte[70_000])))
        .isInstanceOf(FileSkippedException.class);
  }

  @Test
  void acceptsRegularFilesOutsideAllowedPaths() {
    assertThat(scanner.accepts(new FileMeta("etc/app.conf", 10, 0644, FileMeta.Type.FILE)))
        .isTrue();
    assertThat(scanner.accepts(new FileMeta("etc", 0, 0755, FileMeta.Type.DIRECTORY))).isFalse();
    assertThat(scanner.accepts(new FileMeta("srv/logo.PNG", 10, 0644, FileMeta.Type.FILE)))
        .isFalse();
    assertThat(
            scanner.accepts(
                new FileMeta("go/src/x/testdata/key.pem", 10, 0644, FileMeta.Type.FILE)))
        .isFalse();
    assertThat(scanner.id()).isEqualTo("secret");
  }

  @Test
  void scansEnvironmentCommandLabelsAndHistory() {
    String secret = Templates.random("b64", 40, random);
    String npm = "npm_" + Templates.random("alnum", 36, random);
    String pass = Templates.random("alnum", 20, random);
    ImageMetadataView meta =
        new ImageMetadataView(
            List.of("PATH=/usr/bin", "AWS_SECRET_ACCESS_KEY=" + secret),
            List.of("/entrypoint.sh"),
            List.of("app", "--db-password=" + pass),
            Map.of("maintainer", "ops", "ci.token", "ghp_" + Templates.random("alnum", 36, random)),
            List.of(
                "/bin/sh -c #(nop) ADD file:abc in /",
                "|1 NPM_TOKEN=" + npm + " /bin/sh -c npm ci"));
    List<ContentFinding> found = scanner.scanMetadata(meta);
    assertThat(found)
        .extracting(f -> f.path() + " " + f.ruleId() + " " + f.line())
        .containsExactlyInAnyOrder(
            "config:Env aws-secret-access-key 2",
            "config:Cmd generic-secret-assignment 1",
            "config:Labels github-token 1",
            "history[1] npm-access-token 1");
    for (ContentFinding f : found) {
      assertThat(f.excerpt()).doesNotContain(secret).doesNotContain(npm).doesNotContain(pass);
    }
  }

  @Test
  void reportsASecretOnceEvenWhenSeveralKeywordsHitItsLine() throws Exception {
    String secret = Templates.random("b64", 40, random);
    String text = "aws_secret_access_key = " + secret + " # secret_access_key secretaccesskey\n";
    assertThat(scan(scanner, "a.env", text))
        .extracting(ContentFinding::ruleId)
        .containsExactly("aws-secret-access-key");
  }

  @Test
  void treatsLatin1TextAsBinaryButStillFindsSecrets() throws Exception {
    byte[] prefix = "caf\u00e9 ".getBytes(StandardCharsets.ISO_8859_1);
    String token = "glpat-" + Templates.random("alnum", 20, random);
    byte[] rest = (" token=" + token + "\n").getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[prefix.length + rest.length];
    System.arraycopy(prefix, 0, all, 0, prefix.length);
    System.arraycopy(rest, 0, all, prefix.length, rest.length);
    assertThat(TextForm.isBinary(all, all.length)).isTrue();
    List<ContentFinding> found =
        scanner.scan(
            new FileMeta("x.txt", all.length, 0644, FileMeta.Type.FILE),
            new ByteArrayInputStream(all));
    assertThat(found).extracting(ContentFinding::ruleId).containsExactly("gitlab-token");
  }

  @Test
  void scansARealSizedRsaKeyWithoutOverflowingTheRegexEngine() throws Exception {
    java.security.KeyPairGenerator gen = java.security.KeyPairGenerator.getInstance("RSA");
    gen.initialize(4096);
    byte[] der = gen.generateKeyPair().getPrivate().getEncoded();
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der)
            + "\n-----END PRIVATE KEY-----\n";
    List<ContentFinding> found =
        SecretRulesTest.scan(scanner, "srv/app/tls/server.key", "# key\n" + pem);
    assertThat(found).extracting(ContentFinding::ruleId).containsExactly("private-key");
    assertThat(found.get(0).line()).isEqualTo(2);
  }

  @Test
  void reportsADockerCredentialOnTheLineOfItsAuthField() throws Exception {
    String auth = Templates.random("b64", 40, random);
    String text =
        "{\n  \"auths\": {\n    \"registry.internal.test\": {\n      \"auth\": \""
            + auth
            + "\"\n    }\n  }\n}\n";
    List<ContentFinding> found = SecretRulesTest.scan(scanner, "root/.docker/config.json", text);
    assertThat(found).singleElement().satisfies(f -> assertThat(f.line()).isEqualTo(4));
  }

  @Test
  void skipsSelfTestKeysInsideSystemSharedLibraries() throws Exception {
    List<ContentFinding> found =
        SecretRulesTest.scan(scanner, "usr/lib/x86_64-linux-gnu/libgnutls.so.30.34.3", key());
    assertThat(found).isEmpty();
    assertThat(SecretRulesTest.scan(scanner, "opt/app/lib/libapp.so", key())).hasSize(1);
  }
}
