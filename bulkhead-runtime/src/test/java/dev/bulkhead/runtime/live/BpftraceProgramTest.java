package dev.bulkhead.runtime.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BpftraceProgramTest {
  @Test
  void filtersOnTheWatchedNamespacesAndTagsEveryLineWithTheNonce() {
    BpftraceProgram p = BpftraceProgram.forNamespaces(List.of(4026532403L, 4026532999L), true);
    String text = p.text();
    assertThat(p.nonce()).matches("bh[0-9a-f]{16}");
    assertThat(text)
        .contains("@w[4026532403] = 1;")
        .contains("@w[4026532999] = 1;")
        .contains("tracepoint:raw_syscalls:sys_enter")
        .contains("tracepoint:sched:sched_process_exec")
        .contains("tracepoint:syscalls:sys_enter_openat")
        .contains("tracepoint:syscalls:sys_enter_connect")
        .contains("tracepoint:syscalls:sys_enter_bind")
        .contains("tracepoint:syscalls:sys_exit_accept4")
        .contains("print(@sent_" + p.nonce() + ")")
        .doesNotContain("NONCE");
    for (String line : text.split("\n")) {
      if (line.contains("printf(\"")) {
        assertThat(line).contains("printf(\"" + p.nonce() + " ");
      }
    }
    assertThat(BpftraceProgram.forNamespaces(List.of(1L), true).nonce()).isNotEqualTo(p.nonce());
  }

  @Test
  void syscallStreamIsOptional() {
    assertThat(BpftraceProgram.forNamespaces(List.of(7L), false).text())
        .doesNotContain("raw_syscalls")
        .contains("sched_process_exec");
  }

  @Test
  void rejectsEmptyOrBadNamespaces() {
    assertThatThrownBy(() -> BpftraceProgram.forNamespaces(List.of(), true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BpftraceProgram.forNamespaces(List.of(0L), true))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
