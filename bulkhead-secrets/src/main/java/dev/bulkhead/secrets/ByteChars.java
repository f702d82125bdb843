package dev.bulkhead.secrets;

import java.nio.charset.StandardCharsets;

/**
 * Shows a byte range as characters, one per byte (ISO-8859-1), without copying, so regex offsets
 * are byte offsets. Secrets are ASCII; other bytes only need to not match.
 */
final class ByteChars implements CharSequence {
  private final byte[] bytes;
  private final int offset;
  private final int length;

  ByteChars(byte[] bytes, int offset, int length) {
    this.bytes = bytes;
    this.offset = offset;
    this.length = length;
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public char charAt(int index) {
    return (char) (bytes[offset + index] & 0xff);
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return new ByteChars(bytes, offset + start, end - start);
  }

  @Override
  public String toString() {
    return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
  }
}
