package dev.bulkhead.runtime.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.runtime.event.EventKind;
import dev.bulkhead.runtime.event.RuntimeEvent;
import dev.bulkhead.runtime.event.RuntimeEvent.ProcessInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessTableTest {
  private static final ContainerTarget WEB =
      new ContainerTarget("c0ffee", "web", "sha256:abc", 100, 4026532403L);

  private final ProcessTable table =
      new ProcessTable(
          Map.of(WEB.pidNamespace(), WEB),
          pid ->
              pid == 100
                  ? new ProcessInfo("httpd", "/bin/httpd", List.of("/bin/httpd", "-f"), 1, null)
                  : ProcessInfo.UNKNOWN);

  private RuntimeEvent feed(char type, int pid, long number, String comm, String text) {
    return table.accept(
        new SensorRecord(type, WEB.pidNamespace(), pid, pid, 0, number, comm, text), 5);
  }

  @Test
  void followsForkExecWithArgumentsAndLineage() {
    assertThat(feed('F', 100, 200, "httpd", null)).isNull();
    feed('V', 200, 0, null, "ping.cgi");
    RuntimeEvent cgi = feed('E', 200, 100, null, "ping.cgi");
    assertThat(cgi.kind()).isEqualTo(EventKind.EXEC);
    assertThat(cgi.containerName()).isEqualTo("web");
    assertThat(cgi.containerId()).isEqualTo("c0ffee");
    assertThat(cgi.process().exe()).isEqualTo("ping.cgi");
    assertThat(cgi.process().parentExe()).isEqualTo("/bin/httpd");

    feed('F', 200, 201, "ping.cgi", null);
    feed('V', 201, 0, null, "ping");
    feed('V', 201, 1, null, "-c");
    feed('V', 201, 2, null, "1");
    RuntimeEvent ping = feed('E', 201, 200, null, "/proc/self/exe");
    assertThat(ping.process().exe()).as("self re-exec is named by argv[0]").isEqualTo("ping");
    assertThat(ping.process().comm()).isEqualTo("ping");
    assertThat(ping.process().argv()).containsExactly("ping", "-c", "1");
    assertThat(ping.process().parentExe()).isEqualTo("ping.cgi");
    assertThat(ping.path()).isEqualTo("/proc/self/exe");

    RuntimeEvent open = feed('O', 201, 0, null, "/etc/shadow");
    assertThat(open.kind()).isEqualTo(EventKind.FILE_OPEN);
    assertThat(open.process().exe()).isEqualTo("ping");
    assertThat(open.path()).isEqualTo("/etc/shadow");
    RuntimeEvent connect = feed('C', 201, 4444, null, "10.88.0.1");
    assertThat(connect.peerAddress()).isEqualTo("10.88.0.1");
    assertThat(connect.peerPort()).isEqualTo(4444);
    assertThat(feed('X', 201, -1, null, null).kind()).isEqualTo(EventKind.EXIT);
  }

  @Test
  void readsProcessesThatStartedBeforeTheSensorFromProc() {
    RuntimeEvent accept = feed('A', 100, 4, "httpd", null);
    assertThat(accept.kind()).isEqualTo(EventKind.ACCEPT);
    assertThat(accept.process().exe()).isEqualTo("/bin/httpd");
    assertThat(accept.returnValue()).isEqualTo(4);
  }

  @Test
  void ignoresOtherNamespacesAndOutOfRangeArguments() {
    assertThat(table.accept(new SensorRecord('S', 42, 1, 1, 0, 0, null, null), 0)).isNull();
    assertThat(feed('V', 300, 99, null, "x")).isNull();
  }

  @Test
  void namesProgramsByTheirPathUnlessTheyReExecuteThemselves() {
    assertThat(ProcessTable.programOf("/bin/cat", List.of("cat"))).isEqualTo("/bin/cat");
    assertThat(ProcessTable.programOf("/dev/fd/3", List.of("runc"))).isEqualTo("runc");
    assertThat(ProcessTable.programOf("/proc/12/exe", List.of("x"))).isEqualTo("x");
    assertThat(ProcessTable.programOf("/proc/self/exe", List.of())).isEqualTo("/proc/self/exe");
  }
}
