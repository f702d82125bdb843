package dev.bulkhead.cli;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.engine.EngineClient;
import dev.bulkhead.core.report.Printable;
import dev.bulkhead.runtime.alert.AlertSink;
import dev.bulkhead.runtime.alert.JsonLinesAlertSink;
import dev.bulkhead.runtime.alert.WebhookAlertSink;
import dev.bulkhead.runtime.baseline.BaselineStore;
import dev.bulkhead.runtime.live.ContainerTarget;
import dev.bulkhead.runtime.live.ProcFs;
import dev.bulkhead.runtime.live.SensorPreflight;
import dev.bulkhead.runtime.live.SensorStats;
import dev.bulkhead.runtime.response.AuditLog;
import dev.bulkhead.runtime.response.DryRunLink;
import dev.bulkhead.runtime.response.EngineResponder;
import dev.bulkhead.runtime.response.RateLimitLink;
import dev.bulkhead.runtime.response.ResponseAction;
import dev.bulkhead.runtime.response.ResponseLink;
import dev.bulkhead.runtime.watch.ContainerResolver;
import dev.bulkhead.runtime.watch.NgramSequenceTrainer;
import dev.bulkhead.runtime.watch.WatchMode;
import dev.bulkhead.runtime.watch.WatchOptions;
import dev.bulkhead.runtime.watch.WatchSession;
import dev.bulkhead.runtime.watch.WorkloadMonitor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bulkhead runtime watch}: watches live containers with the eBPF sensor, learns a baseline
 * per workload, then alerts on deviations and, in protect mode, pauses or stops the container.
 */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Watch running containers with an eBPF sensor (bpftrace; needs root): learn how each"
          + " workload behaves (programs and their parents, files by access mode, network peers"
          + " and ports, system calls), then alert on what deviates and, with --mode protect,"
          + " pause or stop the container through the engine API (dry-run until --enforce).",
      "",
      "A workload is image + container name (for a container the kubelet started: its"
          + " Kubernetes owner); its baseline is saved in --baseline-dir when learning ends and"
          + " reused by later watches, which then monitor at once. Alerts are JSON lines (schema"
          + " bulkhead.alert/v1) written to --alerts and standard output, and POSTed to"
          + " --webhook. Runs until interrupted (Ctrl-C) or --for elapses.",
      ""
    })
final class RuntimeWatchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--container",
      required = true,
      paramLabel = "NAME",
      description = "Container name or id to watch (repeat for more).")
  List<String> containers = new ArrayList<>();

  @Option(
      names = "--learn",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      defaultValue = "10m",
      description =
          "Learn phase length for workloads without a baseline (default ${DEFAULT-VALUE}).")
  Duration learn;

  @Option(
      names = "--learn-events",
      paramLabel = "N",
      defaultValue = "0",
      description = "End learning after N events if that comes first (0: by time only).")
  long learnEvents;

  @Option(
      names = "--mode",
      paramLabel = "monitor|protect",
      defaultValue = "monitor",
      description = "monitor: alert only; protect: also act on the container (default monitor).")
  String mode;

  @Option(
      names = "--action",
      paramLabel = "pause|stop",
      defaultValue = "pause",
      description = "What protect mode does (default pause).")
  String action;

  @Option(
      names = "--enforce",
      description = "Really pause/stop; without it protect mode only records the would-be action.")
  boolean enforce;

  @Option(
      names = "--alerts",
      required = true,
      paramLabel = "FILE.jsonl",
      description = "Append alerts to this file, one JSON object per line.")
  Path alerts;

  @Option(names = "--webhook", paramLabel = "URL", description = "Also POST each alert here.")
  String webhook;

  @Option(
      names = "--audit-log",
      paramLabel = "FILE",
      description = "Protect-mode audit log (default: audit.jsonl beside --alerts).")
  Path auditLog;

  @Option(
      names = "--host",
      paramLabel = "URL",
      description =
          "Container engine API: unix:///path or tcp://host:port (default DOCKER_HOST, then"
              + " /var/run/docker.sock, /run/podman/podman.sock).")
  String host;

  @Option(
      names = "--baseline-dir",
      paramLabel = "DIR",
      description = "Where baselines live (default ~/.local/state/bulkhead/baselines).")
  Path baselineDir;

  @Option(
      names = "--threshold",
      paramLabel = "SCORE",
      defaultValue = "0.8",
      description = "Profile score (0..1] at which an event alarms (default ${DEFAULT-VALUE}).")
  double threshold;

  @Option(
      names = "--realert",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      defaultValue = "10m",
      description = "Quiet period before the same deviation alerts again (default 10m).")
  Duration realert;

  @Option(
      names = "--max-actions",
      paramLabel = "N",
      defaultValue = "5",
      description = "At most N protect actions per 10 minutes over all containers (default 5).")
  int maxActions;

  @Option(
      names = "--syscalls",
      description = {
        "Also stream every system call and learn a system-call sequence model per workload",
        "(the n-gram model of `runtime learn`) beside the behaviour profile; it is saved with",
        "the baseline and reused by later watches with --syscalls. Costs more: every call is",
        "traced in the kernel and sent in batches of up to 36; a syscall-bound container",
        "runs 4-7x slower (docs/RUNTIME-LIVE.md)."
      })
  boolean syscalls;

  /** False-alarm rate per held-out process stream the live sequence threshold aims at. */
  private static final double SEQUENCE_FAR = 0.01;

  @Option(
      names = "--for",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Stop after this long (default: run until interrupted).")
  Duration runFor;

  @Option(names = "--bpftrace", paramLabel = "PATH", description = "The bpftrace to run.")
  Path bpftrace;

  @Option(names = "--quiet", description = "Do not copy alerts to standard output.")
  boolean quiet;

  @Override
  public Integer call() throws BulkheadException {
    WatchMode watchMode = parseMode();
    ResponseAction responseAction = parseAction();
    if (enforce && watchMode != WatchMode.PROTECT) {
      throw new ParameterException(spec.commandLine(), "--enforce needs --mode protect");
    }
    if (!(threshold > 0 && threshold <= 1)) {
      throw new ParameterException(spec.commandLine(), "--threshold must be in (0, 1]");
    }
    if (maxActions < 1 || learnEvents < 0) {
      throw new ParameterException(
          spec.commandLine(), "--max-actions must be at least 1 and --learn-events not negative");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    WebhookAlertSink hook =
        webhook == null ? null : WebhookAlertSink.of(webhook, Duration.ofSeconds(5));
    Path exe = SensorPreflight.check(bpftrace);
    EngineClient engine = EngineClient.connect(host, Duration.ofSeconds(15));
    ContainerResolver resolver = new ContainerResolver(engine, new ProcFs(Path.of("/proc")));
    List<ContainerTarget> targets = new ArrayList<>();
    for (String c : containers) {
      targets.add(resolver.resolve(c));
    }
    List<AlertSink> sinks = new ArrayList<>();
    sinks.add(JsonLinesAlertSink.toFile(alerts));
    if (!quiet) {
      sinks.add(JsonLinesAlertSink.toWriter(out));
    }
    if (hook != null) {
      sinks.add(hook);
    }
    Clock clock = Clock.systemUTC();
    AuditLog audit = null;
    if (watchMode == WatchMode.PROTECT) {
      Path parent = alerts.toAbsolutePath().getParent();
      audit = AuditLog.open(auditLog != null ? auditLog : parent.resolve("audit.jsonl"), clock);
    }
    var responder =
        audit == null
            ? null
            : ResponseLink.chain(
                List.of(
                    audit,
                    new RateLimitLink(maxActions, Duration.ofMinutes(10), clock),
                    new DryRunLink(enforce)),
                new EngineResponder(engine));
    WatchOptions options =
        new WatchOptions(
            learn,
            learnEvents,
            watchMode,
            responseAction,
            threshold,
            realert,
            syscalls,
            syscalls ? new NgramSequenceTrainer(SEQUENCE_FAR) : null);
    BaselineStore store = new BaselineStore(baselineDir != null ? baselineDir : defaultDir());
    WatchSession session =
        new WatchSession(
            options,
            store,
            sinks,
            responder,
            msg -> {
              synchronized (err) {
                err.println("bulkhead: watch: " + Printable.of(msg));
                err.flush();
              }
            },
            clock);
    AtomicBoolean closed = new AtomicBoolean();
    AuditLog auditToClose = audit;
    WebhookAlertSink hookToReport = hook;
    Runnable shutdown =
        () -> {
          if (closed.compareAndSet(false, true)) {
            session.stop();
            session.close();
            if (auditToClose != null) {
              auditToClose.close();
            }
            summary(err, session, hookToReport);
          }
        };
    Thread hookThread = new Thread(shutdown, "bulkhead-watch-shutdown");
    try {
      session.prepare(targets);
      if (watchMode == WatchMode.PROTECT) {
        err.println(
            "bulkhead: watch: protect mode, action "
                + responseAction.id()
                + (enforce ? ", ENFORCING" : ", dry run (pass --enforce to act)")
                + "; audit log "
                + auditToClose.file());
      }
      session.start(exe);
      Runtime.getRuntime().addShutdownHook(hookThread);
      session.await(runFor);
    } finally {
      shutdown.run();
      try {
        Runtime.getRuntime().removeShutdownHook(hookThread);
      } catch (IllegalStateException e) {
        // already shutting down
      }
    }
    return ExitCodes.OK;
  }

  private static void summary(PrintWriter err, WatchSession session, WebhookAlertSink hook) {
    SensorStats s = session.stats();
    long alertCount = 0;
    for (WorkloadMonitor m : session.monitors().values()) {
      alertCount += m.alerts();
    }
    StringBuilder b = new StringBuilder("bulkhead: watch: stopped; ");
    if (s != null) {
      b.append(s.received())
          .append(" sensor events, ")
          .append(s.dropped())
          .append(" dropped (perf buffer ")
          .append(s.lost())
          .append(", unaccounted ")
          .append(s.unaccounted())
          .append(", pipeline ")
          .append(s.queueDropped())
          .append("), ")
          .append(s.malformed())
          .append(" malformed, ")
          .append(s.restarts())
          .append(" sensor restarts; ");
    }
    b.append(alertCount).append(" alerts");
    if (hook != null) {
      b.append("; webhook delivered ")
          .append(hook.delivered())
          .append(", failed ")
          .append(hook.failures());
    }
    err.println(b);
    err.flush();
  }

  private WatchMode parseMode() {
    try {
      return WatchMode.valueOf(mode.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), "--mode must be monitor or protect, not " + mode);
    }
  }

  private ResponseAction parseAction() {
    try {
      return ResponseAction.valueOf(action.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), "--action must be pause or stop, not " + action);
    }
  }

  private static Path defaultDir() {
    String state = System.getenv("XDG_STATE_HOME");
    Path base =
        state != null && !state.isBlank()
            ? Path.of(state)
            : Path.of(System.getProperty("user.home"), ".local", "state");
    return base.resolve("bulkhead").resolve("baselines");
  }
}
