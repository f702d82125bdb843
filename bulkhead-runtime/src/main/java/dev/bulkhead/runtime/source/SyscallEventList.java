package dev.bulkhead.runtime.source;

import dev.bulkhead.runtime.event.RuntimeEvent;
import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * Shows an array of system call numbers as {@link RuntimeEvent}s made on demand, so a large
 * sequence-only recording costs four bytes per call.
 */
final class SyscallEventList extends AbstractList<RuntimeEvent> implements RandomAccess {
  private final int[] calls;
  private final SyscallTable table;

  SyscallEventList(int[] calls, SyscallTable table) {
    this.calls = calls;
    this.table = table;
  }

  @Override
  public RuntimeEvent get(int index) {
    int nr = calls[index];
    return RuntimeEvent.syscall(index, 0, table.name(nr), nr);
  }

  @Override
  public int size() {
    return calls.length;
  }
}
