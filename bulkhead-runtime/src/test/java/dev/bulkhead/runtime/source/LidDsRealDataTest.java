package dev.bulkhead.runtime.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bulkhead.runtime.event.EventKind;
import dev.bulkhead.runtime.event.RuntimeEvent;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reads real LID-DS recordings when {@code BULKHEAD_LIDDS_DIR} names a scenario directory (LID-DS
 * is GPL-3.0, so none is in the repository; see {@code real-samples/lid-ds/README.md}).
 */
class LidDsRealDataTest {

  @Test
  void readsARealScenario() throws Exception {
    String dir = System.getenv("BULKHEAD_LIDDS_DIR");
    assumeTrue(dir != null && !dir.isBlank(), "BULKHEAD_LIDDS_DIR not set; no LID-DS data");
    Path root = Paths.get(dir);
    assertThat(root).as("BULKHEAD_LIDDS_DIR must name a LID-DS scenario directory").isDirectory();
    List<Trace> traces = Sources.readAll(new SourceSpec("lid-ds", root));
    assertThat(traces).isNotEmpty();
    long opens = 0;
    long openedWithPath = 0;
    for (Trace t : traces) {
      assertThat(t.events()).as(t.id()).isNotEmpty();
      // Every LID-DS event names its system call, so each one has a number.
      assertThat(t.syscalls()).as(t.id()).hasSize(t.events().size());
      long first = t.events().get(0).timeNanos();
      long last = t.events().get(t.events().size() - 1).timeNanos();
      if (t.exploitTimeNanos() >= 0) {
        assertThat(t.exploitTimeNanos()).as(t.id()).isBetween(first - 60_000_000_000L, last);
      }
      for (RuntimeEvent e : t.events()) {
        if (e.kind() == EventKind.FILE_OPEN && e.returnValue() >= 0) {
          opens++;
          if (e.path() != null && e.path().startsWith("/")) {
            openedWithPath++;
          }
        }
      }
    }
    if (opens > 0) {
      // Successful opens carry their path on the exit line; nearly all must have one.
      assertThat((double) openedWithPath / opens).isGreaterThan(0.9);
    }
  }
}
