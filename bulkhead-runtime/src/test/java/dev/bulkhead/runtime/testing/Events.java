package dev.bulkhead.runtime.testing;

import dev.bulkhead.runtime.event.EventKind;
import dev.bulkhead.runtime.event.RuntimeEvent;
import dev.bulkhead.runtime.event.RuntimeEvent.ProcessInfo;
import java.util.List;

/** Builds runtime events for tests, as the live sensor would produce them. */
public final class Events {
  /** The container id events are stamped with. */
  public static final String CONTAINER = "c0ffee";

  private Events() {}

  private static RuntimeEvent of(
      int pid,
      String exe,
      String parent,
      EventKind kind,
      String path,
      int flags,
      String peer,
      int port,
      int nr) {
    return new RuntimeEvent(
        System.currentTimeMillis() * 1_000_000L,
        pid,
        pid,
        CONTAINER,
        "web",
        new ProcessInfo(exe, exe, List.of(exe), pid - 1, parent),
        kind,
        null,
        nr,
        path,
        flags,
        peer,
        port,
        RuntimeEvent.UNKNOWN_RETURN);
  }

  /** {@code parent} executed {@code exe}. */
  public static RuntimeEvent exec(int pid, String exe, String parent) {
    return of(pid, exe, parent, EventKind.EXEC, exe, -1, null, -1, -1);
  }

  /** {@code exe} opened {@code path} with {@code flags}. */
  public static RuntimeEvent open(int pid, String exe, String path, int flags) {
    return of(pid, exe, null, EventKind.FILE_OPEN, path, flags, null, -1, -1);
  }

  /** {@code exe} connected to {@code addr:port}. */
  public static RuntimeEvent connect(int pid, String exe, String addr, int port) {
    return of(pid, exe, null, EventKind.CONNECT, null, -1, addr, port, -1);
  }

  /** {@code exe} bound {@code port}. */
  public static RuntimeEvent bind(int pid, String exe, int port) {
    return of(pid, exe, null, EventKind.BIND, null, -1, "0.0.0.0", port, -1);
  }

  /** {@code exe} made system call {@code nr}. */
  public static RuntimeEvent syscall(int pid, String exe, int nr) {
    return of(pid, exe, null, EventKind.SYSCALL, null, -1, null, -1, nr);
  }

  /** Process {@code pid} exited. */
  public static RuntimeEvent exit(int pid, String exe) {
    return of(pid, exe, null, EventKind.EXIT, null, -1, null, -1, -1);
  }
}
