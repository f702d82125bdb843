package dev.bulkhead.image.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Sorts the entries of a {@code docker save} tar by their first bytes: layer, JSON or other. */
enum ArchiveEntryKind {
  LAYER,
  JSON,
  OTHER;

  private static final int BLOCK = 512;

  /**
   * Classifies an entry without consuming it; {@code in} must support mark/reset.
   *
   * @param jsonCandidate whether the entry's name allows it to be a manifest or config
   */
  static ArchiveEntryKind sniff(InputStream in, boolean jsonCandidate) throws IOException {
    if (Compression.sniff(in) != Compression.Kind.NONE) {
      return LAYER;
    }
    in.mark(BLOCK);
    byte[] head = in.readNBytes(BLOCK);
    in.reset();
    if (head.length == BLOCK && (isUstar(head) || isZeros(head))) {
      return LAYER;
    }
    if (jsonCandidate && startsJson(head)) {
      return JSON;
    }
    return OTHER;
  }

  private static boolean isUstar(byte[] head) {
    return new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
  }

  private static boolean isZeros(byte[] head) {
    for (byte b : head) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean startsJson(byte[] head) {
    for (byte b : head) {
      if (b == '{' || b == '[') {
        return true;
      }
      if (!Character.isWhitespace(b)) {
        return false;
      }
    }
    return false;
  }
}
