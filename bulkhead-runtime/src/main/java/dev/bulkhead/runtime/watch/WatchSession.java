package dev.bulkhead.runtime.watch;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.runtime.alert.Alert;
import dev.bulkhead.runtime.alert.AlertSink;
import dev.bulkhead.runtime.baseline.Baseline;
import dev.bulkhead.runtime.baseline.BaselineStore;
import dev.bulkhead.runtime.baseline.WorkloadId;
import dev.bulkhead.runtime.event.RuntimeEvent;
import dev.bulkhead.runtime.live.BpftraceSensor;
import dev.bulkhead.runtime.live.ContainerTarget;
import dev.bulkhead.runtime.live.ProcFs;
import dev.bulkhead.runtime.live.SensorStats;
import dev.bulkhead.runtime.model.SequenceDetector;
import dev.bulkhead.runtime.model.sequence.SequenceModel;
import dev.bulkhead.runtime.response.ActionOutcome;
import dev.bulkhead.runtime.response.ActionRequest;
import dev.bulkhead.runtime.response.Responder;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one live watch: loads or learns a baseline per container, feeds the sensor's events to a
 * {@link WorkloadMonitor} per container, acts on alerts in protect mode and publishes them.
 *
 * <p>Usable without the sensor: {@link #onEvent} and {@link #tick} drive it from recorded events.
 */
public final class WatchSession implements AutoCloseable {
  private final WatchOptions options;
  private final BaselineStore store;
  private final List<AlertSink> sinks;
  private final Responder responder;
  private final Consumer<String> log;
  private final Clock clock;
  private final Map<String, WorkloadMonitor> monitors = new LinkedHashMap<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile String failure;
  private BpftraceSensor sensor;
  private ScheduledExecutorService ticker;
  private long reportedDrops;

  /** Most {@code /proc} entries looked at for running processes. */
  private static final int MAX_PROC_ENTRIES = 1_000_000;

  /**
   * A session.
   *
   * @param options how to learn and judge
   * @param store where baselines live
   * @param sinks where alerts go
   * @param responder acts on alerts in protect mode (already guarded: dry run, rate limit, audit)
   * @param log receives one-line status messages
   * @param clock the clock
   */
  public WatchSession(
      WatchOptions options,
      BaselineStore store,
      List<AlertSink> sinks,
      Responder responder,
      Consumer<String> log,
      Clock clock) {
    this.options = options;
    this.store = store;
    this.sinks = List.copyOf(sinks);
    this.responder = responder;
    this.log = log;
    this.clock = clock;
  }

  /**
   * Adds the containers to watch, loading each one's baseline when the store has one.
   *
   * @throws BulkheadException when a stored baseline is unreadable or two containers share a pid
   *     namespace
   */
  public void prepare(List<ContainerTarget> targets) throws BulkheadException {
    Map<Long, String> namespaces = new LinkedHashMap<>();
    for (ContainerTarget t : targets) {
      String other = namespaces.putIfAbsent(t.pidNamespace(), t.name());
      if (other != null) {
        throw new BulkheadException(
            "containers "
                + other
                + " and "
                + t.name()
                + " share a pid namespace; the sensor tells workloads apart by pid namespace, so"
                + " watch only one of them");
      }
      WorkloadId id = new WorkloadId(t.imageDigest(), t.workload());
      Optional<Baseline> b = store.load(id);
      WorkloadMonitor m;
      if (b.isPresent()) {
        m = reloaded(t, b.get());
      } else {
        m = WorkloadMonitor.learning(t, options, clock, baseline -> learned(t, baseline));
        log.accept(
            t.name()
                + ": learning for "
                + options.learnFor().toSeconds()
                + " s"
                + (options.learnEvents() > 0 ? " or " + options.learnEvents() + " events" : ""));
      }
      monitors.put(t.id(), m);
    }
  }

  /**
   * A monitor for a stored baseline: with its sequence model when the watch streams system calls,
   * without it (and a notice) otherwise; a baseline without a model watched with system calls says
   * so and how to learn one.
   */
  private WorkloadMonitor reloaded(ContainerTarget t, Baseline b) throws BulkheadException {
    Path file = store.fileOf(b.workload());
    Baseline.SequenceModelRef ref = b.sequenceModel();
    SequenceDetector detector = null;
    if (ref != null && options.syscalls()) {
      detector = store.loadSequenceModel(b);
    }
    log.accept(
        t.name()
            + ": monitoring with the stored baseline "
            + file
            + " ("
            + b.learnedEvents()
            + " events learned "
            + b.createdAt()
            + (detector != null
                ? "; sequence model " + detector.name() + " from " + ref.file()
                : "")
            + ")");
    if (ref != null && !options.syscalls()) {
      log.accept(
          t.name()
              + ": the baseline's sequence model "
              + ref.file()
              + " is ignored without --syscalls (it scores every system call)");
    } else if (ref == null && options.syscalls()) {
      log.accept(
          t.name()
              + ": the stored baseline has no sequence model (learned without --syscalls, from"
              + " too few system calls, or by an older version); watching with the profile alone;"
              + " to learn one, delete "
              + file
              + " and watch again with --syscalls");
    }
    return WorkloadMonitor.fromBaseline(t, b, detector, options, clock);
  }

  private void learned(ContainerTarget t, Baseline baseline) {
    WorkloadMonitor m = monitors.get(t.id());
    SequenceDetector detector = m == null ? null : m.detector();
    SequenceModel model = detector instanceof SequenceModel sm ? sm : null;
    String sequence;
    if (options.trainer() == null) {
      sequence = "";
    } else if (detector == null) {
      sequence = ", no sequence model (too few system calls)";
    } else if (model == null) {
      sequence = ", sequence model " + detector.name() + " (not savable, kept for this watch)";
    } else {
      sequence = ", sequence model " + model.name() + " (threshold " + model.threshold() + ")";
    }
    try {
      Path file = store.save(baseline, model);
      log.accept(
          t.name()
              + ": learned "
              + baseline.learnedEvents()
              + " events in "
              + Math.round(baseline.learnedSeconds())
              + " s"
              + sequence
              + ", saved "
              + file
              + "; monitoring");
    } catch (BulkheadException e) {
      log.accept(
          t.name()
              + ": monitoring"
              + sequence
              + ", but the baseline was not saved: "
              + e.getMessage());
    }
  }

  /** The monitors by container id. */
  public Map<String, WorkloadMonitor> monitors() {
    return Map.copyOf(monitors);
  }

  /** Routes one event to its workload; publishes and acts on the alert it raises, if any. */
  public void onEvent(RuntimeEvent e) {
    WorkloadMonitor m = e.containerId() == null ? null : monitors.get(e.containerId());
    if (m == null) {
      return;
    }
    Alert alert = m.accept(e);
    if (alert == null) {
      return;
    }
    if (options.mode() == WatchMode.PROTECT && responder != null) {
      ActionRequest req =
          new ActionRequest(
              m.target().id(), m.target().name(), options.action(), alert.id(), summary(alert));
      ActionOutcome outcome = responder.respond(req);
      alert =
          alert.withAction(
              new Alert.ActionRef(options.action().id(), outcome.status(), outcome.message()));
    }
    for (AlertSink s : sinks) {
      s.publish(alert);
    }
  }

  private static String summary(Alert a) {
    String what =
        a.reasons().isEmpty()
            ? "sequence score " + a.sequence().score()
            : a.reasons().get(0).category()
                + " "
                + a.reasons().get(0).value()
                + ": "
                + a.reasons().get(0).reason();
    return a.process().exe() + " (pid " + a.process().pid() + "): " + what;
  }

  /** Lets learning end on time and reports new sensor drops; called once a second. */
  public void tick() {
    for (WorkloadMonitor m : monitors.values()) {
      m.tick();
    }
    if (sensor != null) {
      long dropped = sensor.stats().dropped();
      if (dropped > reportedDrops) {
        log.accept("warning: the sensor dropped " + (dropped - reportedDrops) + " more events");
        reportedDrops = dropped;
      }
    }
  }

  /**
   * Starts the sensor on all prepared containers and the once-a-second tick.
   *
   * @throws BulkheadException when the sensor cannot start
   */
  public void start(Path bpftrace) throws BulkheadException {
    List<ContainerTarget> targets =
        monitors.values().stream().map(WorkloadMonitor::target).toList();
    if (options.syscalls()) {
      markRunningProcesses(Path.of("/proc"));
    }
    sensor =
        BpftraceSensor.start(
            bpftrace,
            targets,
            options.syscalls(),
            this::onEvent,
            why -> {
              failure = why;
              stopped.countDown();
            });
    ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "bulkhead-watch-tick");
              t.setDaemon(true);
              return t;
            });
    ticker.scheduleAtFixedRate(this::tickSafely, 1, 1, TimeUnit.SECONDS);
    log.accept("sensor attached to " + targets.size() + " container(s)");
  }

  /**
   * Tells each monitor which of its container's processes run already (host pids from {@code proc},
   * by pid namespace), so their system-call streams, which the sensor will pick up mid-flow, are
   * not judged as if the processes had just started.
   */
  void markRunningProcesses(Path proc) {
    Map<Long, WorkloadMonitor> byNamespace = new LinkedHashMap<>();
    for (WorkloadMonitor m : monitors.values()) {
      byNamespace.put(m.target().pidNamespace(), m);
    }
    Map<WorkloadMonitor, List<Integer>> running = new LinkedHashMap<>();
    ProcFs procFs = new ProcFs(proc);
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(proc, "[0-9]*")) {
      int seen = 0;
      for (Path d : dirs) {
        if (++seen > MAX_PROC_ENTRIES) {
          break;
        }
        int pid;
        try {
          pid = Integer.parseInt(d.getFileName().toString());
        } catch (NumberFormatException e) {
          continue;
        }
        WorkloadMonitor m;
        try {
          m = byNamespace.get(procFs.pidNamespace(pid));
        } catch (IOException | RuntimeException e) {
          continue; // gone meanwhile, or not readable
        }
        if (m != null) {
          running.computeIfAbsent(m, k -> new ArrayList<>()).add(pid);
        }
      }
    } catch (IOException e) {
      log.accept(
          "warning: cannot list "
              + proc
              + " ("
              + e.getMessage()
              + "); processes running already"
              + " will be judged by the sequence model as if they had just started");
      return;
    }
    running.forEach(WorkloadMonitor::runningBefore);
  }

  private void tickSafely() {
    try {
      tick();
    } catch (RuntimeException e) {
      failure = "watch tick failed: " + e;
      stopped.countDown();
    }
  }

  /**
   * Blocks until {@link #stop}, a sensor failure, or {@code max} (null: no limit).
   *
   * @throws BulkheadException when the sensor failed for good
   */
  public void await(Duration max) throws BulkheadException {
    try {
      if (max == null) {
        stopped.await();
      } else {
        stopped.await(max.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (failure != null) {
      throw new BulkheadException("the watch stopped: " + failure);
    }
  }

  /** Makes {@link #await} return. */
  public void stop() {
    stopped.countDown();
  }

  /** The sensor's counters, or {@code null} before {@link #start}. */
  public SensorStats stats() {
    return sensor == null ? null : sensor.stats();
  }

  /** Stops the sensor and the tick, and closes the sinks. */
  @Override
  public void close() {
    if (ticker != null) {
      ticker.shutdownNow();
    }
    if (sensor != null) {
      sensor.close();
    }
    for (AlertSink s : sinks) {
      s.close();
    }
  }
}
