package dev.bulkhead.image.source;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Parses, checks and computes {@code algorithm:hex} content digests. */
public final class Digests {
  private static final Pattern SHA256 = Pattern.compile("sha256:[a-f0-9]{64}");
  private static final Pattern SHA512 = Pattern.compile("sha512:[a-f0-9]{128}");

  private Digests() {}

  /** Tells whether {@code digest} is a well-formed sha256 or sha512 digest. */
  public static boolean isValid(String digest) {
    return digest != null && (SHA256.matcher(digest).matches() || SHA512.matcher(digest).matches());
  }

  /** Returns a fresh message digest for the algorithm of {@code digest} (which must be valid). */
  public static MessageDigest newDigest(String digest) {
    String algorithm = digest.startsWith("sha512:") ? "SHA-512" : "SHA-256";
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks " + algorithm, e);
    }
  }

  /** Returns a fresh SHA-256 message digest. */
  public static MessageDigest sha256() {
    return newDigest("sha256:");
  }

  /** Formats a finished digest as {@code algorithm:hex}, the algorithm taken from {@code md}. */
  public static String format(MessageDigest md) {
    String prefix = "SHA-512".equals(md.getAlgorithm()) ? "sha512:" : "sha256:";
    return prefix + HexFormat.of().formatHex(md.digest());
  }

  /** Returns the sha256 digest of {@code bytes} as {@code sha256:hex}. */
  public static String sha256(byte[] bytes) {
    MessageDigest md = sha256();
    md.update(bytes);
    return format(md);
  }
}
