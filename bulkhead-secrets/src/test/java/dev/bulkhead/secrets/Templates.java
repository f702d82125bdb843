package dev.bulkhead.secrets;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Expands the {@code {{class:N}}} placeholders of rule examples into random characters. */
final class Templates {
  private static final Pattern SLOT =
      Pattern.compile("\\{\\{(alnum|hex|b32|b64|b64url|digits|upper):(\\d+)\\}\\}");

  private Templates() {}

  /** Replaces every placeholder with random characters from its class. */
  static String expand(String template, Random random) {
    Matcher m = SLOT.matcher(template);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(
          sb, Matcher.quoteReplacement(random(m.group(1), Integer.parseInt(m.group(2)), random)));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** Returns {@code n} random characters of a class; long values mix letters and digits. */
  static String random(String cls, int n, Random random) {
    String alphabet;
    switch (cls) {
      case "alnum":
        alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        break;
      case "hex":
        alphabet = "0123456789abcdef";
        break;
      case "b32":
        alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        break;
      case "b64":
        alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        break;
      case "b64url":
        alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        break;
      case "digits":
        alphabet = "0123456789";
        break;
      default:
        alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        break;
    }
    while (true) {
      StringBuilder sb = new StringBuilder(n);
      for (int i = 0; i < n; i++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String s = sb.toString();
      boolean digit = s.chars().anyMatch(Character::isDigit);
      boolean letter = s.chars().anyMatch(Character::isLetter);
      // Keep values of mixed classes, as real generated secrets are; skip accidental placeholders.
      if (n < 8
          || ((digit || cls.equals("digits")) && (letter || !alphabet.matches(".*[a-z].*")))
              && !s.toLowerCase(java.util.Locale.ROOT)
                  .matches(".*(x{6}|example|fake|dummy|sample).*")) {
        return s;
      }
    }
  }
}
