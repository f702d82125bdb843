package dev.bulkhead.runtime.live;

/**
 * Parses the line format that {@link BpftraceProgram} prints.
 *
 * <p>Every event line starts with the run's secret nonce, so a path or argument containing a
 * newline cannot forge an event: the forged line lacks the nonce and is counted as malformed. Lines
 * are bounded by the caller; fields are split on single spaces and the one free-text field (path,
 * argument, address or command name) is always last and takes the rest of the line, spaces
 * included. A batch line ({@code Q}) carries several system calls of one thread and is parsed by
 * {@link #parseBatch} into a {@link SyscallBatch}.
 */
public final class SensorLineParser {
  private final String prefix;
  private final String sentMap;

  /** A parser for lines of the program generated with {@code nonce}. */
  public SensorLineParser(String nonce) {
    this.prefix = nonce + " ";
    this.sentMap = "@sent_" + nonce + ": ";
  }

  /** What a line was. */
  public enum Kind {
    /** An event record. */
    EVENT,
    /** A batch of system calls of one thread. */
    BATCH,
    /** The program's ready marker: all probes are attached. */
    READY,
    /** The kernel-side count of records the program emitted so far. */
    SENT_COUNT,
    /** bpftrace's report of perf-buffer records lost. */
    LOST,
    /** Anything else. */
    OTHER
  }

  /** Classifies a line. */
  public Kind classify(String line) {
    if (line.startsWith(prefix)) {
      if (line.length() == prefix.length() + 1 && line.charAt(prefix.length()) == 'R') {
        return Kind.READY;
      }
      return line.length() > prefix.length() + 1
              && line.charAt(prefix.length()) == 'Q'
              && line.charAt(prefix.length() + 1) == ' '
          ? Kind.BATCH
          : Kind.EVENT;
    }
    if (line.startsWith(sentMap)) {
      return Kind.SENT_COUNT;
    }
    if (line.startsWith("Lost ") && line.endsWith(" events")) {
      return Kind.LOST;
    }
    return Kind.OTHER;
  }

  /**
   * The number in a {@link Kind#SENT_COUNT} line ({@code @sent_NONCE: 123}) or {@link Kind#LOST}
   * line ({@code Lost 12 events}), or -1.
   */
  public static long number(String line) {
    String digits;
    if (line.startsWith("Lost ")) {
      digits = line.substring(5, line.length() - " events".length()).trim();
    } else {
      int colon = line.lastIndexOf(": ");
      digits = colon < 0 ? "" : line.substring(colon + 2).trim();
    }
    if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    return Long.parseLong(digits);
  }

  /**
   * Parses an {@link Kind#EVENT} line.
   *
   * @return the record, or {@code null} when the line is malformed
   */
  public SensorRecord parse(String line) {
    if (!line.startsWith(prefix) || line.length() < prefix.length() + 2) {
      return null;
    }
    int pos = prefix.length();
    char type = line.charAt(pos);
    if (line.charAt(pos + 1) != ' ') {
      return null;
    }
    Cursor c = new Cursor(line, pos + 2);
    try {
      long ns = Long.parseLong(c.next());
      int pid = Integer.parseInt(c.next());
      int tid = Integer.parseInt(c.next());
      long ktime = Long.parseLong(c.next());
      switch (type) {
        case 'S':
          return new SensorRecord(type, ns, pid, tid, ktime, Long.parseLong(c.next()), null, null);
        case 'X':
          return new SensorRecord(type, ns, pid, tid, ktime, -1, null, null);
        case 'V':
          return new SensorRecord(
              type, ns, pid, tid, ktime, Long.parseLong(c.next()), null, c.rest());
        case 'F':
          return new SensorRecord(
              type, ns, pid, tid, ktime, Long.parseLong(c.next()), c.rest(), null);
        case 'A':
          return new SensorRecord(
              type, ns, pid, tid, ktime, Long.parseLong(c.next()), c.rest(), null);
        case 'E':
        case 'O':
        case 'C':
        case 'B':
          return new SensorRecord(
              type, ns, pid, tid, ktime, Long.parseLong(c.next()), null, c.rest());
        default:
          return null;
      }
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      return null;
    }
  }

  /**
   * Parses a {@link Kind#BATCH} line: {@code NONCE Q NS PID TID FIRST_KTIME EMIT_KTIME COUNT W0 ..
   * W5} ({@link BpftraceProgram#WORDS} words), unsigned 64-bit integers holding the packed call
   * numbers (see {@link SyscallBatch#unpack}).
   *
   * @return the batch, or {@code null} when the line is malformed
   */
  public SyscallBatch parseBatch(String line) {
    if (!line.startsWith(prefix + "Q ")) {
      return null;
    }
    Cursor c = new Cursor(line, prefix.length() + 2);
    try {
      long ns = Long.parseLong(c.next());
      int pid = Integer.parseInt(c.next());
      int tid = Integer.parseInt(c.next());
      long first = Long.parseLong(c.next());
      long emitted = Long.parseLong(c.next());
      int count = Integer.parseInt(c.next());
      long[] words = new long[BpftraceProgram.WORDS];
      for (int i = 0; i < words.length; i++) {
        words[i] = Long.parseUnsignedLong(c.next());
      }
      if (!c.rest().isEmpty()) {
        return null;
      }
      return SyscallBatch.unpack(ns, pid, tid, first, emitted, count, words);
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      return null; // NumberFormatException is an IllegalArgumentException
    }
  }

  private static final class Cursor {
    private final String s;
    private int pos;

    Cursor(String s, int pos) {
      this.s = s;
      this.pos = pos;
    }

    String next() {
      int sp = s.indexOf(' ', pos);
      if (sp < 0) {
        String v = s.substring(pos);
        pos = s.length();
        if (v.isEmpty()) {
          throw new IndexOutOfBoundsException("missing field");
        }
        return v;
      }
      String v = s.substring(pos, sp);
      pos = sp + 1;
      return v;
    }

    String rest() {
      String v = pos >= s.length() ? "" : s.substring(pos);
      pos = s.length();
      return v;
    }
  }
}
