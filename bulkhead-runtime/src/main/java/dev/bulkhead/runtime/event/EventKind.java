package dev.bulkhead.runtime.event;

/** What a {@link RuntimeEvent} records. */
public enum EventKind {
  /** A system call entry or exit, with its name and number. */
  SYSCALL,
  /** A successful execve: a new program image in a process. */
  EXEC,
  /** A file opened, with the path and the access mode in {@link RuntimeEvent#flags()}. */
  FILE_OPEN,
  /** An outgoing connection attempt. */
  CONNECT,
  /** An accepted incoming connection. */
  ACCEPT,
  /** A socket bound to a local address. */
  BIND,
  /** A process exited. */
  EXIT
}
