package dev.bulkhead.runtime.watch;

import static dev.bulkhead.runtime.testing.Events.connect;
import static dev.bulkhead.runtime.testing.Events.exec;
import static dev.bulkhead.runtime.testing.Events.exit;
import static dev.bulkhead.runtime.testing.Events.open;
import static dev.bulkhead.runtime.testing.Events.syscall;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.runtime.alert.Alert;
import dev.bulkhead.runtime.baseline.Baseline;
import dev.bulkhead.runtime.live.ContainerTarget;
import dev.bulkhead.runtime.model.SequenceDetector;
import dev.bulkhead.runtime.profile.Category;
import dev.bulkhead.runtime.response.ResponseAction;
import dev.bulkhead.runtime.testing.Events;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WorkloadMonitorTest {
  static final ContainerTarget WEB =
      new ContainerTarget(Events.CONTAINER, "web", "sha256:aa", 100, 4026532403L);

  /** A clock the test moves. */
  static final class MovableClock extends Clock {
    final AtomicLong millis = new AtomicLong(1_700_000_000_000L);

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.get());
    }
  }

  static WatchOptions options(long learnEvents, SequenceTrainer trainer) {
    return new WatchOptions(
        Duration.ofMinutes(10),
        learnEvents,
        WatchMode.MONITOR,
        ResponseAction.PAUSE,
        WatchOptions.DEFAULT_PROFILE_THRESHOLD,
        Duration.ofMinutes(10),
        true,
        trainer);
  }

  private static void normal(WorkloadMonitor m, int pid) {
    assertThat(m.accept(exec(pid, "ping.cgi", "/bin/httpd"))).isNull();
    assertThat(m.accept(open(pid, "ping.cgi", "ping.cgi", 0))).isNull();
    assertThat(m.accept(syscall(pid, "ping.cgi", 0))).isNull();
    assertThat(m.accept(syscall(pid, "ping.cgi", 1))).isNull();
    assertThat(m.accept(exit(pid, "ping.cgi"))).isNull();
  }

  @Test
  void learnsByEventCountThenAlertsOnDeviationsOnce() {
    List<Baseline> learned = new ArrayList<>();
    MovableClock clock = new MovableClock();
    WorkloadMonitor m = WorkloadMonitor.learning(WEB, options(50, null), clock, learned::add);
    for (int pid = 10; m.phase() == WorkloadMonitor.Phase.LEARNING; pid++) {
      normal(m, pid);
    }
    assertThat(learned).singleElement().satisfies(b -> assertThat(b.learnedEvents()).isEqualTo(50));
    assertThat(learned.get(0).workload().name()).isEqualTo("web");
    for (int pid = 500; pid < 520; pid++) {
      normal(m, pid);
    }
    assertThat(m.alerts()).as("normal behaviour after learning").isZero();

    Alert a = m.accept(exec(900, "cat", "ping.cgi"));
    assertThat(a).isNotNull();
    assertThat(a.container().name()).isEqualTo("web");
    assertThat(a.process().pid()).isEqualTo(900);
    assertThat(a.process().exe()).isEqualTo("cat");
    assertThat(a.score()).isGreaterThanOrEqualTo(1.0);
    assertThat(a.reasons().get(0).category()).isEqualTo(Category.PROGRAM);
    assertThat(a.evidence()).containsExactly("exec cat [cat]");
    assertThat(a.sequence()).isNull();

    Alert shadow = m.accept(open(900, "cat", "/etc/shadow", 0));
    assertThat(shadow).as("a new category for the process alerts").isNotNull();
    assertThat(shadow.reasons().get(0).value()).isEqualTo("r:/etc/shadow");
    assertThat(shadow.evidence()).containsExactly("exec cat [cat]", "open r /etc/shadow");
    assertThat(m.accept(open(900, "cat", "/etc/gshadow", 0)))
        .as("one alert per process and category")
        .isNull();
    assertThat(m.accept(exec(901, "cat", "ping.cgi"))).as("same deviation, quiet period").isNull();
    clock.millis.addAndGet(Duration.ofMinutes(11).toMillis());
    assertThat(m.accept(exec(902, "cat", "ping.cgi"))).as("after the quiet period").isNotNull();
    assertThat(m.accept(connect(903, "ping.cgi", "10.88.0.1", 4444))).isNotNull();
  }

  @Test
  void learnsByTimeOnTick() {
    MovableClock clock = new MovableClock();
    List<Baseline> learned = new ArrayList<>();
    WorkloadMonitor m = WorkloadMonitor.learning(WEB, options(0, null), clock, learned::add);
    normal(m, 1);
    m.tick();
    assertThat(m.phase()).isEqualTo(WorkloadMonitor.Phase.LEARNING);
    clock.millis.addAndGet(Duration.ofMinutes(10).toMillis());
    m.tick();
    assertThat(m.phase()).isEqualTo(WorkloadMonitor.Phase.MONITORING);
    assertThat(learned)
        .singleElement()
        .satisfies(b -> assertThat(b.learnedSeconds()).isEqualTo(600.0));
  }

  /** A real, if simple, sequence model: flags system calls never seen in training. */
  private static final class SeenCalls implements SequenceDetector {
    final Set<Integer> seen = new HashSet<>();

    @Override
    public String name() {
      return "seen-calls";
    }

    @Override
    public double threshold() {
      return 0.5;
    }

    @Override
    public Stream newStream() {
      return new Stream() {
        int last = -1;

        @Override
        public double accept(int nr) {
          last = nr;
          return seen.contains(nr) ? 0 : 1;
        }

        @Override
        public List<String> explain() {
          return seen.contains(last) ? List.of() : List.of("unseen call " + last);
        }
      };
    }
  }

  @Test
  void aPluggedInSequenceModelIsTrainedOnLearnPhaseStreamsAndJoinsTheScore() {
    List<int[]> trainedOn = new ArrayList<>();
    SequenceTrainer trainer =
        traces -> {
          trainedOn.addAll(traces);
          SeenCalls d = new SeenCalls();
          traces.forEach(t -> java.util.Arrays.stream(t).forEach(d.seen::add));
          return d;
        };
    WorkloadMonitor m =
        WorkloadMonitor.learning(WEB, options(25, trainer), new MovableClock(), b -> {});
    for (int pid = 10; m.phase() == WorkloadMonitor.Phase.LEARNING; pid++) {
      normal(m, pid);
    }
    assertThat(trainedOn).hasSize(5).allSatisfy(t -> assertThat(t).containsExactly(0, 1));
    assertThat(m.detector()).isNotNull();
    assertThat(m.accept(syscall(77, "ping.cgi", 1))).isNull();
    Alert a = m.accept(syscall(77, "ping.cgi", 59));
    assertThat(a).isNotNull();
    assertThat(a.score()).isEqualTo(2.0);
    assertThat(a.sequence().detector()).isEqualTo("seen-calls");
    assertThat(a.sequence().unusual()).containsExactly("unseen call 59");
    assertThat(a.profile().score()).as("the profile's own view, side by side").isEqualTo(0.5);
    assertThat(a.reasons()).extracting(r -> r.category()).contains(Category.SYSCALL);
  }

  @Test
  void aProfileAlertShowsWhereTheProcessSequenceStandsBelowItsThreshold() {
    SequenceTrainer trainer =
        traces -> {
          SeenCalls d = new SeenCalls();
          traces.forEach(t -> java.util.Arrays.stream(t).forEach(d.seen::add));
          return d;
        };
    WorkloadMonitor m =
        WorkloadMonitor.learning(WEB, options(25, trainer), new MovableClock(), b -> {});
    for (int pid = 10; m.phase() == WorkloadMonitor.Phase.LEARNING; pid++) {
      normal(m, pid);
    }
    assertThat(m.accept(syscall(78, "ping.cgi", 1))).isNull();
    Alert a = m.accept(open(78, "ping.cgi", "/etc/shadow", 0));
    assertThat(a).as("a profile alert").isNotNull();
    assertThat(a.sequence()).as("the sequence part, below its threshold").isNotNull();
    assertThat(a.sequence().detector()).isEqualTo("seen-calls");
    assertThat(a.sequence().score()).isZero();
    assertThat(a.sequence().threshold()).isEqualTo(0.5);
    assertThat(a.reasons()).extracting(r -> r.category()).containsOnly(Category.FILE);
    // A process whose stream has not been judged yet has no sequence part.
    Alert fresh = m.accept(open(79, "ping.cgi", "/etc/shadow", 0));
    if (fresh != null) {
      assertThat(fresh.sequence()).isNull();
    }
  }

  /** A server loop: accept, read, open, fstat, read, close, write, close, poll, setsockopt. */
  private static final int[] LOOP = {43, 0, 257, 5, 0, 3, 1, 3, 7, 54};

  private static Alert loop(WorkloadMonitor m, int pid, int from, int calls) {
    Alert first = null;
    for (int i = 0; i < calls; i++) {
      Alert a = m.accept(syscall(pid, "/bin/httpd", LOOP[(from + i) % LOOP.length]));
      first = first == null ? a : first;
    }
    return first;
  }

  @Test
  void processesRunningWhenMonitoringBeginsAreJudgedMidFlowNotAsJustStarted() {
    WorkloadMonitor m =
        WorkloadMonitor.learning(
            WEB, options(6000, new NgramSequenceTrainer(0.01)), new MovableClock(), b -> {});
    // The server (pid 5) loops throughout; each request also runs a short-lived CGI process.
    int offset = 0;
    for (int pid = 100; m.phase() == WorkloadMonitor.Phase.LEARNING; pid++) {
      loop(m, 5, offset, 37);
      offset += 37;
      if (m.phase() == WorkloadMonitor.Phase.LEARNING) {
        m.accept(exec(pid, "ping.cgi", "/bin/httpd"));
        loop(m, pid, 0, 20);
        m.accept(exit(pid, "ping.cgi"));
      }
    }
    assertThat(m.detector()).isNotNull();
    assertThat(m.ranBefore(5)).isTrue();
    assertThat(loop(m, 5, offset, 200))
        .as("the server's stream continues from its learn-phase calls")
        .isNull();

    // A server process the watch found running (not seen while learning) warms up, then is judged.
    m.runningBefore(List.of(6));
    assertThat(loop(m, 6, 3, WorkloadMonitor.WARMUP_CALLS)).isNull();
    Alert late = null;
    for (int nr : new int[] {59, 57, 59, 33, 33, 41, 42, 60, 59, 57, 59, 33, 33, 41, 42, 60}) {
      late = late != null ? late : m.accept(syscall(6, "/bin/httpd", nr));
    }
    assertThat(late).as("judged after the warm-up").isNotNull();
    assertThat(late.sequence()).isNotNull();

    // Without the mark, a process seen first in the middle of its loop would be judged at once.
    Alert cold = loop(m, 7, 3, WorkloadMonitor.WARMUP_CALLS);
    assertThat(cold).as("a stream that starts mid-loop after the start context").isNotNull();
    assertThat(cold.sequence()).isNotNull();

    // An exited pid is no longer running before: a new process with that pid is judged at once.
    m.accept(exit(6, "/bin/httpd"));
    assertThat(m.ranBefore(6)).isFalse();
  }

  @Test
  void aSequenceScoreEqualToTheCalibratedThresholdDoesNotAlarm() {
    SeenCalls d = new SeenCalls();
    d.seen.add(0);
    SequenceDetector atThreshold =
        new SequenceDetector() {
          @Override
          public String name() {
            return "half";
          }

          @Override
          public Stream newStream() {
            Stream inner = d.newStream();
            return new Stream() {
              @Override
              public double accept(int nr) {
                return nr == 1 ? 0.5 : inner.accept(nr);
              }

              @Override
              public List<String> explain() {
                return inner.explain();
              }
            };
          }

          @Override
          public double threshold() {
            return 0.5;
          }
        };
    WorkloadMonitor m =
        WorkloadMonitor.learning(
            WEB, options(25, traces -> atThreshold), new MovableClock(), b -> {});
    for (int pid = 10; m.phase() == WorkloadMonitor.Phase.LEARNING; pid++) {
      normal(m, pid);
    }
    assertThat(m.accept(syscall(77, "ping.cgi", 1)))
        .as("a score equal to the threshold: clean streams reach it")
        .isNull();
    Alert above = m.accept(syscall(77, "ping.cgi", 59));
    assertThat(above).isNotNull();
    assertThat(above.sequence().score()).isEqualTo(1.0);
  }
}
