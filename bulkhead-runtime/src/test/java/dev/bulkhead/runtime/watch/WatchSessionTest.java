package dev.bulkhead.runtime.watch;

import static dev.bulkhead.runtime.testing.Events.exec;
import static dev.bulkhead.runtime.testing.Events.open;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.runtime.alert.Alert;
import dev.bulkhead.runtime.alert.AlertSink;
import dev.bulkhead.runtime.baseline.BaselineStore;
import dev.bulkhead.runtime.live.ContainerTarget;
import dev.bulkhead.runtime.response.DryRunLink;
import dev.bulkhead.runtime.response.ResponseAction;
import dev.bulkhead.runtime.response.ResponseLink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchSessionTest {
  @TempDir Path dir;

  private static WatchOptions protect() {
    return new WatchOptions(
        Duration.ofMinutes(10),
        20,
        WatchMode.PROTECT,
        ResponseAction.PAUSE,
        0.8,
        Duration.ofMinutes(10),
        false,
        null);
  }

  @Test
  void learnsSavesThenAReloadedSessionMonitorsAtOnceAndActsInDryRun() throws Exception {
    BaselineStore store = new BaselineStore(dir);
    List<String> log = new ArrayList<>();
    WatchSession first =
        new WatchSession(
            protect(), store, List.of(), null, log::add, new WorkloadMonitorTest.MovableClock());
    first.prepare(List.of(WorkloadMonitorTest.WEB));
    for (int pid = 1; pid <= 20; pid++) {
      first.onEvent(exec(pid, "ping.cgi", "/bin/httpd"));
    }
    assertThat(log).anyMatch(l -> l.contains("learned 20 events") && l.contains("monitoring"));
    assertThat(store.load(first.monitors().values().iterator().next().id())).isPresent();

    List<Alert> published = new ArrayList<>();
    AlertSink sink = published::add;
    WatchSession second =
        new WatchSession(
            protect(),
            store,
            List.of(sink),
            ResponseLink.chain(List.of(new DryRunLink(false)), r -> null),
            log::add,
            new WorkloadMonitorTest.MovableClock());
    second.prepare(List.of(WorkloadMonitorTest.WEB));
    assertThat(log).anyMatch(l -> l.contains("monitoring with the stored baseline"));
    second.onEvent(exec(50, "ping.cgi", "/bin/httpd"));
    assertThat(published).isEmpty();
    second.onEvent(open(50, "ping.cgi", "/etc/shadow", 0));
    assertThat(published)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.mode()).isEqualTo("protect");
              assertThat(a.action().status()).isEqualTo("dry-run");
              assertThat(a.action().action()).isEqualTo("pause");
            });
    ContainerTarget elsewhere = new ContainerTarget("other", "db", "sha256:bb", 9, 77);
    second.onEvent(
        new dev.bulkhead.runtime.event.RuntimeEvent(
            0,
            1,
            1,
            elsewhere.id(),
            "db",
            dev.bulkhead.runtime.event.RuntimeEvent.ProcessInfo.UNKNOWN,
            dev.bulkhead.runtime.event.EventKind.EXEC,
            null,
            -1,
            "/x",
            -1,
            null,
            -1,
            0));
    assertThat(published).as("events of containers not watched are ignored").hasSize(1);
  }

  @Test
  void refusesContainersSharingAPidNamespace() {
    WatchSession s =
        new WatchSession(
            protect(),
            new BaselineStore(dir),
            List.of(),
            null,
            m -> {},
            new WorkloadMonitorTest.MovableClock());
    ContainerTarget a = new ContainerTarget("a", "a", "sha256:1", 1, 5);
    ContainerTarget b = new ContainerTarget("b", "b", "sha256:1", 2, 5);
    assertThatThrownBy(() -> s.prepare(List.of(a, b)))
        .isInstanceOf(BulkheadException.class)
        .hasMessageContaining("share a pid namespace");
  }
}
