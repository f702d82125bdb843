package dev.bulkhead.core.digest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Parses, checks and computes {@code algorithm:hex} content digests (sha256 and sha512). */
public final class Digests {
  private static final Pattern SHA256 = Pattern.compile("sha256:[a-f0-9]{64}");
  private static final Pattern SHA512 = Pattern.compile("sha512:[a-f0-9]{128}");

  private Digests() {}

  /** Tells whether {@code digest} is a well-formed sha256 or sha512 digest. */
  public static boolean isValid(String digest) {
    return digest != null && (SHA256.matcher(digest).matches() || SHA512.matcher(digest).matches());
  }

  /** Tells whether {@code digest} is a well-formed {@code sha256:} digest. */
  public static boolean isSha256(String digest) {
    return digest != null && SHA256.matcher(digest).matches();
  }

  /**
   * Returns a fresh message digest for the algorithm named by the prefix of {@code digest}: SHA-512
   * for {@code sha512:}, SHA-256 otherwise.
   */
  public static MessageDigest newDigest(String digest) {
    return digest.startsWith("sha512:") ? instance("SHA-512") : sha256();
  }

  /** Returns a fresh SHA-256 message digest. */
  public static MessageDigest sha256() {
    return instance("SHA-256");
  }

  private static MessageDigest instance(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks " + algorithm, e);
    }
  }

  /**
   * Finishes {@code md} and formats it as {@code algorithm:hex}, the algorithm (sha256 or sha512)
   * taken from {@code md}.
   */
  public static String format(MessageDigest md) {
    String prefix = "SHA-512".equals(md.getAlgorithm()) ? "sha512:" : "sha256:";
    return prefix + hex(md);
  }

  /** Finishes {@code md} and returns its value as bare lower-case hex, without a prefix. */
  public static String hex(MessageDigest md) {
    return HexFormat.of().formatHex(md.digest());
  }

  /** Returns the sha256 digest of {@code bytes} as {@code sha256:hex}. */
  public static String sha256(byte[] bytes) {
    MessageDigest md = sha256();
    md.update(bytes);
    return format(md);
  }

  /** Returns the first 12 hex digits of a sha256 digest, e.g. {@code sha256:ab12cd34ef56}. */
  public static String shortForm(String digest) {
    return digest.length() > 19 ? digest.substring(0, 19) : digest;
  }
}
