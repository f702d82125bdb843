package dev.bulkhead.runtime.profile;

import dev.bulkhead.runtime.event.RuntimeEvent;
import java.util.List;

/** Turns a {@link RuntimeEvent} into the {@link Feature}s a {@link BehaviorProfile} counts. */
public final class FeatureExtractor {
  private static final int O_ACCMODE = 3;
  private static final int O_CREAT = 0x40;
  private static final int O_TRUNC = 0x200;
  private static final int O_APPEND = 0x400;

  private FeatureExtractor() {}

  /** The program an event's process runs: its executable, else its command name, else "?". */
  public static String program(RuntimeEvent e) {
    String exe = e.process().exe();
    if (exe != null && !exe.isEmpty()) {
      return exe;
    }
    String comm = e.process().comm();
    return comm != null && !comm.isEmpty() ? "[" + comm + "]" : "?";
  }

  /** Whether open flags ask for writing (write access, create, truncate or append). */
  public static boolean writes(int flags) {
    return flags >= 0
        && ((flags & O_ACCMODE) != 0 || (flags & (O_CREAT | O_TRUNC | O_APPEND)) != 0);
  }

  /** The features of {@code e}; empty for events the profile does not model (exit). */
  public static List<Feature> features(RuntimeEvent e) {
    String program = program(e);
    switch (e.kind()) {
      case EXEC:
        String parent = e.process().parentExe();
        if (parent == null) {
          // The parent left before the sensor saw it: lineage unknown, judge the program alone.
          return List.of(new Feature(Category.PROGRAM, program, ""));
        }
        return List.of(
            new Feature(Category.PROGRAM, program, ""),
            new Feature(Category.LINEAGE, parent, program));
      case FILE_OPEN:
        String mode = writes(e.flags()) ? "w" : "r";
        return List.of(new Feature(Category.FILE, program, mode + ":" + PathPatterns.of(e.path())));
      case CONNECT:
        return List.of(new Feature(Category.CONNECT, program, peer(e)));
      case BIND:
        return List.of(new Feature(Category.BIND, program, Integer.toString(e.peerPort())));
      case ACCEPT:
        return List.of(new Feature(Category.ACCEPT, program, ""));
      case SYSCALL:
        return e.syscallNr() < 0
            ? List.of()
            : List.of(new Feature(Category.SYSCALL, program, Integer.toString(e.syscallNr())));
      default:
        return List.of();
    }
  }

  private static String peer(RuntimeEvent e) {
    String addr = e.peerAddress() == null ? "?" : e.peerAddress();
    return (addr.contains(":") ? "[" + addr + "]" : addr) + ":" + e.peerPort();
  }
}
