package dev.bulkhead.runtime.watch;

import static dev.bulkhead.runtime.testing.Events.exec;
import static dev.bulkhead.runtime.testing.Events.exit;
import static dev.bulkhead.runtime.testing.Events.open;
import static dev.bulkhead.runtime.testing.Events.syscall;
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
import java.util.Random;
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

  private static WatchOptions withSyscalls(boolean syscalls) {
    return new WatchOptions(
        Duration.ofMinutes(10),
        3000,
        WatchMode.MONITOR,
        ResponseAction.PAUSE,
        0.8,
        Duration.ofMinutes(10),
        syscalls,
        syscalls ? new NgramSequenceTrainer(0.01) : null);
  }

  /** One CGI-like process: exec, a request loop of system calls with rare variations, exit. */
  private static void process(WatchSession s, int pid, Random r) {
    int[] loop = {43, 0, 257, 5, 0, 3, 1, 3};
    s.onEvent(exec(pid, "ping.cgi", "/bin/httpd"));
    for (int i = 0; i < 100; i++) {
      int nr = loop[i % loop.length];
      s.onEvent(syscall(pid, "ping.cgi", r.nextInt(10) == 0 && nr == 0 ? 8 : nr));
    }
    s.onEvent(exit(pid, "ping.cgi"));
  }

  @Test
  void aBaselineLearnedWithSyscallsKeepsItsSequenceModelForTheNextWatch() throws Exception {
    BaselineStore store = new BaselineStore(dir);
    List<String> log = new ArrayList<>();
    WatchSession first =
        new WatchSession(
            withSyscalls(true),
            store,
            List.of(),
            null,
            log::add,
            new WorkloadMonitorTest.MovableClock());
    first.prepare(List.of(WorkloadMonitorTest.WEB));
    Random r = new Random(3);
    for (int pid = 100;
        first.monitors().values().iterator().next().phase() == WorkloadMonitor.Phase.LEARNING;
        pid++) {
      process(first, pid, r);
    }
    assertThat(log).anyMatch(l -> l.contains("sequence model ngram-markov (threshold"));
    var id = first.monitors().values().iterator().next().id();
    assertThat(store.modelFileOf(id).orElseThrow()).exists();
    double threshold = first.monitors().values().iterator().next().detector().threshold();

    List<Alert> published = new ArrayList<>();
    WatchSession second =
        new WatchSession(
            withSyscalls(true),
            store,
            List.of(published::add),
            null,
            log::add,
            new WorkloadMonitorTest.MovableClock());
    second.prepare(List.of(WorkloadMonitorTest.WEB));
    assertThat(log)
        .anyMatch(
            l ->
                l.contains("monitoring with the stored baseline")
                    && l.contains("sequence model ngram-markov from")
                    && l.contains(".seq.bhseq"));
    WorkloadMonitor reloaded = second.monitors().values().iterator().next();
    assertThat(reloaded.detector()).isNotNull();
    assertThat(reloaded.detector().threshold()).isEqualTo(threshold);
    process(second, 900, new Random(4));
    assertThat(published).as("normal streams after the reload").isEmpty();
    second.onEvent(exec(901, "ping.cgi", "/bin/httpd"));
    for (int nr : new int[] {43, 0, 57, 59, 257, 0, 1, 33, 33, 59, 41, 42, 0, 1, 60, 2, 2, 2}) {
      second.onEvent(syscall(901, "ping.cgi", nr));
    }
    assertThat(published)
        .as("an odd system-call sequence alerts through the reloaded model")
        .anySatisfy(
            a -> {
              assertThat(a.sequence()).isNotNull();
              assertThat(a.sequence().detector()).isEqualTo("ngram-markov");
              assertThat(a.sequence().score()).isGreaterThan(threshold);
            });

    log.clear();
    WatchSession noSyscalls =
        new WatchSession(
            withSyscalls(false),
            store,
            List.of(),
            null,
            log::add,
            new WorkloadMonitorTest.MovableClock());
    noSyscalls.prepare(List.of(WorkloadMonitorTest.WEB));
    assertThat(noSyscalls.monitors().values().iterator().next().detector()).isNull();
    assertThat(log).anyMatch(l -> l.contains("is ignored without --syscalls"));
  }

  @Test
  void aBaselineWithoutASequenceModelWatchedWithSyscallsSaysHowToLearnOne() throws Exception {
    BaselineStore store = new BaselineStore(dir);
    List<String> log = new ArrayList<>();
    WatchSession first =
        new WatchSession(
            protect(), store, List.of(), null, log::add, new WorkloadMonitorTest.MovableClock());
    first.prepare(List.of(WorkloadMonitorTest.WEB));
    for (int pid = 1; pid <= 20; pid++) {
      first.onEvent(exec(pid, "ping.cgi", "/bin/httpd"));
    }
    var id = first.monitors().values().iterator().next().id();
    WatchSession second =
        new WatchSession(
            withSyscalls(true),
            store,
            List.of(),
            null,
            log::add,
            new WorkloadMonitorTest.MovableClock());
    second.prepare(List.of(WorkloadMonitorTest.WEB));
    assertThat(second.monitors().values().iterator().next().phase())
        .isEqualTo(WorkloadMonitor.Phase.MONITORING);
    assertThat(second.monitors().values().iterator().next().detector()).isNull();
    assertThat(log)
        .anyMatch(
            l ->
                l.contains("has no sequence model")
                    && l.contains("delete " + store.fileOf(id))
                    && l.contains("--syscalls"));
  }

  @Test
  void marksTheContainersRunningProcessesFromProc() throws Exception {
    Path proc = dir.resolve("proc");
    for (var e : java.util.Map.of(123, 4026532403L, 124, 4026532403L, 200, 1L).entrySet()) {
      java.nio.file.Files.createDirectories(proc.resolve(e.getKey() + "/ns"));
      java.nio.file.Files.createSymbolicLink(
          proc.resolve(e.getKey() + "/ns/pid"), Path.of("pid:[" + e.getValue() + "]"));
    }
    java.nio.file.Files.createDirectories(proc.resolve("125")); // gone: no ns link
    java.nio.file.Files.createDirectories(proc.resolve("sys"));
    WatchSession s =
        new WatchSession(
            withSyscalls(true),
            new BaselineStore(dir.resolve("b")),
            List.of(),
            null,
            m -> {},
            new WorkloadMonitorTest.MovableClock());
    s.prepare(List.of(WorkloadMonitorTest.WEB));
    s.markRunningProcesses(proc);
    WorkloadMonitor m = s.monitors().values().iterator().next();
    assertThat(m.ranBefore(123)).isTrue();
    assertThat(m.ranBefore(124)).isTrue();
    assertThat(m.ranBefore(125)).isFalse();
    assertThat(m.ranBefore(200)).as("another pid namespace").isFalse();
  }
}
