package dev.bulkhead.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportOutputTest {
  @TempDir Path tmp;

  @Test
  void writesIntoNewDirectoriesReplacingAnOldFileOrToStandardOutput() throws Exception {
    Path file = tmp.resolve("a/b/report.json");
    ReportOutput.write(file, out -> out.write("first, longer".getBytes(StandardCharsets.UTF_8)));
    ReportOutput.write(file, out -> out.write("second".getBytes(StandardCharsets.UTF_8)));
    assertThat(Files.readString(file)).isEqualTo("second");

    PrintStream saved = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      ReportOutput.write(null, out -> out.write("to stdout".getBytes(StandardCharsets.UTF_8)));
    } finally {
      System.setOut(saved);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8)).isEqualTo("to stdout");
  }
}
