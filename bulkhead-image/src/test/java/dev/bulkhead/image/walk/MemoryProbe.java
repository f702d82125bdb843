package dev.bulkhead.image.walk;

import dev.bulkhead.core.ContentFinding;
import dev.bulkhead.core.Package;
import dev.bulkhead.core.Report;
import dev.bulkhead.image.ImageScan;
import dev.bulkhead.image.testing.TestAnalyzers;
import dev.bulkhead.image.testing.TestScanners;
import java.util.List;

/**
 * Scans the archive named by {@code args[0]} and prints its packages (and, with {@code args[1]}
 * {@code scanners}, two streaming content scanners' findings); run in a small heap.
 */
public final class MemoryProbe {
  private MemoryProbe() {}

  public static void main(String[] args) throws Exception {
    ImageScan scan =
        ImageScan.of("docker-archive:" + args[0]).withAnalyzers(TestAnalyzers.registry());
    if (args.length > 1 && args[1].equals("scanners")) {
      scan =
          scan.withContentScanners(
              List.of(new TestScanners.Counting("one"), new TestScanners.Counting("two")));
    }
    Report report = scan.run();
    for (Package p : report.packages()) {
      System.out.println(p.name() + " " + p.version() + " " + p.layer());
    }
    for (ContentFinding f : report.contentFindings()) {
      System.out.println("content " + f.ruleId() + " " + f.path() + " " + f.title());
    }
    System.out.println("warnings " + report.warnings());
    System.out.println("maxHeap " + Runtime.getRuntime().maxMemory());
  }
}
