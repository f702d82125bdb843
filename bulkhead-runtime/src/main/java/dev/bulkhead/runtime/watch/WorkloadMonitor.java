package dev.bulkhead.runtime.watch;

import dev.bulkhead.runtime.alert.Alert;
import dev.bulkhead.runtime.baseline.Baseline;
import dev.bulkhead.runtime.baseline.WorkloadId;
import dev.bulkhead.runtime.event.EventKind;
import dev.bulkhead.runtime.event.RuntimeEvent;
import dev.bulkhead.runtime.live.ContainerTarget;
import dev.bulkhead.runtime.model.SequenceDetector;
import dev.bulkhead.runtime.profile.BehaviorProfile;
import dev.bulkhead.runtime.profile.Deviation;
import dev.bulkhead.runtime.profile.FeatureExtractor;
import dev.bulkhead.runtime.profile.ProfileVerdict;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Learns, then judges, the behaviour of one watched workload.
 *
 * <p>While learning, events train the {@link BehaviorProfile} and each process's system calls are
 * kept (bounded) for a {@link SequenceTrainer}. Learning ends after {@link WatchOptions#learnFor}
 * or {@link WatchOptions#learnEvents}; the baseline is handed to {@code onLearned} (to be saved)
 * and the monitor switches to judging ({@link #detector()} then holds the trained sequence model,
 * which the caller saves with the baseline). A monitor made from a stored baseline judges at once,
 * with the stored sequence model when it is given one.
 *
 * <p>A process already running when monitoring began (alive while learning, or marked with {@link
 * #runningBefore}) is judged mid-flow: its sequence stream continues from its last learn-phase
 * calls, or, when those are not known, takes {@link #WARMUP_CALLS} calls before it is judged (the
 * profile judges it throughout).
 *
 * <p>Judging: each event gets a combined score, the larger of profile score / profile threshold and
 * (when a sequence detector is plugged in) the process's sequence score / its threshold. A profile
 * score at or above its threshold alarms, and a sequence score above its threshold (a calibrated
 * threshold is the highest score clean streams may reach, and deterministic workloads reach it
 * exactly). A profile alert of a process whose stream is judged also carries the stream's latest
 * sequence score, threshold and unusual calls, below the threshold. Alerts are folded so a flood
 * stays readable: the same deviation of the workload alerts once per {@link
 * WatchOptions#realertAfter}, and one process alerts at most once per category of deviation.
 * Thread-safe (synchronized): events and clock ticks come from different threads.
 */
public final class WorkloadMonitor {
  /** Phases of a workload. */
  public enum Phase {
    /** Building the baseline. */
    LEARNING,
    /** Judging against the baseline. */
    MONITORING
  }

  private static final int EVIDENCE = 12;
  private static final int MAX_PROCESSES = 4096;
  private static final int MAX_TRACE = 100_000;
  private static final long MAX_TRACE_TOTAL = 4_000_000;
  private static final int MAX_ALERT_KEYS = 10_000;

  /**
   * System calls a process that was already running when monitoring began feeds its sequence stream
   * before the stream is judged, when its recent calls are not known: its stream starts in the
   * middle of whatever it was doing, after the model's start-of-process context, which the model
   * never saw there. 64 covers the context and the scoring window of the n-gram model (8 + 32).
   */
  static final int WARMUP_CALLS = 64;

  private final ContainerTarget target;
  private final WorkloadId id;
  private final WatchOptions options;
  private final Clock clock;
  private final Consumer<Baseline> onLearned;
  private final BehaviorProfile profile;
  private Phase phase;
  private final long learnStart;
  private final Map<Integer, IntList> traces = lru(MAX_PROCESSES);
  private final List<int[]> finishedTraces = new ArrayList<>();
  private long traceTotal;
  private SequenceDetector detector;
  private final Map<Integer, StreamState> streams = lru(MAX_PROCESSES);
  private final Map<Integer, Boolean> alive = lru(MAX_PROCESSES);
  private final Map<Integer, Boolean> runningBefore = lru(MAX_PROCESSES);
  private final Map<Integer, int[]> carried = lru(MAX_PROCESSES);
  private final Map<Integer, Deque<String>> evidence = lru(MAX_PROCESSES);
  private final Map<Integer, Set<String>> alertedCategories = lru(MAX_PROCESSES);
  private final Map<String, Long> alertedAt = lru(MAX_ALERT_KEYS);
  private long alerts;
  private long judged;

  private WorkloadMonitor(
      ContainerTarget target,
      WatchOptions options,
      Clock clock,
      Consumer<Baseline> onLearned,
      BehaviorProfile profile,
      Phase phase) {
    this.target = target;
    this.id = new WorkloadId(target.imageDigest(), target.workload());
    this.options = options;
    this.clock = clock;
    this.onLearned = onLearned;
    this.profile = profile;
    this.phase = phase;
    this.learnStart = clock.millis();
  }

  /** A monitor that learns first. */
  public static WorkloadMonitor learning(
      ContainerTarget target, WatchOptions options, Clock clock, Consumer<Baseline> onLearned) {
    return new WorkloadMonitor(
        target, options, clock, onLearned, new BehaviorProfile(), Phase.LEARNING);
  }

  /** A monitor that judges against a stored baseline's profile alone from the start. */
  public static WorkloadMonitor fromBaseline(
      ContainerTarget target, Baseline baseline, WatchOptions options, Clock clock) {
    return fromBaseline(target, baseline, null, options, clock);
  }

  /**
   * A monitor that judges against a stored baseline from the start, with its reloaded sequence
   * detector.
   *
   * @param detector the baseline's sequence model, or {@code null} for the profile alone
   */
  public static WorkloadMonitor fromBaseline(
      ContainerTarget target,
      Baseline baseline,
      SequenceDetector detector,
      WatchOptions options,
      Clock clock) {
    WorkloadMonitor m =
        new WorkloadMonitor(
            target,
            options,
            clock,
            b -> {},
            BehaviorProfile.restore(baseline.profile()),
            Phase.MONITORING);
    m.detector = detector;
    return m;
  }

  private static <K, V> Map<K, V> lru(int max) {
    return new LinkedHashMap<>(64, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > max;
      }
    };
  }

  /** The workload's identity. */
  public WorkloadId id() {
    return id;
  }

  /** The container watched. */
  public ContainerTarget target() {
    return target;
  }

  /** The current phase. */
  public synchronized Phase phase() {
    return phase;
  }

  /** The plugged-in sequence detector, or {@code null}. */
  public synchronized SequenceDetector detector() {
    return detector;
  }

  /** Alerts raised so far. */
  public synchronized long alerts() {
    return alerts;
  }

  /** Events learned (learning) or judged (monitoring) so far. */
  public synchronized long events() {
    return phase == Phase.LEARNING ? profile.events() : judged;
  }

  /** Ends learning when its time is up; call about once a second. */
  public synchronized void tick() {
    if (phase == Phase.LEARNING && learnDone()) {
      finishLearning();
    }
  }

  /**
   * Consumes one event of this workload.
   *
   * @return an alert, or {@code null}
   */
  public synchronized Alert accept(RuntimeEvent e) {
    if (phase == Phase.LEARNING) {
      learn(e);
      if (learnDone()) {
        finishLearning();
      }
      return null;
    }
    judged++;
    return judge(e);
  }

  private boolean learnDone() {
    return clock.millis() - learnStart >= options.learnFor().toMillis()
        || (options.learnEvents() > 0 && profile.events() >= options.learnEvents());
  }

  private void learn(RuntimeEvent e) {
    profile.learn(e);
    if (options.trainer() == null) {
      return;
    }
    if (e.kind() == EventKind.EXIT) {
      alive.remove(e.pid());
      runningBefore.remove(e.pid());
    } else {
      alive.put(e.pid(), Boolean.TRUE);
    }
    if (e.kind() == EventKind.SYSCALL && e.syscallNr() >= 0) {
      IntList t = traces.computeIfAbsent(e.pid(), k -> new IntList());
      if (t.size < MAX_TRACE && traceTotal < MAX_TRACE_TOTAL) {
        t.add(e.syscallNr());
        traceTotal++;
      } else {
        t.truncated = true;
      }
    } else if (e.kind() == EventKind.EXIT) {
      IntList t = traces.remove(e.pid());
      if (t != null && t.size > 0) {
        finishedTraces.add(t.toArray());
      }
    }
  }

  private void finishLearning() {
    double seconds = (clock.millis() - learnStart) / 1000.0;
    if (options.trainer() != null) {
      List<int[]> all = new ArrayList<>(finishedTraces);
      for (IntList t : traces.values()) {
        if (t.size > 0) {
          all.add(t.toArray());
        }
      }
      detector = options.trainer().train(all);
      // Processes still running go on being judged mid-flow: their streams continue from the
      // calls they made last while learning, or warm up when those are not known.
      for (Integer pid : alive.keySet()) {
        runningBefore.put(pid, Boolean.TRUE);
        IntList t = traces.get(pid);
        if (t != null && !t.truncated && t.size > 0) {
          carried.put(pid, t.tail(WARMUP_CALLS));
        }
      }
      alive.clear();
    }
    traces.clear();
    finishedTraces.clear();
    phase = Phase.MONITORING;
    onLearned.accept(
        new Baseline(
            Baseline.SCHEMA_VERSION,
            id,
            Instant.now(clock).toString(),
            profile.events(),
            seconds,
            "bpftrace",
            profile.snapshot(),
            null));
  }

  /**
   * Marks processes that were already running when the watch began (host pids), so their sequence
   * streams, which start mid-flow, warm up for {@link #WARMUP_CALLS} calls before they are judged.
   */
  public synchronized void runningBefore(Collection<Integer> pids) {
    for (Integer pid : pids) {
      runningBefore.put(pid, Boolean.TRUE);
    }
  }

  /** Whether {@code pid} is known to have been running before monitoring began (tests). */
  synchronized boolean ranBefore(int pid) {
    return runningBefore.containsKey(pid);
  }

  private StreamState stream(int pid) {
    StreamState st = streams.get(pid);
    if (st == null) {
      st = new StreamState(detector.newStream());
      int[] before = carried.remove(pid);
      if (before != null) {
        for (int nr : before) {
          st.stream.accept(nr);
        }
      } else if (runningBefore.containsKey(pid)) {
        st.warmup = WARMUP_CALLS;
      }
      streams.put(pid, st);
    }
    return st;
  }

  private Alert judge(RuntimeEvent e) {
    if (e.kind() == EventKind.EXIT) {
      streams.remove(e.pid());
      runningBefore.remove(e.pid());
      carried.remove(e.pid());
      evidence.remove(e.pid());
      alertedCategories.remove(e.pid());
      return null;
    }
    if (e.kind() != EventKind.SYSCALL) {
      Deque<String> ev = evidence.computeIfAbsent(e.pid(), k -> new ArrayDeque<>());
      ev.addLast(describe(e));
      while (ev.size() > EVIDENCE) {
        ev.removeFirst();
      }
    }
    ProfileVerdict verdict = profile.score(e);
    double profileNorm = verdict.score() / options.profileThreshold();
    Alert.SequencePart seq = null;
    double seqNorm = 0;
    if (detector != null && e.kind() == EventKind.SYSCALL && e.syscallNr() >= 0) {
      StreamState st = stream(e.pid());
      double score = st.stream.accept(e.syscallNr());
      if (st.warmup > 0) {
        st.warmup--;
      } else if (detector.threshold() > 0) {
        st.last = score;
        st.judged = true;
        seqNorm = score / detector.threshold();
        // A calibrated threshold is the highest score clean streams may reach (Calibration):
        // only a score above it alarms; clean streams often reach it exactly.
        if (score > detector.threshold()) {
          seq =
              new Alert.SequencePart(
                  detector.name(), score, detector.threshold(), st.stream.explain());
        }
      }
    }
    double combined = Math.max(profileNorm, seqNorm);
    if (profileNorm < 1 && seq == null) {
      return null;
    }
    boolean sequenceAlarm = seq != null;
    if (seq == null && detector != null) {
      // A profile alert still shows where the process's sequence stands (one explanation of both
      // models), below the sequence threshold.
      StreamState st = streams.get(e.pid());
      if (st != null && st.judged) {
        seq =
            new Alert.SequencePart(
                detector.name(), st.last, detector.threshold(), st.stream.explain());
        combined = Math.max(combined, st.last / detector.threshold());
      }
    }
    String program = FeatureExtractor.program(e);
    List<String> keys = new ArrayList<>();
    List<String> categories = new ArrayList<>();
    for (Deviation d : verdict.deviations()) {
      if (d.score() >= options.profileThreshold()) {
        keys.add(d.category() + "\u0000" + d.program() + "\u0000" + d.value());
        categories.add(d.category().name());
      }
    }
    if (sequenceAlarm) {
      keys.add("SEQUENCE\u0000" + program + "\u0000" + String.join(",", seq.unusual()));
      categories.add("SEQUENCE");
    }
    if (!fresh(e.pid(), keys, categories)) {
      return null;
    }
    alerts++;
    List<String> ev = new ArrayList<>(evidence.getOrDefault(e.pid(), new ArrayDeque<>()));
    if (e.kind() == EventKind.SYSCALL) {
      ev.add(describe(e));
    }
    RuntimeEvent.ProcessInfo p = e.process();
    return new Alert(
        Alert.SCHEMA,
        UUID.randomUUID().toString(),
        Instant.ofEpochMilli(e.timeNanos() / 1_000_000).toString(),
        new Alert.ContainerRef(target.id(), target.name(), target.imageDigest()),
        new Alert.ProcessRef(
            e.pid(), e.tid(), p.comm(), program, p.argv(), p.parentPid(), p.parentExe()),
        options.mode().name().toLowerCase(java.util.Locale.ROOT),
        round(combined),
        new Alert.ModelPart(round(verdict.score()), options.profileThreshold()),
        seq,
        verdict.deviations(),
        new Alert.EventRef(
            e.kind().name(), e.syscall(), e.path(), e.flags(), e.peerAddress(), e.peerPort()),
        ev,
        null);
  }

  private boolean fresh(int pid, List<String> keys, List<String> categories) {
    long now = clock.millis();
    long quiet = options.realertAfter().toMillis();
    Set<String> seen = alertedCategories.computeIfAbsent(pid, k -> new HashSet<>());
    boolean fresh = false;
    for (int i = 0; i < keys.size(); i++) {
      Long at = alertedAt.get(keys.get(i));
      boolean keyFresh = at == null || now - at >= quiet;
      if (keyFresh && !seen.contains(categories.get(i))) {
        fresh = true;
      }
    }
    if (fresh) {
      for (int i = 0; i < keys.size(); i++) {
        alertedAt.put(keys.get(i), now);
        seen.add(categories.get(i));
      }
    }
    return fresh;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  /** A short human-readable form of an event for alert evidence. */
  static String describe(RuntimeEvent e) {
    switch (e.kind()) {
      case EXEC:
        return "exec " + e.path() + " " + e.process().argv();
      case FILE_OPEN:
        return "open " + (FeatureExtractor.writes(e.flags()) ? "w " : "r ") + e.path();
      case CONNECT:
        return "connect " + e.peerAddress() + ":" + e.peerPort();
      case BIND:
        return "bind " + e.peerAddress() + ":" + e.peerPort();
      case ACCEPT:
        return "accept fd " + e.returnValue();
      case SYSCALL:
        return "syscall " + (e.syscall() != null ? e.syscall() : "#" + e.syscallNr());
      default:
        return e.kind().name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** A process's sequence stream while monitoring. */
  private static final class StreamState {
    final SequenceDetector.Stream stream;
    int warmup;

    /** The latest window score once the stream is judged. */
    double last;

    boolean judged;

    StreamState(SequenceDetector.Stream stream) {
      this.stream = stream;
    }
  }

  /** A growable int array. */
  private static final class IntList {
    int[] data = new int[256];
    int size;
    boolean truncated;

    int[] tail(int n) {
      return java.util.Arrays.copyOfRange(data, Math.max(0, size - n), size);
    }

    void add(int v) {
      if (size == data.length) {
        data = java.util.Arrays.copyOf(data, data.length * 2);
      }
      data[size++] = v;
    }

    int[] toArray() {
      return java.util.Arrays.copyOf(data, size);
    }
  }
}
