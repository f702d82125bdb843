package dev.bulkhead.core;

/**
 * Signals a failure the user can act on; its message is one line saying what was being done, what
 * went wrong and what to try.
 */
public class BulkheadException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a user-facing message. */
  public BulkheadException(String message) {
    super(message);
  }

  /** Creates an exception with a user-facing message and its cause. */
  public BulkheadException(String message, Throwable cause) {
    super(message, cause);
  }
}
