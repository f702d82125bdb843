package dev.bulkhead.runtime.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.runtime.event.RuntimeEvent.ProcessInfo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Reads this JVM's own entry of the real /proc. */
class ProcFsTest {
  private final ProcFs proc = new ProcFs(Path.of("/proc"));

  @Test
  void readsTheCurrentProcess() throws Exception {
    int pid = (int) ProcessHandle.current().pid();
    ProcessInfo p = proc.read(pid);
    assertThat(p.comm()).isNotBlank();
    assertThat(p.exe()).contains("java");
    assertThat(p.parentPid()).isEqualTo((int) ProcessHandle.current().parent().orElseThrow().pid());
    assertThat(proc.pidNamespace(pid)).isPositive();
  }

  @Test
  void aVanishedProcessIsUnknown() {
    assertThat(proc.read(Integer.MAX_VALUE)).isEqualTo(ProcessInfo.UNKNOWN);
  }
}
