package dev.bulkhead.runtime.event;

import java.util.List;
import java.util.Objects;

/**
 * One observation of a running workload, from a live sensor or an offline recording.
 *
 * <p>All sources (eBPF, ADFA-LD, LID-DS, strace, Falco, Tetragon) produce this one shape. Fields a
 * source does not know are {@code null} (objects) or {@code -1} (numbers).
 *
 * @param timeNanos event time in nanoseconds since the epoch, or since the start of the recording
 *     when the source has no wall clock (ADFA-LD: the index of the call)
 * @param pid host process id (thread group id)
 * @param tid host thread id
 * @param containerId container id (full or short), or {@code null} on the host
 * @param containerName container name, or {@code null}
 * @param process the process the event belongs to
 * @param kind what happened
 * @param syscall system call name, e.g. {@code openat}, or {@code null}
 * @param syscallNr system call number in the source's own table (i386 for ADFA-LD, x86_64 live), or
 *     -1
 * @param path file path for opens and execs, or {@code null}
 * @param flags open flags or other kind-specific flags, or -1
 * @param peerAddress remote (connect/accept) or local (bind) address, or {@code null}
 * @param peerPort remote or local port, or -1
 * @param returnValue system call return value, or {@link Long#MIN_VALUE} when unknown
 */
public record RuntimeEvent(
    long timeNanos,
    int pid,
    int tid,
    String containerId,
    String containerName,
    ProcessInfo process,
    EventKind kind,
    String syscall,
    int syscallNr,
    String path,
    int flags,
    String peerAddress,
    int peerPort,
    long returnValue) {

  /** Return value of an event whose result is unknown. */
  public static final long UNKNOWN_RETURN = Long.MIN_VALUE;

  public RuntimeEvent {
    Objects.requireNonNull(process, "process");
    Objects.requireNonNull(kind, "kind");
  }

  /** A bare system call of one process: what sequence-only sources (ADFA-LD) give. */
  public static RuntimeEvent syscall(long timeNanos, int pid, String name, int nr) {
    return new RuntimeEvent(
        timeNanos,
        pid,
        pid,
        null,
        null,
        ProcessInfo.UNKNOWN,
        EventKind.SYSCALL,
        name,
        nr,
        null,
        -1,
        null,
        -1,
        UNKNOWN_RETURN);
  }

  /**
   * The process an event belongs to.
   *
   * @param comm kernel command name (at most 15 characters), or {@code null}
   * @param exe executable path, or {@code null}
   * @param argv arguments, possibly truncated by the sensor; empty when unknown
   * @param parentPid parent's host pid, or -1
   * @param parentExe parent's executable path, or {@code null}
   */
  public record ProcessInfo(
      String comm, String exe, List<String> argv, int parentPid, String parentExe) {
    /** A process the source knows nothing about. */
    public static final ProcessInfo UNKNOWN = new ProcessInfo(null, null, List.of(), -1, null);

    public ProcessInfo {
      argv = List.copyOf(argv);
    }
  }
}
