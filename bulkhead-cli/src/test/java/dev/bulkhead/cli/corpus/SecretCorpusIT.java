package dev.bulkhead.cli.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.cli.Processes;
import dev.bulkhead.cli.TestImages;
import dev.bulkhead.core.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Measures the secret and malware scanners end to end through the packaged CLI: precision and
 * recall per rule family on the labelled corpus and the leaky image, and findings on a real Debian
 * rootfs and the real Alpine image, which must be close to none.
 *
 * <p>Writes the table to {@code target/secret-accuracy.md}; docs/SECRETS-ACCURACY.md holds a copy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretCorpusIT {
  /** Floors taken from what the scanners achieve (see docs/SECRETS-ACCURACY.md). */
  static final double MIN_RECALL = 0.9;

  static final double MIN_PRECISION = 0.8;
  static final double MIN_FAMILY_RECALL = 0.8;

  /** At most this many files of the real Debian and Alpine images may carry findings. */
  static final int MAX_FILES_WITH_FINDINGS_ON_REAL_IMAGES = 0;

  /**
   * Families below the per-family recall floor today, each with the reason; remove an entry once
   * the scanner is fixed (the test then guards the fix).
   */
  static final Map<String, String> KNOWN_WEAK = Map.of();

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9+/_.=-]{16,}");

  private Path work;
  private List<Label> corpusLabels;
  private ImageCorpus.Built image;
  private List<ReportedFinding> corpusFindings;
  private List<ReportedFinding> imageFindings;
  private final Map<String, List<ReportedFinding>> negatives = new LinkedHashMap<>();
  private Scoring scoring;

  @BeforeAll
  void scanEverything() throws IOException {
    work = Files.createTempDirectory("bh-secret-corpus");
    Path corpus = work.resolve("corpus");
    corpusLabels = SecretCorpus.generate(corpus, SecretCorpus.SEED);
    image = ImageCorpus.build(work.resolve("image"), SecretCorpus.SEED);
    corpusFindings =
        CorpusScans.scan(
            work.resolve("corpus.json"), "fs", corpus.toString(), "--scanners", "secret,malware");
    imageFindings =
        CorpusScans.scan(
            work.resolve("image.json"),
            "image",
            "docker-archive:" + image.archive(),
            "--scanners",
            "secret,malware");
    negatives.put(
        "Debian 12 minbase rootfs (debootstrap, `bulkhead fs`)",
        CorpusScans.scan(
            work.resolve("debian.json"),
            "fs",
            TestImages.debianRootfs().toString(),
            "--scanners",
            "secret,malware"));
    negatives.put(
        "alpine 3.11 image (`bulkhead image docker-archive:`)",
        CorpusScans.scan(
            work.resolve("alpine.json"),
            "image",
            "docker-archive:" + SharedData.require("images/alpine-311.tar.gz"),
            "--scanners",
            "secret,malware"));
    scoring = new Scoring().add(corpusLabels, corpusFindings).add(image.labels(), imageFindings);
    negatives.values().forEach(f -> scoring.add(List.of(), f));
    String report = AccuracyReport.render(scoring, negatives);
    System.out.println(report);
    AccuracyReport.write(report);
  }

  @AfterAll
  void cleanUp() throws IOException {
    if (work != null) {
      Processes.check(null, List.of("rm", "-rf", work.toString()), 120);
    }
  }

  @Test
  void builtInRulesScanA2048BitKey() throws IOException {
    Path dir = Files.createDirectories(work.resolve("one-key/root/.ssh"));
    Files.writeString(dir.resolve("id_rsa"), new Keys(work).rsa(false));

    List<ReportedFinding> found =
        CorpusScans.scan(
            work.resolve("one-key.json"),
            "fs",
            work.resolve("one-key").toString(),
            "--scanners",
            "secret");

    assertThat(found).extracting(ReportedFinding::family).containsExactly(Families.PRIVATE_KEY);
  }

  @Test
  void precisionAndRecallMeetTheFloors() {
    Scoring.Counts total = scoring.total();
    assertThat(total.recall())
        .as("overall recall; missed: %s", scoring.missed())
        .isGreaterThanOrEqualTo(MIN_RECALL);
    assertThat(total.precision())
        .as("overall precision; false positives: %s", scoring.falsePositives())
        .isGreaterThanOrEqualTo(MIN_PRECISION);
    scoring.byFamily().entrySet().stream()
        .filter(e -> !KNOWN_WEAK.containsKey(e.getKey()))
        .forEach(
            e ->
                assertThat(e.getValue().recall())
                    .as("recall of %s; missed: %s", e.getKey(), scoring.missed())
                    .isGreaterThanOrEqualTo(MIN_FAMILY_RECALL));
  }

  @Test
  void realImagesGiveAlmostNoFindings() {
    List<ReportedFinding> all = new ArrayList<>();
    negatives.values().forEach(all::addAll);
    assertThat(all.stream().map(ReportedFinding::path).distinct())
        .as("files with findings on real Debian and Alpine: %s", all)
        .hasSizeLessThanOrEqualTo(MAX_FILES_WITH_FINDINGS_ON_REAL_IMAGES);
  }

  @Test
  void decoysGiveNoFindings() {
    Set<String> labelled = new HashSet<>();
    corpusLabels.forEach(l -> labelled.add(l.path()));
    assertThat(corpusFindings)
        .as("findings in corpus files that hold no planted item (decoys)")
        .filteredOn(f -> !labelled.contains(f.path()))
        .isEmpty();
  }

  @Test
  void secretDeletedInALaterLayerIsReportedRemoved() {
    List<ReportedFinding> env =
        imageFindings.stream().filter(f -> f.path().equals(ImageCorpus.DELETED_ENV)).toList();
    assertThat(env)
        .as("findings in %s: %s", ImageCorpus.DELETED_ENV, imageFindings)
        .filteredOn(f -> f.family().equals(Families.AWS))
        .hasSize(2);
    assertThat(env)
        .allSatisfy(
            f -> {
              assertThat(f.status()).isEqualTo("removed");
              assertThat(f.layer()).isEqualTo(image.diffIds().get(1));
              assertThat(f.removedIn()).isEqualTo(image.diffIds().get(2));
            });
  }

  @Test
  void buildArgumentAndEnvironmentLeaksAreFound() {
    assertThat(imageFindings)
        .anySatisfy(
            f -> {
              assertThat(f.path()).isEqualTo("history[3]");
              assertThat(f.family()).isEqualTo(Families.NPM);
            })
        .anySatisfy(
            f -> {
              assertThat(f.path()).isEqualTo("config:Env");
              assertThat(f.family()).isEqualTo(Families.STRIPE);
            });
    for (ReportedFinding f : imageFindings) {
      for (String secret : image.metadataSecrets()) {
        assertThat(f.excerpt()).as("excerpt of %s", f).doesNotContain(secret);
      }
    }
  }

  @Test
  void excerptsNeverShowAWholePlantedSecret() throws IOException {
    int checked = 0;
    int firstMalwareFamily = Families.ALL.indexOf(Families.KNOWN_BAD_HASH);
    for (ReportedFinding f : corpusFindings) {
      for (Label l : corpusLabels) {
        if (!l.required()
            || l.line() <= 0
            || Families.ALL.indexOf(l.family()) >= firstMalwareFamily
            || !f.matches(l)) {
          continue;
        }
        Path file = work.resolve("corpus").resolve(l.path());
        String line = Files.readAllLines(file, StandardCharsets.UTF_8).get(l.line() - 1);
        Matcher m = TOKEN.matcher(line);
        while (m.find()) {
          if (secretShaped(m.group())) {
            assertThat(f.excerpt()).as("excerpt of %s", f).doesNotContain(m.group());
            checked++;
          }
        }
      }
    }
    assertThat(checked).as("planted secrets whose excerpts were checked").isGreaterThan(20);
  }

  /**
   * Tells whether a token of a planted line looks like the random secret rather than a key name or
   * a host: digits with mixed-case letters, or a long hex string.
   */
  private static boolean secretShaped(String token) {
    boolean digit = token.chars().anyMatch(Character::isDigit);
    boolean upper = token.chars().anyMatch(Character::isUpperCase);
    boolean lower = token.chars().anyMatch(Character::isLowerCase);
    return digit && ((upper && lower) || token.matches("[0-9a-f]{32,}"));
  }
}
