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
 * starting with a random nonce (see {@link SensorLineParser}); a per-CPU count of emitted records
 * is printed once a second so the reader can compute how many were lost on the way.
 */
public final class BpftraceProgram {
  private static final String NS = "curtask->nsproxy->pid_ns_for_children->ns.inum";
  private static final String FILTER = "@w[" + NS + "]";

  private final String nonce;
  private final String text;

  private BpftraceProgram(String nonce, String text) {
    this.nonce = nonce;
    this.text = text;
  }

  /**
   * A program watching the given pid namespaces.
   *
   * @param pidNamespaces namespace inodes, at least one
   * @param syscalls whether to stream every system call (needed by sequence models; the costliest
   *     part of the sensor)
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
    b.append("  printf(\"").append(nonce).append(" R\\n\");\n}\n");
    String sent = "@sent_" + nonce + " = count();";
    if (syscalls) {
      probe(b, "tracepoint:raw_syscalls:sys_enter", FILTER, sent, "S %u %d %d %llu %d", "args->id");
    }
    probe(
        b,
        "tracepoint:sched:sched_process_exec",
        FILTER,
        sent,
        "E %u %d %d %llu %d %s",
        "curtask->real_parent->tgid, str(args->filename)");
    b.append("tracepoint:syscalls:sys_enter_execve /")
        .append(FILTER)
        .append("/ {\n  $ns = ")
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
        sent,
        "F %u %d %d %llu %d %s",
        "args->child_pid, comm");
    probe(
        b,
        "tracepoint:sched:sched_process_exit",
        "pid == tid && " + FILTER,
        sent,
        "X %u %d %d %llu",
        "");
    for (String open : new String[] {"openat", "open"}) {
      probe(
          b,
          "tracepoint:syscalls:sys_enter_" + open,
          FILTER,
          sent,
          "O %u %d %d %llu %d %s",
          "args->flags, str(args->filename)");
    }
    sockaddr(b, "connect", "uservaddr", "C", sent);
    sockaddr(b, "bind", "umyaddr", "B", sent);
    probe(
        b,
        "tracepoint:syscalls:sys_exit_accept4, tracepoint:syscalls:sys_exit_accept",
        "args->ret >= 0 && " + FILTER,
        sent,
        "A %u %d %d %llu %d %s",
        "args->ret, comm");
    b.append("interval:s:1 { print(@sent_").append(nonce).append("); }\n");
    b.append("END { clear(@w); }\n");
    return new BpftraceProgram(nonce, b.toString().replace("NONCE ", nonce + " "));
  }

  private static void probe(
      StringBuilder b, String attach, String filter, String sent, String format, String args) {
    b.append(attach).append(" /").append(filter).append("/ {\n  ").append(sent).append('\n');
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
      StringBuilder b, String syscall, String field, String type, String sent) {
    String port = "(($sa->sin_port & 0xff) << 8) | ($sa->sin_port >> 8)";
    String port6 = "(($s6->sin6_port & 0xff) << 8) | ($s6->sin6_port >> 8)";
    b.append("tracepoint:syscalls:sys_enter_").append(syscall).append(" /").append(FILTER);
    b.append("/ {\n  $sa = (struct sockaddr_in *)args->").append(field).append(";\n");
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
