package dev.bulkhead.runtime.source;

import dev.bulkhead.runtime.event.EventKind;

/** Derives the {@link EventKind} of a system call from its name. */
final class EventKinds {
  private EventKinds() {}

  static EventKind of(String syscall) {
    return switch (syscall) {
      case "execve", "execveat" -> EventKind.EXEC;
      case "open", "openat", "openat2", "creat" -> EventKind.FILE_OPEN;
      case "connect" -> EventKind.CONNECT;
      case "accept", "accept4" -> EventKind.ACCEPT;
      case "bind" -> EventKind.BIND;
      case "exit", "exit_group", "procexit" -> EventKind.EXIT;
      default -> EventKind.SYSCALL;
    };
  }
}
