package dev.bulkhead.core.spi;

/**
 * Receives progress of long work (downloading and unpacking layers) so a front end can show it.
 * Calls come from the working thread; implementations must be cheap.
 */
public interface Progress {

  /** Ignores all progress. */
  Progress NONE =
      new Progress() {
        @Override
        public void start(String task, long total) {}

        @Override
        public void advance(long amount) {}

        @Override
        public void finish() {}
      };

  /**
   * Starts a task.
   *
   * @param task a short label, e.g. {@code layer 2/5 sha256:ab12}
   * @param total the expected amount in bytes, or -1 when unknown
   */
  void start(String task, long total);

  /** Records that {@code amount} more bytes of the current task are done. */
  void advance(long amount);

  /** Ends the current task. */
  void finish();
}
