package dev.bulkhead.runtime.profile;

/** The kinds of behaviour a {@link BehaviorProfile} learns, each counted separately. */
public enum Category {
  /** A program executed in the workload. */
  PROGRAM,
  /** A parent program starting a child program (process lineage). */
  LINEAGE,
  /** A program opening a path pattern for reading or writing. */
  FILE,
  /** A program connecting to a peer address and port. */
  CONNECT,
  /** A program binding a local port. */
  BIND,
  /** A program accepting connections. */
  ACCEPT,
  /** A program making a system call (by number). */
  SYSCALL
}
