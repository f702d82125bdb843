package dev.bulkhead.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks that scanning streams: a 1 GiB image is scanned by the packaged CLI, with the launcher's
 * JVM options, at a peak resident set under 512 MB, read from {@code /proc/PID/status} (VmHWM).
 */
class StreamingMemoryIT {
  private static final long MIB = 1024L * 1024;

  @Test
  void peakRssStaysUnder512MbForA1GibImage(@TempDir Path tmp) throws Exception {
    List<Path> layers = new ArrayList<>();
    Random random = new Random(42);
    byte[] block = new byte[(int) MIB];
    random.nextBytes(block);
    for (int i = 0; i < 4; i++) {
      Path dir = Files.createDirectories(tmp.resolve("layer" + i + "/opt/data"));
      try (OutputStream out = Files.newOutputStream(dir.resolve("blob" + i + ".bin"))) {
        for (int m = 0; m < 256; m++) {
          block[m % block.length] ^= (byte) (i + m);
          out.write(block);
        }
      }
      layers.add(dir.getParent().getParent());
    }
    Path status = Files.createDirectories(layers.get(0).resolve("var/lib/dpkg")).resolve("status");
    Files.copy(Paths.get("/var/lib/dpkg/status"), status);
    Path archive =
        TestImages.dockerArchive(
            layers, List.of("layer 0", "layer 1", "layer 2", "layer 3"), tmp.resolve("big.tar"));
    for (Path dir : layers) {
      Processes.check(null, List.of("rm", "-rf", dir.toString()), 120);
    }
    assertThat(Files.size(archive)).isGreaterThan(1024 * MIB);

    Path db = tmp.resolve("vulndb.sqlite");
    BulkheadJar.ok(
        "db",
        "import",
        "--quiet",
        "--db",
        db.toString(),
        Paths.get("..", "examples", "advisories", "debian-bookworm-demo.json").toString());
    List<String> cmd =
        BulkheadJar.command(
            "image",
            "--quiet",
            "--format",
            "json",
            "--db",
            db.toString(),
            "--output",
            tmp.resolve("report.json").toString(),
            "docker-archive:" + archive);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    Path procStatus = Paths.get("/proc", Long.toString(p.pid()), "status");
    long peakKib = 0;
    while (!p.waitFor(50, TimeUnit.MILLISECONDS)) {
      peakKib = Math.max(peakKib, vmHwmKib(procStatus));
    }
    String output =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(output).isZero();
    assertThat(peakKib).as("VmHWM was sampled").isPositive();
    assertThat(peakKib / 1024).as("peak RSS in MiB").isLessThan(512);
    assertThat(Files.readString(tmp.resolve("report.json"))).contains("\"packages\"");
  }

  private static long vmHwmKib(Path procStatus) {
    try {
      for (String line : Files.readAllLines(procStatus)) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }
}
