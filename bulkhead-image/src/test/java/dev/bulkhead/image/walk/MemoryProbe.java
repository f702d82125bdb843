package dev.bulkhead.image.walk;

import dev.bulkhead.core.Package;
import dev.bulkhead.core.Report;
import dev.bulkhead.image.ImageScan;
import dev.bulkhead.image.testing.TestAnalyzers;

/** Scans the archive named by {@code args[0]} and prints its packages; run in a small heap. */
public final class MemoryProbe {
  private MemoryProbe() {}

  public static void main(String[] args) throws Exception {
    Report report =
        ImageScan.of("docker-archive:" + args[0]).withAnalyzers(TestAnalyzers.registry()).run();
    for (Package p : report.packages()) {
      System.out.println(p.name() + " " + p.version() + " " + p.layer());
    }
    System.out.println("warnings " + report.warnings());
    System.out.println("maxHeap " + Runtime.getRuntime().maxMemory());
  }
}
