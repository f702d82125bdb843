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
        .doesNotContain("@q_")
        .doesNotContain("sched_switch")
        .doesNotContain("profile:")
        .contains("sched_process_exec");
  }

  @Test
  void batchesSystemCallsAndFlushesThemBeforeEveryOtherRecordOfTheThread() {
    BpftraceProgram p = BpftraceProgram.forNamespaces(List.of(7L), true);
    String text = p.text();
    String q = "printf(\"" + p.nonce() + " Q ";
    assertThat(text)
        .contains("tracepoint:raw_syscalls:sys_enter")
        .contains("@q_5[tid] = $p;")
        .contains("$c >= " + BpftraceProgram.BATCH)
        .contains("tracepoint:sched:sched_switch")
        .contains("profile:hz:" + BpftraceProgram.PROFILE_HZ)
        .contains("> " + BpftraceProgram.STALE_NANOS)
        .contains("delete(@q_s[tid]);")
        .contains("clear(@q_t);")
        .doesNotContain("count()");
    // Calls are counted, not records: a batch adds its size to the kernel-side sum.
    assertThat(text).contains("@sent_" + p.nonce() + " = sum($fc);");
    // In every probe that prints another record, the thread's batch goes out first.
    for (String probe : text.split("\n(?=[a-zA-Z])")) {
      int other = -1;
      for (String type : new String[] {" E ", " V ", " F ", " X ", " O ", " C ", " B ", " A "}) {
        int at = probe.indexOf("printf(\"" + p.nonce() + type);
        if (at >= 0 && (other < 0 || at < other)) {
          other = at;
        }
      }
      if (other >= 0) {
        assertThat(probe.indexOf(q)).as(probe).isBetween(0, other);
      }
    }
    // Every thread's exit flushes and forgets, the record itself only for the process.
    assertThat(text).contains("tracepoint:sched:sched_process_exit /@w[");
  }

  @Test
  void rejectsEmptyOrBadNamespaces() {
    assertThatThrownBy(() -> BpftraceProgram.forNamespaces(List.of(), true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BpftraceProgram.forNamespaces(List.of(0L), true))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
