package dev.bulkhead.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.core.ContentFinding;
import dev.bulkhead.core.spi.FileMeta;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs every built-in rule's own examples: each match must be found, masked; no nomatch may be. */
class SecretRulesTest {
  private static final SecretScanner SCANNER = build();

  private static SecretScanner build() {
    try {
      return SecretScanner.builder().build();
    } catch (dev.bulkhead.core.BulkheadException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<ContentFinding> scan(SecretScanner scanner, String path, String text)
      throws Exception {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return scanner.scan(
        new FileMeta(path, bytes.length, 0644, FileMeta.Type.FILE),
        new ByteArrayInputStream(bytes));
  }

  @Test
  void everyRuleHasExamplesOfBothKinds() {
    assertThat(SCANNER.rules()).hasSizeGreaterThanOrEqualTo(25);
    for (SecretRule r : SCANNER.rules()) {
      assertThat(r.examples().match()).as(r.id()).isNotEmpty();
      assertThat(r.examples().nomatch()).as(r.id()).isNotEmpty();
      assertThat(r.keywords())
          .as(r.id())
          .allMatch(k -> k.equals(k.toLowerCase(java.util.Locale.ROOT)));
    }
  }

  @TestFactory
  Stream<DynamicTest> examples() {
    List<DynamicTest> tests = new ArrayList<>();
    for (SecretRule rule : SCANNER.rules()) {
      List<String> match = rule.examples().match();
      for (int i = 0; i < match.size(); i++) {
        String template = match.get(i);
        Random random = new Random(rule.id().hashCode() * 31L + i);
        tests.add(
            DynamicTest.dynamicTest(
                rule.id() + " matches #" + i,
                () -> assertMatches(rule, Templates.expand(template, random))));
      }
      List<String> nomatch = rule.examples().nomatch();
      for (int i = 0; i < nomatch.size(); i++) {
        String template = nomatch.get(i);
        Random random = new Random(rule.id().hashCode() * 17L + i);
        tests.add(
            DynamicTest.dynamicTest(
                rule.id() + " does not match #" + i,
                () -> {
                  String text = Templates.expand(template, random);
                  assertThat(scan(SCANNER, "app/settings.conf", text))
                      .as("%s in %s", rule.id(), text)
                      .noneMatch(f -> f.ruleId().equals(rule.id()));
                }));
      }
    }
    return tests.stream();
  }

  /** Also runs every match example 200 times with fresh random values, to catch flaky shapes. */
  @Test
  void matchExamplesHoldForManyRandomValues() throws Exception {
    Random random = new Random(42);
    for (SecretRule rule : SCANNER.rules()) {
      for (String template : rule.examples().match()) {
        for (int n = 0; n < 200; n++) {
          assertMatches(rule, Templates.expand(template, random));
        }
      }
    }
  }

  private static void assertMatches(SecretRule rule, String text) throws Exception {
    List<ContentFinding> found = scan(SCANNER, "app/settings.conf", text);
    assertThat(found).as("%s in %s", rule.id(), text).anyMatch(f -> f.ruleId().equals(rule.id()));
    Matcher m = rule.regex().matcher(text);
    assertThat(m.find()).isTrue();
    String secret = m.group(rule.secretGroup());
    for (ContentFinding f : found) {
      assertThat(f.excerpt()).hasSizeLessThanOrEqualTo(Excerpts.MAX).doesNotContain("\n");
      assertThat(f.kind()).isEqualTo(ContentFinding.SECRET);
      assertThat(f.line()).isPositive();
      assertNotRevealed(f.excerpt(), secret);
    }
  }

  /** Asserts that no 6 consecutive characters of the secret (its kept head aside) are shown. */
  static void assertNotRevealed(String excerpt, String secret) {
    assertThat(excerpt).doesNotContain(secret);
    for (int i = 1; i + 6 <= secret.length(); i++) {
      String window = secret.substring(i, i + 6);
      if (window.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '+' || c == '/')
          && window.chars().anyMatch(Character::isDigit)) {
        assertThat(excerpt).as("excerpt of secret %s", secret).doesNotContain(window);
      }
    }
  }
}
