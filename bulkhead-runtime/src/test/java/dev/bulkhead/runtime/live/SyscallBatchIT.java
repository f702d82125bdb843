package dev.bulkhead.runtime.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.runtime.event.EventKind;
import dev.bulkhead.runtime.event.RuntimeEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real sensor with system calls on (batched in the kernel) on a pid namespace made with
 * {@code unshare}, and checks the per-process call sequences against {@code strace -f -n} of the
 * same deterministic programs: same calls, same order, none lost at exit, several processes at
 * once; and that a process that stops making calls (spinning or sleeping) still has its calls
 * delivered within the latency bound.
 */
class SyscallBatchIT {
  private static final Pattern STRACE_CALL =
      Pattern.compile("^(\\d+) +\\[\\s*(\\d+)\\] [a-z_0-9]+\\(");
  private static final int EXECVE = 59;

  @TempDir Path tmp;

  private Path bpftrace;
  private Process holder;
  private int nsPid;
  private long ns;

  private static Path requireSensor() {
    boolean ci = "true".equals(System.getenv("CI"));
    try {
      return SensorPreflight.check(null);
    } catch (BulkheadException e) {
      if (ci) {
        throw new IllegalStateException(
            "the live sensor cannot run: " + e.getMessage() + " (apt-get install -y bpftrace)", e);
      }
      assumeTrue(false, e.getMessage());
      return null;
    }
  }

  private static void requireTool(Path tool, String apt) {
    if (Files.isExecutable(tool)) {
      return;
    }
    if ("true".equals(System.getenv("CI"))) {
      throw new IllegalStateException(tool + " is missing: apt-get install -y " + apt);
    }
    assumeTrue(false, tool + " is missing: apt-get install -y " + apt);
  }

  private static Process run(List<String> cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getOutputStream().close();
    return p;
  }

  private static String runToEnd(List<String> cmd) throws Exception {
    Process p = run(cmd);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("%s ends", cmd).isTrue();
    return out;
  }

  @BeforeEach
  void namespace() throws Exception {
    bpftrace = requireSensor();
    requireTool(Path.of("/bin/busybox"), "busybox-static");
    requireTool(Path.of("/usr/bin/strace"), "strace");
    holder =
        run(List.of("unshare", "--pid", "--fork", "--kill-child", "/bin/busybox", "sleep", "300"));
    for (int i = 0; i < 50 && nsPid <= 0; i++) {
      for (ProcessHandle c : holder.toHandle().children().toList()) {
        nsPid = (int) c.pid();
      }
      Thread.sleep(100);
    }
    assertThat(nsPid).as("the sleep inside the new pid namespace").isPositive();
    ns = new ProcFs(Path.of("/proc")).pidNamespace(nsPid);
  }

  @AfterEach
  void stop() throws Exception {
    if (holder != null) {
      holder.destroy();
      holder.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private List<String> inNamespace(String... cmd) {
    List<String> c = new ArrayList<>(List.of("nsenter", "-t", Integer.toString(nsPid), "-p", "--"));
    c.addAll(List.of(cmd));
    return c;
  }

  /** Per-process call numbers from {@code strace -f -n} output, in order. */
  private static Map<Integer, List<Integer>> straceCalls(Path log) throws Exception {
    Map<Integer, List<Integer>> calls = new LinkedHashMap<>();
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      Matcher m = STRACE_CALL.matcher(line);
      if (m.find()) {
        calls
            .computeIfAbsent(Integer.parseInt(m.group(1)), k -> new ArrayList<>())
            .add(Integer.parseInt(m.group(2)));
      }
    }
    return calls;
  }

  /** The calls from the (first) execve on: what a program does regardless of its parent. */
  private static List<Integer> fromExec(List<Integer> calls) {
    int at = calls.indexOf(EXECVE);
    return at < 0 ? List.of() : calls.subList(at, calls.size());
  }

  /** The reference: one run of {@code /bin/busybox ARGS} in the namespace under strace. */
  private List<Integer> reference(String... args) throws Exception {
    Path log = tmp.resolve("strace-" + String.join("_", args).replace('/', '-') + ".txt");
    List<String> cmd = new ArrayList<>(List.of("strace", "-f", "-n", "-o", log.toString()));
    List<String> program = new ArrayList<>(List.of("/bin/busybox"));
    program.addAll(List.of(args));
    cmd.addAll(inNamespace(program.toArray(String[]::new)));
    String out = runToEnd(cmd);
    // The first process is nsenter itself; the program is the child it forks into the namespace.
    List<List<Integer>> processes = new ArrayList<>(straceCalls(log).values());
    assertThat(processes).as("nsenter and the program in %s; output %s", log, out).hasSize(2);
    List<Integer> calls = fromExec(processes.get(1));
    assertThat(calls).as("strace saw the program execve").isNotEmpty();
    return calls;
  }

  private record Seen(RuntimeEvent event, long arrivalNanos) {}

  private static long nowNanos() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  private static void awaitEvents(List<Seen> seen, Predicate<List<Seen>> done) throws Exception {
    for (int i = 0; i < 200 && !done.test(seen); i++) {
      Thread.sleep(50);
    }
    Thread.sleep(300);
  }

  /** Pids whose exec had these arguments after the program. */
  private static List<Integer> execs(List<Seen> seen, Predicate<List<String>> argv) {
    List<Integer> pids = new ArrayList<>();
    for (Seen x : seen) {
      if (x.event().kind() == EventKind.EXEC && argv.test(x.event().process().argv())) {
        pids.add(x.event().pid());
      }
    }
    return pids;
  }

  private static List<Integer> callsOf(List<Seen> seen, int pid) {
    List<Integer> calls = new ArrayList<>();
    for (Seen s : seen) {
      if (s.event().kind() == EventKind.SYSCALL && s.event().tid() == pid) {
        calls.add(s.event().syscallNr());
      }
    }
    return calls;
  }

  @Test
  void batchedCallSequencesEqualStraceOfTheSamePrograms() throws Exception {
    String[] counts = {"700", "701", "5"};
    Map<String, List<Integer>> expected = new HashMap<>();
    for (String count : counts) {
      expected.put(
          count, reference("dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=" + count));
    }
    assertThat(expected.get("700").size()).as("dd bs=1 makes 2 calls a byte").isGreaterThan(1400);

    List<Seen> seen = new CopyOnWriteArrayList<>();
    List<String> failures = new CopyOnWriteArrayList<>();
    ContainerTarget target = new ContainerTarget("nsid", "ns-test", "sha256:none", nsPid, ns);
    try (BpftraceSensor sensor =
        BpftraceSensor.start(
            bpftrace,
            List.of(target),
            true,
            e -> seen.add(new Seen(e, nowNanos())),
            failures::add)) {
      // Three programs at once, so batches of several processes interleave.
      StringBuilder script = new StringBuilder();
      for (String count : counts) {
        script
            .append("/bin/busybox dd if=/dev/zero of=/dev/null bs=1 count=")
            .append(count)
            .append(" 2>/dev/null & ");
      }
      script.append("wait");
      runToEnd(inNamespace("/bin/busybox", "sh", "-c", script.toString()));
      Map<Integer, String> ddCount = new HashMap<>();
      awaitEvents(
          seen,
          s -> {
            ddCount.clear();
            for (Seen x : s) {
              List<String> argv = x.event().process().argv();
              if (x.event().kind() == EventKind.EXEC
                  && argv.size() == 6
                  && "dd".equals(argv.get(1))) {
                ddCount.put(x.event().pid(), argv.get(5).substring("count=".length()));
              }
            }
            return ddCount.size() == counts.length
                && ddCount.keySet().stream()
                    .allMatch(
                        pid ->
                            s.stream()
                                .anyMatch(
                                    x ->
                                        x.event().kind() == EventKind.EXIT
                                            && x.event().pid() == pid));
          });
      assertThat(failures).isEmpty();
      assertThat(ddCount).as("exec of the three dd").hasSize(counts.length);
      for (Map.Entry<Integer, String> dd : ddCount.entrySet()) {
        List<Integer> got = fromExec(callsOf(seen, dd.getKey()));
        assertThat(got)
            .as("calls of dd count=%s (pid %d) against strace", dd.getValue(), dd.getKey())
            .isEqualTo(expected.get(dd.getValue()));
      }
      SensorStats stats = sensor.stats();
      assertThat(stats.dropped()).isZero();
      assertThat(stats.malformed()).isZero();
      assertThat(stats.batches()).isPositive();
      long calls = seen.stream().filter(s -> s.event().kind() == EventKind.SYSCALL).count();
      assertThat(calls).as("2 calls a byte").isGreaterThan(2L * (700 + 701 + 5));
      // dd's loop fills whole batches: far fewer records than calls.
      assertThat(stats.batches()).as("batch records for %d calls", calls).isLessThan(calls / 10);
      System.out.printf(
          "SyscallBatchIT: %d calls of 3 dd in sequence with strace; %d events in %d batch records%n",
          calls, stats.received(), stats.batches());
    }
  }

  @Test
  void callsOfAThreadThatStopsCallingArriveWithinTheLatencyBound() throws Exception {
    List<Seen> seen = new CopyOnWriteArrayList<>();
    List<String> failures = new CopyOnWriteArrayList<>();
    ContainerTarget target = new ContainerTarget("nsid", "ns-test", "sha256:none", nsPid, ns);
    try (BpftraceSensor sensor =
        BpftraceSensor.start(
            bpftrace,
            List.of(target),
            true,
            e -> seen.add(new Seen(e, nowNanos())),
            failures::add)) {
      // A shell that starts, then spins without system calls (only the timer tick can flush its
      // batch), and a sleep (flushed when it blocks).
      Process spin =
          run(
              inNamespace(
                  "/bin/busybox",
                  "sh",
                  "-c",
                  "i=0; while [ $i -lt 2500000 ]; do i=$((i+1)); done; echo spun"));
      Process sleep = run(inNamespace("/bin/busybox", "sleep", "2"));
      long spinStart = nowNanos();
      spin.getInputStream().readAllBytes();
      sleep.getInputStream().readAllBytes();
      assertThat(spin.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(sleep.waitFor(60, TimeUnit.SECONDS)).isTrue();
      long spinEnd = nowNanos();
      assumeTrue(
          spinEnd - spinStart > 1_200_000_000L,
          "the spin loop ended too soon to tell a flush from the exit");
      awaitEvents(
          seen, s -> s.stream().filter(x -> x.event().kind() == EventKind.EXIT).count() >= 2);
      assertThat(failures).isEmpty();
      List<Integer> spinner =
          execs(
              seen,
              argv -> argv.size() == 4 && argv.get(1).equals("sh") && argv.get(3).contains("spun"));
      assertThat(spinner).as("exec of the spinning shell").hasSize(1);
      long worst = 0;
      int spinnerCallsBeforeExit = 0;
      for (Seen s : seen) {
        RuntimeEvent e = s.event();
        if (e.kind() != EventKind.SYSCALL) {
          continue;
        }
        long delay = s.arrivalNanos() - e.timeNanos();
        worst = Math.max(worst, delay);
        if (e.pid() == spinner.get(0) && s.arrivalNanos() < spinEnd - 500_000_000L) {
          spinnerCallsBeforeExit++;
        }
      }
      assertThat(seen).anyMatch(s -> s.event().kind() == EventKind.SYSCALL);
      assertThat(spinnerCallsBeforeExit)
          .as("the spinning shell's start-up calls arrive while it spins")
          .isGreaterThan(5);
      assertThat(worst / 1_000_000)
          .as("worst delay between a call and its delivery, ms")
          .isLessThan(1000);
      assertThat(sensor.stats().dropped()).isZero();
      System.out.printf(
          "SyscallBatchIT: worst call-to-delivery delay %d ms; %d calls in %d batch records%n",
          worst / 1_000_000, sensor.stats().received(), sensor.stats().batches());
    }
  }
}
