package dev.bulkhead.image.registry;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Computes and checks {@code sha256:} content digests. */
final class Digests {
  private static final Pattern SHA256 = Pattern.compile("sha256:[a-f0-9]{64}");

  private Digests() {}

  /** Returns a fresh SHA-256 digest. */
  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JRE has SHA-256", e);
    }
  }

  /** Returns {@code sha256:<hex>} of {@code bytes}. */
  static String of(byte[] bytes) {
    return format(sha256().digest(bytes));
  }

  /** Returns {@code sha256:<hex>} of a finished digest. */
  static String format(byte[] hash) {
    return "sha256:" + HexFormat.of().formatHex(hash);
  }

  /** Tells whether {@code digest} is a well-formed {@code sha256:} digest. */
  static boolean isSha256(String digest) {
    return digest != null && SHA256.matcher(digest).matches();
  }

  /** Returns the first 12 hex digits, e.g. {@code sha256:ab12cd34ef56}, for labels. */
  static String shortForm(String digest) {
    return digest.length() > 19 ? digest.substring(0, 19) : digest;
  }
}
