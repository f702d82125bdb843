package dev.bulkhead.runtime.source;

import dev.bulkhead.runtime.event.RuntimeEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The events of one recorded trace or process, in order, with the system call numbers the sequence
 * models read.
 */
public final class Trace {
  private final String id;
  private final List<RuntimeEvent> events;
  private final int[] syscalls;
  private final long exploitTimeNanos;

  /**
   * Creates a trace.
   *
   * @param id stable name of the trace: the path relative to the source directory, plus {@code
   *     #PID} when one file holds several processes
   * @param events the events in time order
   * @param syscalls the system call numbers of the events that are system calls, in order (kept,
   *     not copied)
   * @param exploitTimeNanos when the recording says an exploit started, in the events' clock, or -1
   *     when it has none or is clean
   */
  public Trace(String id, List<RuntimeEvent> events, int[] syscalls, long exploitTimeNanos) {
    this.id = Objects.requireNonNull(id, "id");
    this.events = List.copyOf(events);
    this.syscalls = Objects.requireNonNull(syscalls, "syscalls");
    this.exploitTimeNanos = exploitTimeNanos;
  }

  /** A trace of bare system call numbers, as ADFA-LD stores them. */
  public static Trace ofSyscalls(String id, int[] syscalls, SyscallTable table) {
    return new Trace(id, new SyscallEventList(syscalls, table), syscalls, -1);
  }

  /** A trace of events; its system call numbers are those of the events that carry one. */
  public static Trace ofEvents(String id, List<RuntimeEvent> events, long exploitTimeNanos) {
    int[] calls = events.stream().mapToInt(RuntimeEvent::syscallNr).filter(n -> n >= 0).toArray();
    return new Trace(id, events, calls, exploitTimeNanos);
  }

  /** Returns the stable name of the trace. */
  public String id() {
    return id;
  }

  /** Returns the events in time order. */
  public List<RuntimeEvent> events() {
    return events;
  }

  /** Returns the system call numbers in order; callers must not modify the array. */
  public int[] syscalls() {
    return syscalls;
  }

  /** Returns the exploit start time in the events' clock, or -1. */
  public long exploitTimeNanos() {
    return exploitTimeNanos;
  }

  /** Returns the number of system calls. */
  public int length() {
    return syscalls.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Trace t
        && id.equals(t.id)
        && events.equals(t.events)
        && Arrays.equals(syscalls, t.syscalls)
        && exploitTimeNanos == t.exploitTimeNanos;
  }

  @Override
  public int hashCode() {
    return id.hashCode() * 31 + Arrays.hashCode(syscalls);
  }

  @Override
  public String toString() {
    return "Trace[" + id + ", " + syscalls.length + " calls]";
  }
}
