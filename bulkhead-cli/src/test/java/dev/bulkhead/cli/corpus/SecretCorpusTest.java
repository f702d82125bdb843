package dev.bulkhead.cli.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks that the corpus generator plants every family where its labels say, repeatably. */
class SecretCorpusTest {
  private static final Map<String, Pattern> MARKERS =
      Map.ofEntries(
          Map.entry(Families.AWS, Pattern.compile("AKIA|ASIA|secret|SECRET|session_token")),
          Map.entry(Families.GCP, Pattern.compile("service_account|private_key|client_email")),
          Map.entry(Families.AZURE, Pattern.compile("AccountKey=|&sig=")),
          Map.entry(Families.PRIVATE_KEY, Pattern.compile("PRIVATE KEY|client-key-data")),
          Map.entry(Families.GITHUB, Pattern.compile("ghp_|github_pat_")),
          Map.entry(Families.GITLAB, Pattern.compile("glpat-")),
          Map.entry(Families.BITBUCKET, Pattern.compile("ATBB")),
          Map.entry(Families.NPM, Pattern.compile("_authToken=npm_")),
          Map.entry(Families.PYPI, Pattern.compile("pypi-AgEI")),
          Map.entry(Families.DOCKER, Pattern.compile("\"auth\": \"")),
          Map.entry(Families.KUBERNETES, Pattern.compile("token: eyJ|client-key-data: ")),
          Map.entry(Families.SLACK, Pattern.compile("xoxb-|hooks\\.slack\\.com")),
          Map.entry(Families.STRIPE, Pattern.compile("[sr]k_live_")),
          Map.entry(Families.TWILIO, Pattern.compile("TWILIO_")),
          Map.entry(Families.SENDGRID, Pattern.compile("SG\\.")),
          Map.entry(Families.JWT, Pattern.compile("eyJ[\\w-]+\\.eyJ")),
          Map.entry(Families.DATABASE_URL, Pattern.compile("\\w+://\\w*:\\w+@")),
          Map.entry(Families.GENERIC, Pattern.compile("password|secret|TOKEN")),
          Map.entry(Families.CRYPTOMINER, Pattern.compile("stratum|\"user\"|donate|pools")),
          Map.entry(
              Families.SUSPICIOUS_COMMAND, Pattern.compile("\\| (sh|bash)$|/dev/tcp/|nc -e")));

  @TempDir static Path dir;
  private static List<Label> labels;

  @BeforeAll
  static void generate() throws IOException {
    labels = SecretCorpus.generate(dir.resolve("corpus"), SecretCorpus.SEED);
  }

  @Test
  void plantsEveryFamilyOnTheLabelledLines() throws IOException {

    assertThat(labels.stream().filter(Label::required).map(Label::family).distinct())
        .containsExactlyInAnyOrderElementsOf(Families.ALL);
    for (Label label : labels) {
      Path file = dir.resolve("corpus").resolve(label.path());
      assertThat(file).as(label.toString()).isRegularFile();
      if (label.line() == 0) {
        assertThat(Files.readString(file)).isEqualTo(MalwareFiles.EICAR);
        continue;
      }
      String line = Files.readAllLines(file, StandardCharsets.UTF_8).get(label.line() - 1);
      assertThat(MARKERS.get(label.family()).matcher(line).find())
          .as("%s line is: %s", label, line)
          .isTrue();
    }
  }

  @Test
  void sameSeedGivesSameLabelsAndTokens() throws IOException {
    List<Label> first = SecretCorpus.generate(dir.resolve("a"), SecretCorpus.SEED);
    List<Label> second = SecretCorpus.generate(dir.resolve("b"), SecretCorpus.SEED);

    assertThat(second).isEqualTo(first);
    assertThat(dir.resolve("b/srv/app/.env"))
        .hasSameTextualContentAs(dir.resolve("a/srv/app/.env"));
    assertThat(dir.resolve("b/home/deploy/.npmrc"))
        .hasSameTextualContentAs(dir.resolve("a/home/deploy/.npmrc"));
    SecretCorpus.generate(dir.resolve("c"), SecretCorpus.SEED + 1);
    assertThat(Files.readString(dir.resolve("c/srv/app/.env")))
        .isNotEqualTo(Files.readString(dir.resolve("a/srv/app/.env")));
  }

  @Test
  void decoysCarryNoLabels() {
    assertThat(labels.stream().map(Label::path).collect(Collectors.toSet()))
        .doesNotContain(
            "srv/app/.env.example",
            "usr/share/doc/awscli/examples/configure.md",
            "home/deploy/.ssh/id_ed25519.pub",
            "etc/ssl/certs/corpus-ca.pem",
            "srv/app/package-lock.json");
    assertThat(dir.resolve("corpus/etc/ssl/certs/corpus-ca.pem"))
        .content()
        .contains("BEGIN CERTIFICATE");
  }
}
