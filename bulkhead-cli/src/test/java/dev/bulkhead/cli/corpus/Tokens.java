package dev.bulkhead.cli.corpus;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/**
 * Makes random strings of the shapes real credentials have, from a seeded generator, so the corpus
 * is the same on every run and holds no real credential.
 */
final class Tokens {
  static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
  static final String DIGITS = "0123456789";
  static final String ALNUM = UPPER + LOWER + DIGITS;
  static final String HEX = "0123456789abcdef";
  static final String BASE64 = ALNUM + "+/";
  static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

  private final Random random;

  Tokens(long seed) {
    this.random = new Random(seed);
  }

  /** Returns {@code n} characters drawn from {@code alphabet}. */
  String of(String alphabet, int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  String alnum(int n) {
    return of(ALNUM, n);
  }

  String hex(int n) {
    return of(HEX, n);
  }

  /** Returns the standard base64 of {@code n} random bytes. */
  String base64Bytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return Base64.getEncoder().encodeToString(b);
  }

  /** Returns the URL-safe unpadded base64 of {@code n} random bytes. */
  String base64UrlBytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  /** Returns an AWS access key id ({@code AKIA} + 16 upper-case letters and digits). */
  String awsKeyId() {
    return "AKIA" + of(UPPER + "234567", 16);
  }

  /** Returns an AWS secret access key (40 base64 characters). */
  String awsSecret() {
    return of(BASE64, 40);
  }

  /** Returns an AWS STS session token (a long base64 blob starting like real ones). */
  String awsSessionToken() {
    return "FwoGZXIvYXdzE" + of(BASE64, 300) + "==";
  }

  /** Returns a signed-looking JWT with the given JSON payload. */
  String jwt(String payloadJson) {
    Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
    String header = url.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(UTF8));
    String payload = url.encodeToString(payloadJson.getBytes(UTF8));
    return header + "." + payload + "." + base64UrlBytes(32);
  }

  /** Returns a Monero address: 95 base58 characters starting with 4. */
  String moneroAddress() {
    return "4" + of("0123456789AB", 1).replaceAll("[0-9]", "8") + of(BASE58, 93);
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;
}
