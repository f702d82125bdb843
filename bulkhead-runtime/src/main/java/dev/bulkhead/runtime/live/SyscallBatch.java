package dev.bulkhead.runtime.live;

import java.util.ArrayList;
import java.util.List;

/**
 * The system calls of one thread carried by one batch record ({@code Q}, see {@link
 * BpftraceProgram}), unpacked, in the order the thread made them.
 *
 * <p>Times: the first call carries its exact kernel time; the others are spread evenly between it
 * and the batch's emission time, which is the last call's own time when the batch filled up or went
 * stale on a call, and otherwise the time of whatever flushed it (the thread's next record, its
 * going to sleep, its exit, the stale-batch timer). The spread keeps times non-decreasing within a
 * thread and never later than the thread's next record.
 */
public final class SyscallBatch {
  private final long pidNamespace;
  private final int pid;
  private final int tid;
  private final long firstKtime;
  private final long lastKtime;
  private final int[] numbers;

  private SyscallBatch(
      long pidNamespace, int pid, int tid, long firstKtime, long lastKtime, int[] numbers) {
    this.pidNamespace = pidNamespace;
    this.pid = pid;
    this.tid = tid;
    this.firstKtime = firstKtime;
    this.lastKtime = lastKtime;
    this.numbers = numbers;
  }

  /**
   * Unpacks {@code count} system call numbers of {@link BpftraceProgram#BITS} bits each, {@link
   * BpftraceProgram#SLOTS_PER_WORD} to a word from the lowest bits up: call {@code i} is bits
   * {@code (i % 6) * 9} to {@code (i % 6) * 9 + 8} of word {@code i / 6}. Slots and words beyond
   * {@code count} are ignored (the kernel side does not clear them).
   *
   * @param firstKtime kernel time of the first call; when 0 or after {@code lastKtime} every call
   *     gets {@code lastKtime}
   * @param lastKtime kernel time the batch was emitted
   * @throws IllegalArgumentException when {@code count} is not 1 to {@link BpftraceProgram#BATCH}
   *     or there are not {@link BpftraceProgram#WORDS} words
   */
  public static SyscallBatch unpack(
      long pidNamespace,
      int pid,
      int tid,
      long firstKtime,
      long lastKtime,
      int count,
      long[] words) {
    if (count < 1 || count > BpftraceProgram.BATCH) {
      throw new IllegalArgumentException("batch of " + count + " calls");
    }
    if (words.length != BpftraceProgram.WORDS) {
      throw new IllegalArgumentException(words.length + " words in a batch");
    }
    int mask = (1 << BpftraceProgram.BITS) - 1;
    int[] numbers = new int[count];
    for (int i = 0; i < count; i++) {
      long word = words[i / BpftraceProgram.SLOTS_PER_WORD];
      int shift = (i % BpftraceProgram.SLOTS_PER_WORD) * BpftraceProgram.BITS;
      numbers[i] = (int) (word >>> shift) & mask;
    }
    long first = firstKtime <= 0 || firstKtime > lastKtime ? lastKtime : firstKtime;
    return new SyscallBatch(pidNamespace, pid, tid, first, lastKtime, numbers);
  }

  /** Number of calls in the batch. */
  public int size() {
    return numbers.length;
  }

  /** The system call number of call {@code i}. */
  public int number(int i) {
    return numbers[i];
  }

  /** The kernel time given to call {@code i} (see the class comment). */
  public long ktime(int i) {
    int last = numbers.length - 1;
    if (i == 0 || last == 0) {
      return firstKtime;
    }
    if (i == last) {
      return lastKtime;
    }
    double step = (double) (lastKtime - firstKtime) / last;
    return Math.min(lastKtime, firstKtime + (long) (step * i));
  }

  /** Kernel time of the first call. */
  public long firstKtime() {
    return firstKtime;
  }

  /** Call {@code i} as the {@code S} record the unbatched sensor would have produced. */
  public SensorRecord record(int i) {
    return new SensorRecord('S', pidNamespace, pid, tid, ktime(i), numbers[i], null, null);
  }

  /** All calls as {@code S} records, in order. */
  public List<SensorRecord> records() {
    List<SensorRecord> out = new ArrayList<>(numbers.length);
    for (int i = 0; i < numbers.length; i++) {
      out.add(record(i));
    }
    return out;
  }
}
