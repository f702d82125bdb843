package dev.bulkhead.secrets;

import java.io.IOException;

/** Signals that a file was not scanned because it is larger than the scanner's size limit. */
public final class FileSkippedException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for a file of {@code size} bytes over a limit of {@code limit}. */
  public FileSkippedException(long size, long limit) {
    super(
        "skipped: "
            + size
            + " bytes over the secret scanner's limit of "
            + limit
            + " (raise --secret-max-size)");
  }
}
