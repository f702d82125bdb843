package dev.bulkhead.runtime.live;

/**
 * One line of the sensor's output, parsed but not yet enriched with process context.
 *
 * @param type record type: {@code S} syscall, {@code E} exec, {@code V} exec argument, {@code F}
 *     fork, {@code X} exit, {@code O} open, {@code C} connect, {@code B} bind, {@code A} accept
 * @param pidNamespace pid namespace inode of the process
 * @param pid host pid (thread group id)
 * @param tid host thread id
 * @param ktime kernel monotonic time of the event in nanoseconds (the clock of {@link
 *     System#nanoTime} on Linux)
 * @param number type-specific number: syscall nr (S), parent pid (E), argument index (V), child pid
 *     (F), open flags (O), port (C, B), file descriptor (A); -1 when absent
 * @param comm kernel command name, or {@code null}
 * @param text the rest of the line: path (E, O), argument (V), address (C, B), or {@code null}
 */
public record SensorRecord(
    char type,
    long pidNamespace,
    int pid,
    int tid,
    long ktime,
    long number,
    String comm,
    String text) {}
