package dev.bulkhead.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a report to {@code --output} (creating its directory) or to standard output. */
final class ReportOutput {
  private ReportOutput() {}

  /** Writes a report body to a stream. */
  @FunctionalInterface
  interface Body {
    /** Writes the body to {@code out} without closing it. */
    void writeTo(OutputStream out) throws IOException;
  }

  /** Writes {@code body} to {@code output}, or to standard output when it is {@code null}. */
  static void write(Path output, Body body) throws IOException {
    if (output == null) {
      OutputStream out = System.out;
      body.writeTo(out);
      out.flush();
      return;
    }
    Path parent = output.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream out = Files.newOutputStream(output)) {
      body.writeTo(out);
    }
  }
}
