package dev.bulkhead.runtime.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.runtime.event.EventKind;
import dev.bulkhead.runtime.event.RuntimeEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real sensor (bpftrace) on a real pid namespace made with {@code unshare}, drives
 * processes in it with {@code nsenter}, and checks what arrives: exec with arguments and lineage,
 * opens, connects, nothing from outside the namespace, and no record forged through a file name
 * with a newline.
 */
class BpftraceSensorIT {
  @TempDir Path tmp;

  private static Path requireSensor() throws Exception {
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

  private static Process run(List<String> cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getOutputStream().close();
    return p;
  }

  @Test
  void streamsTheEventsOfOneNamespaceOnly() throws Exception {
    Path bpftrace = requireSensor();
    assumeTrue(Files.isExecutable(Path.of("/bin/busybox")), "apt-get install -y busybox-static");
    Process holder = run(List.of("unshare", "--pid", "--fork", "/bin/busybox", "sleep", "60"));
    try {
      int holderChild = -1;
      for (int i = 0; i < 50 && holderChild < 0; i++) {
        for (ProcessHandle c : holder.toHandle().children().toList()) {
          holderChild = (int) c.pid();
        }
        Thread.sleep(100);
      }
      assertThat(holderChild).as("the sleep inside the new pid namespace").isPositive();
      ProcFs proc = new ProcFs(Path.of("/proc"));
      long ns = proc.pidNamespace(holderChild);
      assertThat(ns).isNotEqualTo(proc.pidNamespace((int) ProcessHandle.current().pid()));

      List<RuntimeEvent> events = new CopyOnWriteArrayList<>();
      List<String> failures = new ArrayList<>();
      ContainerTarget target =
          new ContainerTarget("nsid", "ns-test", "sha256:none", holderChild, ns);
      Path forged = tmp.resolve("x\nbh0000000000000000 O " + ns + " 1 1 1 0 forged.txt");
      Files.writeString(forged, "x");
      try (BpftraceSensor sensor =
          BpftraceSensor.start(bpftrace, List.of(target), false, events::add, failures::add)) {
        List<String> enter = List.of("nsenter", "-t", Integer.toString(holderChild), "-p", "--");
        List<String> sh = new ArrayList<>(enter);
        sh.addAll(
            List.of(
                "/bin/busybox",
                "sh",
                "-c",
                "/bin/busybox cat /etc/hostname; /bin/busybox nc -w 1 127.0.0.1 9 </dev/null;"
                    + " /bin/busybox cat \"$0\"",
                forged.toString()));
        Process p = run(sh);
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        Process outside = run(List.of("/bin/busybox", "cat", "/etc/hostname"));
        outside.getInputStream().readAllBytes();
        outside.waitFor(10, TimeUnit.SECONDS);
        long outsidePid = outside.pid();
        for (int i = 0; i < 50; i++) {
          if (events.stream().anyMatch(e -> e.kind() == EventKind.CONNECT)
              && events.stream().anyMatch(e -> e.path() != null && e.path().endsWith("/x"))) {
            break;
          }
          Thread.sleep(100);
        }
        Thread.sleep(300);
        assertThat(failures).isEmpty();
        assertThat(events).allMatch(e -> e.containerName().equals("ns-test"));
        assertThat(events).noneMatch(e -> e.pid() == outsidePid);
        assertThat(events)
            .anyMatch(
                e ->
                    e.kind() == EventKind.EXEC
                        && e.process()
                            .argv()
                            .equals(List.of("/bin/busybox", "cat", "/etc/hostname")));
        assertThat(events)
            .anyMatch(
                e ->
                    e.kind() == EventKind.FILE_OPEN
                        && "/etc/hostname".equals(e.path())
                        && e.process().parentExe() != null);
        assertThat(events)
            .anyMatch(
                e ->
                    e.kind() == EventKind.CONNECT
                        && "127.0.0.1".equals(e.peerAddress())
                        && e.peerPort() == 9);
        // bpftrace prints the newline raw: the record ends there, the rest is a line without nonce.
        String cut = forged.toString().substring(0, forged.toString().indexOf('\n'));
        assertThat(events).anyMatch(e -> cut.equals(e.path()));
        assertThat(events).noneMatch(e -> "forged.txt".equals(e.path()));
        assertThat(events).anyMatch(e -> e.kind() == EventKind.EXIT);
        SensorStats stats = sensor.stats();
        assertThat(stats.received()).isGreaterThanOrEqualTo(events.size());
        assertThat(stats.malformed()).as("the forged second line").isPositive();
        assertThat(stats.dropped()).isZero();
      }
    } finally {
      holder.destroy();
      holder.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
