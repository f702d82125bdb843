package dev.bulkhead.cli.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks label matching and the precision and recall arithmetic. */
class ScoringTest {
  private static ReportedFinding finding(String path, int line, String category, String ruleId) {
    return new ReportedFinding(
        ruleId, category, Families.of(category, ruleId), path, line, "x***", null, null, null);
  }

  @Test
  void countsHitsMissesAndFalsePositivesPerFamily() {
    List<Label> labels =
        List.of(
            Label.of(".env", 4, Families.AWS),
            Label.of(".env", 5, Families.AWS),
            Label.of("key.pem", 1, Families.PRIVATE_KEY),
            Label.optional("kube", 9, Families.JWT),
            Label.of("history[3]", 0, Families.NPM));
    List<ReportedFinding> findings =
        List.of(
            finding(".env", 4, "aws", "aws-access-key-id"),
            finding(".env", 6, "aws", "aws-secret-access-key"),
            finding("kube", 9, "jwt", "jwt"),
            finding("history[3]", 0, "npm", "npm-access-token"),
            finding("docs.md", 3, "aws", "aws-access-key-id"),
            finding("key.pem", 3, "private-key", "private-key-rsa"),
            finding(".env", 5, "generic", "generic-secret-assignment"));

    Scoring s = new Scoring().add(labels, findings);

    Scoring.Counts aws = s.byFamily().get(Families.AWS);
    assertThat(aws.planted).isEqualTo(2);
    assertThat(aws.found).isEqualTo(2);
    assertThat(aws.findings).isEqualTo(3);
    assertThat(aws.precision()).isEqualTo(2.0 / 3);
    assertThat(s.byFamily().get(Families.JWT).planted).isZero();
    assertThat(s.byFamily().get(Families.JWT).truePositives).isEqualTo(1);
    assertThat(s.byFamily().get(Families.PRIVATE_KEY).recall()).isZero();
    assertThat(s.byFamily().get(Families.NPM).recall()).isEqualTo(1.0);
    assertThat(s.missed()).containsExactly(labels.get(2));
    assertThat(s.falsePositives())
        .extracting(ReportedFinding::path)
        .containsExactly("docs.md", "key.pem");
    assertThat(s.duplicates())
        .extracting(ReportedFinding::ruleId)
        .containsExactly("generic-secret-assignment");
    assertThat(s.byFamily().get(Families.GENERIC).precision()).isEqualTo(1.0);
    assertThat(s.total().planted).isEqualTo(4);
    assertThat(s.table()).contains("| aws | 2 | 2 | 3 | 2 | 0 | 1 | 0.67 | 1.00 |");
    assertThat(s.table()).contains("| generic | 0 | 0 | 1 | 0 | 1 | 0 | 1.00 | 1.00 |");
  }

  @Test
  void oneFindingAccountsForOnePlantedItem() {
    List<Label> labels =
        List.of(Label.of("aws.tf", 3, Families.AWS), Label.of("aws.tf", 4, Families.AWS));

    Scoring s =
        new Scoring().add(labels, List.of(finding("aws.tf", 3, "aws", "aws-access-key-id")));

    assertThat(s.byFamily().get(Families.AWS).found).isEqualTo(1);
    assertThat(s.missed()).containsExactly(labels.get(1));
  }

  @Test
  void mapsCategoriesAndRuleIdsOntoFamilies() {
    assertThat(Families.of("aws", "aws-secret-access-key")).isEqualTo(Families.AWS);
    assertThat(Families.of("", "github-pat")).isEqualTo(Families.GITHUB);
    assertThat(Families.of("private-key", "openssh-private-key")).isEqualTo(Families.PRIVATE_KEY);
    assertThat(Families.of("", "gcp-service-account")).isEqualTo(Families.GCP);
    assertThat(Families.of("cryptominer", "mining-pool-url")).isEqualTo(Families.CRYPTOMINER);
    assertThat(Families.of("something-new", "x")).isEqualTo("something-new");
  }
}
