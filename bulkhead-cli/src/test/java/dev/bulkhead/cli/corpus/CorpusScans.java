package dev.bulkhead.cli.corpus;

import dev.bulkhead.cli.BulkheadJar;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the packaged {@code bulkhead.jar} over the corpus and the real negatives. */
final class CorpusScans {
  private CorpusScans() {}

  /** Runs {@code bulkhead ARGS --format json --quiet --output REPORT} and reads the findings. */
  static List<ReportedFinding> scan(Path report, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(args));
    cmd.addAll(List.of("--format", "json", "--quiet", "--output", report.toString()));
    BulkheadJar.ok(cmd.toArray(String[]::new));
    return ReportedFinding.read(report);
  }
}
