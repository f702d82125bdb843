package dev.bulkhead.runtime.live;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.runtime.event.RuntimeEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The live sensor: runs {@code bpftrace} with a {@link BpftraceProgram} for the watched containers,
 * reads its records, turns them into {@link RuntimeEvent}s and hands them to a consumer on a
 * dispatcher thread.
 *
 * <p>Lifecycle: {@link #start} returns once all probes are attached (or fails with bpftrace's own
 * error); when bpftrace dies unexpectedly it is restarted up to {@link #MAX_RESTARTS} times, then
 * {@code onFailure} is told. A bounded queue decouples the reader from the consumer; when the
 * consumer falls behind, events are dropped and counted rather than stalling the kernel side.
 * {@link #close} stops bpftrace and drains the queue.
 */
public final class BpftraceSensor implements AutoCloseable {
  /** Restarts allowed after bpftrace dies before the sensor gives up. */
  public static final int MAX_RESTARTS = 3;

  private static final int MAX_LINE = 8192;
  private static final int QUEUE = 1 << 16;
  private static final long HOLD_NANOS = 40_000_000L;
  private static final Pending POISON = new Pending(null, null, 0, 0);

  private final Path bpftrace;
  private final Map<Long, ContainerTarget> targets;
  private final boolean syscalls;
  private final Consumer<RuntimeEvent> consumer;
  private final Consumer<String> onFailure;
  private final ProcessTable table;
  private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE);
  private final long wallOffset = System.currentTimeMillis() * 1_000_000L - System.nanoTime();
  private long sequence;
  private final Deque<String> stderrTail = new ArrayDeque<>();
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong batches = new AtomicLong();
  private final AtomicLong emitted = new AtomicLong();
  private final AtomicLong unaccounted = new AtomicLong();
  private final AtomicLong lost = new AtomicLong();
  private final AtomicLong malformed = new AtomicLong();
  private final AtomicLong queueDropped = new AtomicLong();
  private final Path workDir;
  private volatile boolean closing;
  private volatile int restarts;
  private volatile Process process;
  private Thread dispatcher;

  private BpftraceSensor(
      Path bpftrace,
      List<ContainerTarget> targets,
      boolean syscalls,
      Consumer<RuntimeEvent> consumer,
      Consumer<String> onFailure)
      throws IOException {
    this.bpftrace = bpftrace;
    Map<Long, ContainerTarget> byNs = new LinkedHashMap<>();
    for (ContainerTarget t : targets) {
      byNs.put(t.pidNamespace(), t);
    }
    this.targets = Map.copyOf(byNs);
    this.syscalls = syscalls;
    this.consumer = consumer;
    this.onFailure = onFailure;
    ProcFs proc = new ProcFs(Path.of("/proc"));
    this.table = new ProcessTable(this.targets, proc::read);
    this.workDir =
        Files.createTempDirectory(
            "bulkhead-sensor",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
  }

  /**
   * Starts watching {@code targets}.
   *
   * @param bpftrace the bpftrace executable (from {@link SensorPreflight#check})
   * @param targets containers to watch, at least one
   * @param syscalls whether to stream every system call
   * @param consumer receives events, in order, on one dispatcher thread
   * @param onFailure told (once) when bpftrace died and could not be restarted
   * @throws BulkheadException when bpftrace cannot attach its probes
   */
  public static BpftraceSensor start(
      Path bpftrace,
      List<ContainerTarget> targets,
      boolean syscalls,
      Consumer<RuntimeEvent> consumer,
      Consumer<String> onFailure)
      throws BulkheadException {
    if (targets.isEmpty()) {
      throw new BulkheadException("no container to watch");
    }
    BpftraceSensor s;
    try {
      s = new BpftraceSensor(bpftrace, targets, syscalls, consumer, onFailure);
    } catch (IOException e) {
      throw new BulkheadException("cannot create a private directory for the sensor: " + e, e);
    }
    s.dispatcher = new Thread(s::dispatch, "bulkhead-sensor-dispatch");
    s.dispatcher.setDaemon(true);
    s.dispatcher.start();
    try {
      s.launch();
    } catch (BulkheadException e) {
      s.close();
      throw e;
    }
    return s;
  }

  private void launch() throws BulkheadException {
    BpftraceProgram program = BpftraceProgram.forNamespaces(targets.keySet(), syscalls);
    Path file = workDir.resolve("sensor.bt");
    ProcessBuilder pb = new ProcessBuilder(bpftrace.toString(), "-B", "line", file.toString());
    pb.environment().put("BPFTRACE_STRLEN", "200");
    pb.environment().put("BPFTRACE_PERF_RB_PAGES", "256");
    Process p;
    try {
      Files.writeString(file, program.text(), StandardCharsets.UTF_8);
      p = pb.start();
      p.getOutputStream().close();
    } catch (IOException e) {
      throw new BulkheadException("cannot start " + bpftrace + ": " + e.getMessage(), e);
    }
    process = p;
    CountDownLatch ready = new CountDownLatch(1);
    SensorLineParser parser = new SensorLineParser(program.nonce());
    Thread out = new Thread(() -> readEvents(p, parser, ready), "bulkhead-sensor-read");
    out.setDaemon(true);
    out.start();
    Thread err = new Thread(() -> readErrors(p), "bulkhead-sensor-stderr");
    err.setDaemon(true);
    err.start();
    try {
      boolean ok = false;
      for (int i = 0; i < 1200 && !ok && p.isAlive(); i++) {
        ok = ready.await(50, TimeUnit.MILLISECONDS);
      }
      if (!ok) {
        ok = ready.getCount() == 0;
      }
      if (!ok) {
        p.destroyForcibly();
        err.join(2000);
        throw new BulkheadException(
            "bpftrace could not attach the sensor's probes"
                + (p.isAlive() ? " within 60 s" : " (exit " + exitOf(p) + ")")
                + ": "
                + stderrText()
                + "; check that the kernel allows BPF (kernel.unprivileged_bpf_disabled does not"
                + " matter for root, but lockdown or seccomp may) and that tracefs is mounted");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new BulkheadException("interrupted while starting the sensor", e);
    }
    Thread watch = new Thread(() -> supervise(p), "bulkhead-sensor-supervise");
    watch.setDaemon(true);
    watch.start();
  }

  private static String exitOf(Process p) {
    try {
      return Integer.toString(p.exitValue());
    } catch (IllegalThreadStateException e) {
      return "running";
    }
  }

  private void supervise(Process p) {
    try {
      p.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (closing) {
      return;
    }
    String why = "bpftrace exited with " + p.exitValue() + ": " + stderrText();
    if (restarts >= MAX_RESTARTS) {
      onFailure.accept(why + " (gave up after " + restarts + " restarts)");
      return;
    }
    restarts++;
    try {
      Thread.sleep(500L * restarts);
      if (!closing) {
        launch();
      }
    } catch (BulkheadException e) {
      onFailure.accept(why + "; restart failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void readEvents(Process p, SensorLineParser parser, CountDownLatch ready) {
    long lastEmitted = -1;
    try (InputStream in = p.getInputStream()) {
      ByteArrayOutputStream buf = new ByteArrayOutputStream(256);
      boolean overlong = false;
      byte[] chunk = new byte[65536];
      int n;
      while ((n = in.read(chunk)) > 0) {
        for (int i = 0; i < n; i++) {
          byte b = chunk[i];
          if (b != '\n') {
            if (buf.size() < MAX_LINE) {
              buf.write(b);
            } else {
              overlong = true;
            }
            continue;
          }
          String line = buf.toString(StandardCharsets.UTF_8);
          buf.reset();
          if (overlong) {
            overlong = false;
            malformed.incrementAndGet();
            continue;
          }
          switch (parser.classify(line)) {
            case READY:
              ready.countDown();
              break;
            case SENT_COUNT:
              long count = SensorLineParser.number(line);
              if (lastEmitted >= 0) {
                long gap = lastEmitted - received.get();
                unaccounted.accumulateAndGet(gap, Math::max);
              }
              lastEmitted = count;
              emitted.set(count);
              break;
            case LOST:
              lost.addAndGet(Math.max(0, SensorLineParser.number(line)));
              break;
            case EVENT:
              received.incrementAndGet();
              SensorRecord r = parser.parse(line);
              if (r == null) {
                malformed.incrementAndGet();
                break;
              }
              if (!queue.offer(new Pending(r, null, System.nanoTime(), sequence++))) {
                queueDropped.incrementAndGet();
              }
              break;
            case BATCH:
              SyscallBatch q = parser.parseBatch(line);
              if (q == null) {
                received.incrementAndGet();
                malformed.incrementAndGet();
                break;
              }
              // Counted in calls, like the kernel side's sum, so drops are counted in calls too.
              received.addAndGet(q.size());
              batches.incrementAndGet();
              if (!queue.offer(new Pending(null, q, System.nanoTime(), sequence++))) {
                queueDropped.addAndGet(q.size());
              }
              break;
            default:
              if (!line.isBlank() && !line.startsWith("Attaching ")) {
                malformed.incrementAndGet();
              }
          }
        }
      }
    } catch (IOException e) {
      // the process went away; the supervisor decides what happens next
    }
  }

  private void readErrors(Process p) {
    try (InputStream in = p.getErrorStream()) {
      StringBuilder line = new StringBuilder();
      int c;
      while ((c = in.read()) != -1) {
        if (c == '\n') {
          String l = line.toString();
          line.setLength(0);
          if (l.contains("RLIMIT_MEMLOCK")) {
            continue; // harmless on kernels that account BPF memory to the cgroup
          }
          synchronized (stderrTail) {
            stderrTail.addLast(l);
            while (stderrTail.size() > 20) {
              stderrTail.removeFirst();
            }
          }
        } else if (line.length() < 2000) {
          line.append((char) c);
        }
      }
    } catch (IOException e) {
      // process ended
    }
  }

  private String stderrText() {
    synchronized (stderrTail) {
      return stderrTail.isEmpty() ? "(no error output)" : String.join(" | ", stderrTail);
    }
  }

  /**
   * Delivers records in kernel-time order: bpftrace reads one perf buffer per CPU, so a child's
   * exec can arrive before its parent's; records wait {@link #HOLD_NANOS} in a priority queue.
   */
  private void dispatch() {
    PriorityQueue<Pending> ordered =
        new PriorityQueue<>(
            Comparator.comparingLong(Pending::ktime).thenComparingLong(Pending::seq));
    List<Pending> batch = new ArrayList<>();
    boolean stopping = false;
    while (!stopping || !ordered.isEmpty()) {
      if (!stopping) {
        Pending first;
        try {
          first = queue.poll(10, TimeUnit.MILLISECONDS);
        } catch (InterruptedException ex) {
          Thread.currentThread().interrupt();
          return;
        }
        if (first != null) {
          batch.add(first);
          queue.drainTo(batch, 4096);
          for (Pending p : batch) {
            if (p == POISON) {
              stopping = true;
            } else {
              ordered.add(p);
            }
          }
          batch.clear();
        }
      }
      long release = System.nanoTime() - HOLD_NANOS;
      while (!ordered.isEmpty() && (stopping || ordered.peek().arrival() <= release)) {
        Pending next = ordered.poll();
        try {
          if (next.batch() == null) {
            deliver(next.record());
          } else {
            SyscallBatch q = next.batch();
            for (int i = 0; i < q.size(); i++) {
              deliver(q.record(i));
            }
          }
        } catch (RuntimeException ex) {
          onFailure.accept("event pipeline failed: " + ex);
          return;
        }
      }
    }
  }

  private void deliver(SensorRecord r) {
    RuntimeEvent e = table.accept(r, r.ktime() + wallOffset);
    if (e != null) {
      consumer.accept(e);
    }
  }

  /** A record or a batch of system call records waiting to be put in kernel-time order. */
  private record Pending(SensorRecord record, SyscallBatch batch, long arrival, long seq) {
    long ktime() {
      return batch == null ? record.ktime() : batch.firstKtime();
    }
  }

  /** The counters so far. */
  public SensorStats stats() {
    return new SensorStats(
        received.get(),
        emitted.get(),
        unaccounted.get(),
        lost.get(),
        malformed.get(),
        queueDropped.get(),
        restarts,
        batches.get());
  }

  /** Stops bpftrace, delivers the events already read, and removes the program file. */
  @Override
  public void close() {
    closing = true;
    Process p = process;
    if (p != null) {
      p.destroy();
      try {
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          p.waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
      }
    }
    if (dispatcher != null) {
      try {
        queue.put(POISON);
        dispatcher.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      Files.deleteIfExists(workDir.resolve("sensor.bt"));
      Files.deleteIfExists(workDir);
    } catch (IOException e) {
      // a leftover private temp directory is harmless
    }
  }

  /** Returns the watched containers. */
  public List<ContainerTarget> targets() {
    return new ArrayList<>(targets.values());
  }
}
