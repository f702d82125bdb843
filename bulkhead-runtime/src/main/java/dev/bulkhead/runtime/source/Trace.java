package dev.bulkhead.runtime.source;

import dev.bulkhead.runtime.event.RuntimeEvent;
import java.util.List;
import java.util.Objects;

/**
 * The events of one recorded trace or process, in order, with the system call numbers the sequence
 * models read.
 *
 * @param id stable name of the trace: the path relative to the source directory, plus {@code #PID}
 *     when one file holds several processes
 * @param events the events in time order
 * @param syscalls the system call numbers of the events that are system calls, in order
 * @param exploitTimeNanos when the recording says an exploit started, in the events' clock, or -1
 *     when it has none or is clean
 */
public record Trace(String id, List<RuntimeEvent> events, int[] syscalls, long exploitTimeNanos) {

  public Trace {
    Objects.requireNonNull(id, "id");
    events = List.copyOf(events);
    Objects.requireNonNull(syscalls, "syscalls");
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

  /** Returns the number of system calls. */
  public int length() {
    return syscalls.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Trace t
        && id.equals(t.id)
        && events.equals(t.events)
        && java.util.Arrays.equals(syscalls, t.syscalls)
        && exploitTimeNanos == t.exploitTimeNanos;
  }

  @Override
  public int hashCode() {
    return id.hashCode() * 31 + java.util.Arrays.hashCode(syscalls);
  }

  @Override
  public String toString() {
    return "Trace[" + id + ", " + syscalls.length + " calls]";
  }
}
