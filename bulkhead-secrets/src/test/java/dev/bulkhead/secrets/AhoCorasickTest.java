package dev.bulkhead.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AhoCorasickTest {
  private static List<String> hits(AhoCorasick ac, List<String> words, String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    List<String> out = new ArrayList<>();
    ac.scan(b, 0, b.length, (k, end) -> out.add(words.get(k) + "@" + (end - ac.length(k))));
    return out;
  }

  @Test
  void reportsOverlappingAndNestedKeywords() {
    List<String> words = List.of("he", "she", "his", "hers");
    AhoCorasick ac = AhoCorasick.of(words);
    assertThat(hits(ac, words, "ushers")).containsExactlyInAnyOrder("she@1", "he@2", "hers@2");
    assertThat(hits(ac, words, "hishe")).containsExactlyInAnyOrder("his@0", "she@2", "he@3");
  }

  @Test
  void ignoresAsciiCaseOnBothSides() {
    List<String> words = List.of("AKIA", "ghp_");
    AhoCorasick ac = AhoCorasick.of(words);
    assertThat(hits(ac, words, "x=akia y=AkIa GHP_"))
        .containsExactly("AKIA@2", "AKIA@9", "ghp_@14");
  }

  @Test
  void findsKeywordsAtBufferEdgesAndRepeated() {
    List<String> words = List.of("aa", "a");
    AhoCorasick ac = AhoCorasick.of(words);
    assertThat(hits(ac, words, "aaa")).containsExactly("a@0", "aa@0", "a@1", "aa@1", "a@2");
  }

  @Test
  void matchesNonAsciiKeywordsAsExactUtf8Bytes() {
    List<String> words = List.of("pässword", "-----begin");
    AhoCorasick ac = AhoCorasick.of(words);
    assertThat(hits(ac, words, "PÄSSWORD pÄssword -----BEGIN")).containsExactly("-----begin@20");
    assertThat(hits(ac, words, "Pässword")).containsExactly("pässword@0");
  }

  @Test
  void scansOnlyTheGivenRangeAndSharesPrefixStates() {
    List<String> words = List.of("secret", "secret_key", "sec");
    AhoCorasick ac = AhoCorasick.of(words);
    assertThat(ac.states()).isEqualTo(1 + "secret_key".length());
    byte[] b = "xx secret_key".getBytes(StandardCharsets.UTF_8);
    List<Integer> ends = new ArrayList<>();
    ac.scan(b, 3, 9, (k, end) -> ends.add(end));
    assertThat(ends).containsExactly(6, 9);
  }
}
