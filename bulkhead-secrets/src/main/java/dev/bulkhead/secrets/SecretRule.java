package dev.bulkhead.secrets;

import dev.bulkhead.core.Severity;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Describes one kind of secret: where to look (keywords), what it looks like (regex, entropy) and
 * what to ignore (allow-lists).
 *
 * @param id the stable rule id, e.g. {@code aws-access-key-id}
 * @param category the rule family, e.g. {@code aws}, {@code private-key}
 * @param title a one-line description
 * @param severity how serious a match is
 * @param keywords lower-case strings, one of which must occur near a match (the prefilter)
 * @param regex the Java pattern that finds the secret
 * @param secretGroup the capture group holding the secret, 0 for the whole match
 * @param entropy the minimum Shannon entropy of the secret in bits per character, 0 for none
 * @param linesBefore how many lines before a keyword hit the regex may start
 * @param linesAfter how many lines after a keyword hit the regex may end
 * @param placeholders whether the global placeholder values (e.g. {@code EXAMPLE}) suppress it
 * @param allowPaths paths (relative, no leading slash) where the rule does not apply
 * @param allowValues secret values that are known not to be secrets
 * @param allowLines lines (holding the match's start) on which a match is not a secret
 * @param examples texts that must and must not match, run by the rule tests
 * @param source where the rule was defined (built-in resource or user file and line)
 */
public record SecretRule(
    String id,
    String category,
    String title,
    Severity severity,
    List<String> keywords,
    Pattern regex,
    int secretGroup,
    double entropy,
    int linesBefore,
    int linesAfter,
    boolean placeholders,
    List<Pattern> allowPaths,
    List<Pattern> allowValues,
    List<Pattern> allowLines,
    Examples examples,
    String source) {

  /** Normalises lists to immutable copies. */
  public SecretRule {
    keywords = List.copyOf(keywords);
    allowPaths = List.copyOf(allowPaths);
    allowValues = List.copyOf(allowValues);
    allowLines = List.copyOf(allowLines);
  }

  /**
   * Holds a rule's self-test texts. {@code {{alnum:N}}}-style placeholders stand for random
   * characters so that no real-looking secret is written into the rules file.
   *
   * @param match texts in which the rule must find a secret
   * @param nomatch texts in which it must not
   */
  public record Examples(List<String> match, List<String> nomatch) {
    /** No examples. */
    public static final Examples NONE = new Examples(List.of(), List.of());

    /** Normalises lists to immutable copies. */
    public Examples {
      match = List.copyOf(match);
      nomatch = List.copyOf(nomatch);
    }
  }
}
