package dev.bulkhead.runtime.live;

import java.security.SecureRandom;
import java.util.Collection;
import java.util.HexFormat;

/**
 * Generates the bpftrace program of the live sensor.
 *
 * <p>The program attaches to tracepoints (raw syscall entry, {@code sched_process_exec/fork/exit},
 * {@code openat/open}, {@code connect}, {@code bind}, {@code accept/accept4} exit) and filters in
 * the kernel on the pid namespace of the current task, kept in a map filled in {@code BEGIN}, so
 * only the watched containers' events cross into user space. Each record is one {@code printf} line
 * starting with a random nonce (see {@link SensorLineParser}); a per-CPU sum of the events emitted
 * (system calls, not batch records) is printed once a second so the reader can compute how many
 * were lost on the way.
 *
 * <p><b>System call batches.</b> With system calls on, a call does not cost one record: its number
 * (x86_64 numbers are below 512, {@value #BITS} bits) is packed, {@value #SLOTS_PER_WORD} to a
 * 64-bit word, into per-thread maps (one state entry per thread holds the pending count and the
 * word being filled, so a call costs one lookup and one update; completed words go to word maps,
 * the first call's time to another), and one {@code Q} record carries up to {@value #BATCH} calls
 * of one thread with the time of the first call and the time of emission. A thread's partial batch
 * is flushed before any other record of that thread (exec, exec argument, fork, open, connect,
 * bind, accept, exit), so per-thread order holds; when the thread goes to sleep (a blocking call);
 * and, once the batch is older than {@link #STALE_NANOS}, on the thread's next call that completes
 * a word, when it is preempted, or at a {@value #PROFILE_HZ} Hz per-CPU timer tick while it runs.
 * Thread exit deletes the thread's entries. When the slot maps are full (more live threads than
 * {@code BPFTRACE_MAP_KEYS_MAX}) or a number does not fit the slots (x32 calls, -1), the call is
 * sent alone as an {@code S} record.
 */
public final class BpftraceProgram {
  /** System calls per batch record, at most. */
  public static final int BATCH = 36;

  /** Bits per packed system call number. */
  public static final int BITS = 9;

  /** Packed system call numbers per 64-bit word. */
  public static final int SLOTS_PER_WORD = 6;

  /** Words of packed numbers in a batch record. */
  public static final int WORDS = BATCH / SLOTS_PER_WORD;

  /** Low bits of the per-thread state that hold the count of pending calls. */
  static final int COUNT_BITS = 6;

  /** A partial batch older than this is flushed on the thread's next call or timer tick. */
  public static final long STALE_NANOS = 200_000_000L;

  /** Frequency of the per-CPU timer that flushes stale batches of threads that make no calls. */
  public static final int PROFILE_HZ = 49;

  private static final String NS = "curtask->nsproxy->pid_ns_for_children->ns.inum";
  private static final String FILTER = "@w[" + NS + "]";
  private static final String[] SLOT_MAPS = slotMaps();

  private final String nonce;
  private final String text;

  private BpftraceProgram(String nonce, String text) {
    this.nonce = nonce;
    this.text = text;
  }

  private static String[] slotMaps() {
    String[] maps = new String[WORDS + 2];
    maps[0] = "@q_s";
    maps[1] = "@q_t";
    for (int i = 0; i < WORDS; i++) {
      maps[i + 2] = "@q_" + i;
    }
    return maps;
  }

  /**
   * A program watching the given pid namespaces.
   *
   * @param pidNamespaces namespace inodes, at least one
   * @param syscalls whether to stream every system call (needed by sequence models; the costliest
   *     part of the sensor, batched as described above)
   */
  public static BpftraceProgram forNamespaces(Collection<Long> pidNamespaces, boolean syscalls) {
    if (pidNamespaces.isEmpty()) {
      throw new IllegalArgumentException("no pid namespace to watch");
    }
    byte[] random = new byte[8];
    new SecureRandom().nextBytes(random);
    String nonce = "bh" + HexFormat.of().formatHex(random);
    StringBuilder b = new StringBuilder();
    b.append("BEGIN {\n");
    for (long ns : pidNamespaces) {
      if (ns <= 0) {
        throw new IllegalArgumentException("bad pid namespace inode " + ns);
      }
      b.append("  @w[").append(ns).append("] = 1;\n");
    }
    if (syscalls) {
      // Types the state map (unsigned) before any probe reads it.
      b.append("  @q_s[tid] = (uint64)0;\n  delete(@q_s[tid]);\n");
    }
    b.append("  printf(\"").append(nonce).append(" R\\n\");\n}\n");
    String sentMap = "@sent_" + nonce;
    String sent = sentMap + " = sum(1);";
    // Every record of a thread first flushes that thread's pending system calls.
    String flush = syscalls ? flush("tid", sentMap, "  ") : "";
    if (syscalls) {
      syscallBatcher(b, sentMap, sent);
    }
    String flushOld =
        syscalls
            ? "  $old = (uint64)args->old_pid;\n  if ($old != tid) {\n"
                + flush("$old", sentMap, "    ")
                + forget("$old", "    ")
                + "  }\n"
            : "";
    probe(
        b,
        "tracepoint:sched:sched_process_exec",
        FILTER,
        flushOld + flush,
        sent,
        "E %u %d %d %llu %d %s",
        "curtask->real_parent->tgid, str(args->filename)");
    b.append("tracepoint:syscalls:sys_enter_execve /")
        .append(FILTER)
        .append("/ {\n")
        .append(flush)
        .append("  $ns = ")
        .append(NS)
        .append(";\n");
    String argLine = "  printf(\"" + nonce + " V %u %d %d %llu %d %s\\n\", $ns, pid, tid, nsecs, ";
    b.append("  ").append(sent).append('\n');
    b.append(argLine).append("0, str(args->argv[0]));\n");
    // Nested: reading past argv's NULL terminator would read the environment.
    for (int i = 1; i < 6; i++) {
      b.append("  if (args->argv[").append(i).append("] != 0) {\n  ").append(sent).append('\n');
      b.append(argLine).append(i).append(", str(args->argv[").append(i).append("]));\n");
    }
    b.append("  }".repeat(5)).append("\n}\n");
    probe(
        b,
        "tracepoint:sched:sched_process_fork",
        FILTER,
        flush,
        sent,
        "F %u %d %d %llu %d %s",
        "args->child_pid, comm");
    if (syscalls) {
      // Every thread's exit flushes and forgets its slots; only the process's exit is a record.
      b.append("tracepoint:sched:sched_process_exit /").append(FILTER).append("/ {\n");
      b.append(flush).append(forget("tid", "  "));
      b.append("  if (pid == tid) {\n    ").append(sent).append('\n');
      b.append("    printf(\"NONCE X %u %d %d %llu\\n\", ").append(NS);
      b.append(", pid, tid, nsecs);\n  }\n}\n");
    } else {
      probe(
          b,
          "tracepoint:sched:sched_process_exit",
          "pid == tid && " + FILTER,
          "",
          sent,
          "X %u %d %d %llu",
          "");
    }
    for (String open : new String[] {"openat", "open"}) {
      probe(
          b,
          "tracepoint:syscalls:sys_enter_" + open,
          FILTER,
          flush,
          sent,
          "O %u %d %d %llu %d %s",
          "args->flags, str(args->filename)");
    }
    sockaddr(b, "connect", "uservaddr", "C", flush, sent);
    sockaddr(b, "bind", "umyaddr", "B", flush, sent);
    probe(
        b,
        "tracepoint:syscalls:sys_exit_accept4, tracepoint:syscalls:sys_exit_accept",
        "args->ret >= 0 && " + FILTER,
        flush,
        sent,
        "A %u %d %d %llu %d %s",
        "args->ret, comm");
    if (syscalls) {
      // A thread going to sleep (state bits set; 0x100 means preempted, still runnable) may not
      // run again for long: send what it has; a preempted one only a stale batch.
      String stale = "nsecs - @q_t[tid] > " + STALE_NANOS;
      b.append("tracepoint:sched:sched_switch /").append(FILTER).append("/ {\n");
      b.append(flush("tid", "(args->prev_state & 0xff) != 0 || " + stale, sentMap, "  "));
      b.append("}\n");
      b.append("profile:hz:").append(PROFILE_HZ).append(" /").append(FILTER).append("/ {\n");
      b.append(flush("tid", stale, sentMap, "  ")).append("}\n");
    }
    b.append("interval:s:1 { print(").append(sentMap).append("); }\n");
    b.append("END {\n  clear(@w);\n");
    if (syscalls) {
      for (String m : SLOT_MAPS) {
        b.append("  clear(").append(m).append(");\n");
      }
    }
    b.append("}\n");
    return new BpftraceProgram(nonce, b.toString().replace("NONCE ", nonce + " "));
  }

  /**
   * The raw syscall entry probe. Per call it touches one state map entry (lookup and update): the
   * count in the low {@value #COUNT_BITS} bits, the word being filled above them; a completed word
   * is stored in its own map, and the batch goes out when it is full or, checked once per word,
   * stale.
   */
  private static void syscallBatcher(StringBuilder b, String sentMap, String sent) {
    String single = "printf(\"NONCE S %u %d %d %llu %d\\n\", " + NS + ", pid, tid, nsecs, $id);";
    int countMask = (1 << COUNT_BITS) - 1;
    b.append("tracepoint:raw_syscalls:sys_enter /").append(FILTER).append("/ {\n");
    b.append("  $id = args->id;\n");
    b.append("  if ($id < 0 || $id >= ").append(1 << BITS).append(") {\n");
    b.append(flush("tid", sentMap, "    "));
    b.append("    ").append(sent).append("\n    ").append(single).append("\n  } else {\n");
    b.append("    $s = @q_s[tid];\n");
    b.append("    $c = $s & ").append(countMask).append(";\n");
    b.append("    $p = $s >> ").append(COUNT_BITS).append(";\n    $ok = 1;\n");
    b.append("    if ($c == 0) {\n      @q_t[tid] = nsecs;\n");
    // The update fails silently when the map is full: then the call goes alone.
    b.append("      if (@q_t[tid] == 0) {\n        $ok = 0;\n      }\n    }\n");
    b.append("    if ($ok == 0) {\n      ").append(sent).append("\n      ").append(single);
    b.append("\n    } else {\n");
    b.append("      $p = $p | ((uint64)$id << (($c % ").append(SLOTS_PER_WORD).append(") * ");
    b.append(BITS).append("));\n      $c = $c + 1;\n      $e = 0;\n");
    b.append("      if ($c % ").append(SLOTS_PER_WORD).append(" == 0) {\n");
    b.append("        $k = $c / ").append(SLOTS_PER_WORD).append(" - 1;\n");
    b.append(storeWord("tid", "$k", "$p", "        "));
    b.append("        $p = 0;\n");
    b.append("        if ($c >= ").append(BATCH).append(" || nsecs - @q_t[tid] > ");
    b.append(STALE_NANOS).append(") {\n          $e = 1;\n        }\n      }\n");
    b.append("      if ($e == 1) {\n");
    b.append("        ").append(sentMap).append(" = sum($c);\n");
    b.append("        ").append(batchPrintf("tid", "$c")).append('\n');
    b.append("        @q_s[tid] = 0;\n      } else {\n");
    b.append("        @q_s[tid] = ($p << ").append(COUNT_BITS).append(") | $c;\n      }\n");
    b.append("    }\n  }\n}\n");
  }

  /** Code that stores {@code word} as word number {@code index} of thread {@code key}. */
  private static String storeWord(String key, String index, String word, String indent) {
    StringBuilder w = new StringBuilder();
    for (int i = 0; i < WORDS; i++) {
      w.append(indent).append("if (").append(index).append(" == ").append(i).append(") {\n");
      w.append(indent).append("  @q_").append(i).append('[').append(key).append("] = ");
      w.append(word).append(";\n").append(indent).append("}\n");
    }
    return w.toString();
  }

  /** Code that emits the thread {@code key}'s pending calls, if any, as one batch record. */
  private static String flush(String key, String sentMap, String indent) {
    return flush(key, "", sentMap, indent);
  }

  /** Code that emits the pending calls of thread {@code key} if there are any and {@code cond}. */
  private static String flush(String key, String cond, String sentMap, String indent) {
    String in = indent + "  ";
    return indent
        + "$fs = @q_s["
        + key
        + "];\n"
        + indent
        + "$fc = $fs & "
        + ((1 << COUNT_BITS) - 1)
        + ";\n"
        + indent
        + (cond.isEmpty() ? "if ($fc > 0) {\n" : "if ($fc > 0 && (" + cond + ")) {\n")
        // The word being filled is still in the state: store it first.
        + in
        + "if ($fc % "
        + SLOTS_PER_WORD
        + " != 0) {\n"
        + in
        + "  $fk = ($fc - 1) / "
        + SLOTS_PER_WORD
        + ";\n"
        + storeWord(key, "$fk", "$fs >> " + COUNT_BITS, in + "  ")
        + in
        + "}\n"
        + in
        + sentMap
        + " = sum($fc);\n"
        + in
        + batchPrintf(key, "$fc")
        + "\n"
        + in
        + "@q_s["
        + key
        + "] = 0;\n"
        + indent
        + "}\n";
  }

  /** {@code NONCE Q NS PID TID FIRST_NS EMIT_NS COUNT W0..W5}. */
  private static String batchPrintf(String key, String count) {
    StringBuilder p = new StringBuilder("printf(\"NONCE Q %u %d %d %llu %llu %d");
    p.append(" %llu".repeat(WORDS)).append("\\n\", ").append(NS).append(", pid, ").append(key);
    p.append(", @q_t[").append(key).append("], nsecs, ").append(count);
    for (int w = 0; w < WORDS; w++) {
      p.append(", @q_").append(w).append('[').append(key).append(']');
    }
    return p.append(");").toString();
  }

  private static String forget(String key, String indent) {
    StringBuilder d = new StringBuilder();
    for (String m : SLOT_MAPS) {
      d.append(indent).append("delete(").append(m).append('[').append(key).append("]);\n");
    }
    return d.toString();
  }

  private static void probe(
      StringBuilder b,
      String attach,
      String filter,
      String before,
      String sent,
      String format,
      String args) {
    b.append(attach).append(" /").append(filter).append("/ {\n").append(before);
    b.append("  ").append(sent).append('\n');
    b.append("  printf(\"NONCE ")
        .append(format)
        .append("\\n\", ")
        .append(NS)
        .append(", pid, tid, nsecs");
    if (!args.isEmpty()) {
      b.append(", ").append(args);
    }
    b.append(");\n}\n");
  }

  private static void sockaddr(
      StringBuilder b, String syscall, String field, String type, String before, String sent) {
    String port = "(($sa->sin_port & 0xff) << 8) | ($sa->sin_port >> 8)";
    String port6 = "(($s6->sin6_port & 0xff) << 8) | ($s6->sin6_port >> 8)";
    b.append("tracepoint:syscalls:sys_enter_").append(syscall).append(" /").append(FILTER);
    b.append("/ {\n").append(before);
    b.append("  $sa = (struct sockaddr_in *)args->").append(field).append(";\n");
    b.append("  if ($sa->sin_family == 2) {\n    ").append(sent).append('\n');
    b.append("    printf(\"NONCE ").append(type).append(" %u %d %d %llu %d %s\\n\", ").append(NS);
    b.append(", pid, tid, nsecs, ").append(port).append(", ntop(2, $sa->sin_addr.s_addr));\n  }\n");
    b.append("  if ($sa->sin_family == 10) {\n");
    b.append("    $s6 = (struct sockaddr_in6 *)args->").append(field).append(";\n    ");
    b.append(sent).append('\n');
    b.append("    printf(\"NONCE ").append(type).append(" %u %d %d %llu %d %s\\n\", ").append(NS);
    b.append(", pid, tid, nsecs, ").append(port6);
    b.append(", ntop(10, $s6->sin6_addr.in6_u.u6_addr8));\n  }\n}\n");
  }

  /** The secret line prefix of this program's records. */
  public String nonce() {
    return nonce;
  }

  /** The program text. */
  public String text() {
    return text;
  }
}
