package dev.bulkhead.image.lang;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads size-bounded bytes and lines from untrusted files. */
final class Bounded {
  private Bounded() {}

  /**
   * Reads all of {@code in}, at most {@code max} bytes.
   *
   * @throws IOException when the stream holds more than {@code max} bytes
   */
  static byte[] read(InputStream in, int max, String what) throws IOException {
    byte[] bytes = in.readNBytes(max);
    if (bytes.length == max && in.read() >= 0) {
      throw new IOException(what + " is larger than " + (max >> 10) + " KiB; skipped");
    }
    return bytes;
  }

  /**
   * Reads UTF-8 lines, at most {@code max} bytes in all.
   *
   * @throws IOException when the stream holds more than {@code max} bytes
   */
  static List<String> lines(InputStream in, int max, String what) throws IOException {
    byte[] bytes = read(in, max, what);
    List<String> out = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        out.add(line);
      }
    }
    return out;
  }
}
