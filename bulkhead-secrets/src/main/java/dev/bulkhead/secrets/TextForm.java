package dev.bulkhead.secrets;

/**
 * Tells text from binary content and reduces binary content to its printable ASCII runs, the only
 * place an embedded secret can be.
 */
final class TextForm {
  /** Bytes examined to decide whether content is binary. */
  static final int SNIFF = 8192;

  /** The shortest printable run kept from binary content. */
  static final int MIN_RUN = 8;

  private TextForm() {}

  /** Returns true when the first 8 KiB hold a NUL byte or are not valid UTF-8. */
  static boolean isBinary(byte[] buf, int len) {
    int end = Math.min(len, SNIFF);
    int i = 0;
    while (i < end) {
      int b = buf[i] & 0xff;
      if (b == 0) {
        return true;
      }
      if (b < 0x80) {
        i++;
        continue;
      }
      int extra;
      if (b >= 0xc2 && b <= 0xdf) {
        extra = 1;
      } else if (b >= 0xe0 && b <= 0xef) {
        extra = 2;
      } else if (b >= 0xf0 && b <= 0xf4) {
        extra = 3;
      } else {
        return true;
      }
      for (int k = 1; k <= extra; k++) {
        if (i + k >= end) {
          return end < len && i + k < len && !isContinuation(buf[i + k]);
        }
        if (!isContinuation(buf[i + k])) {
          return true;
        }
      }
      i += extra + 1;
    }
    return false;
  }

  private static boolean isContinuation(byte b) {
    return (b & 0xc0) == 0x80;
  }

  /**
   * Copies the runs of at least {@link #MIN_RUN} printable ASCII bytes (space to tilde, tab) of
   * {@code src} into {@code dst}, each followed by a newline, and returns the length written.
   * {@code dst} must be at least {@code len + 1} long.
   */
  static int printableRuns(byte[] src, int len, byte[] dst) {
    int out = 0;
    int runStart = -1;
    for (int i = 0; i <= len; i++) {
      int b = i < len ? src[i] & 0xff : 0;
      boolean printable = (b >= 0x20 && b < 0x7f) || b == '\t';
      if (printable) {
        if (runStart < 0) {
          runStart = i;
        }
      } else if (runStart >= 0) {
        int n = i - runStart;
        if (n >= MIN_RUN) {
          System.arraycopy(src, runStart, dst, out, n);
          out += n;
          dst[out++] = '\n';
        }
        runStart = -1;
      }
    }
    return out;
  }
}
