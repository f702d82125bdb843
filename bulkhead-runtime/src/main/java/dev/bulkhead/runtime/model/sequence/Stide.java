package dev.bulkhead.runtime.model.sequence;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * STIDE, the sequence time-delay embedding of Forrest et al.: the database of every window of
 * {@code k} system calls seen in training; a window not in it is a mismatch.
 *
 * <p>The stream score is the locality frame count (mismatches among the last {@code frame} windows,
 * divided by {@code frame}); the trace score is the fraction of mismatched windows, which ranks
 * whole traces better than the maximum locality frame count.
 *
 * @see <a href="https://doi.org/10.1109/SECPRI.1996.502675">Forrest et al., A Sense of Self for
 *     Unix Processes (1996)</a>
 * @see <a href="https://doi.org/10.1109/SECPRI.1999.766910">Warrender et al., Detecting Intrusions
 *     Using System Calls (1999)</a>
 */
public final class Stide implements SequenceModel {
  /** The model kind written in model files. */
  public static final String KIND = "stide";

  private final int window;
  private final int frame;
  private final LongIntMap seen;
  private final double threshold;
  private final double traceThreshold;

  private Stide(int window, int frame, LongIntMap seen, double threshold, double traceThreshold) {
    this.window = window;
    this.frame = frame;
    this.seen = seen;
    this.threshold = threshold;
    this.traceThreshold = traceThreshold;
  }

  /**
   * Learns the window database from {@code traces}.
   *
   * @param window the window length k (Forrest used 6)
   * @param frame the locality frame length of the stream score (Warrender used 20)
   */
  public static Stide train(List<int[]> traces, int window, int frame) {
    if (window < 1 || window > 32 || frame < 1 || frame > 10_000) {
      throw new IllegalArgumentException("window must be 1..32 and frame 1..10000");
    }
    LongIntMap seen = new LongIntMap(1 << 12);
    for (int[] t : traces) {
      for (int i = 0; i < t.length; i++) {
        int from = Math.max(0, i - window + 1);
        if (i - from + 1 == window || from == 0) {
          seen.add(key(t, from, i + 1), 1);
        }
      }
    }
    return new Stide(window, frame, seen, 1.0, 1.0);
  }

  private static long key(int[] calls, int from, int to) {
    return Grams.of(calls, from, to) ^ (to - from);
  }

  @Override
  public String name() {
    return KIND;
  }

  @Override
  public double threshold() {
    return threshold;
  }

  @Override
  public double traceThreshold() {
    return traceThreshold;
  }

  @Override
  public Stide withThresholds(double streamThreshold, double traceThreshold) {
    return new Stide(window, frame, seen, streamThreshold, traceThreshold);
  }

  /** Returns the number of distinct windows learned. */
  public int size() {
    return seen.size();
  }

  @Override
  public double scoreTrace(int[] calls) {
    if (calls.length == 0) {
      return 0;
    }
    int windows = 0;
    int mismatches = 0;
    for (int i = Math.min(window, calls.length) - 1; i < calls.length; i++) {
      int from = Math.max(0, i - window + 1);
      windows++;
      if (seen.get(key(calls, from, i + 1)) == 0) {
        mismatches++;
      }
    }
    return (double) mismatches / windows;
  }

  @Override
  public Stream newStream() {
    return new StideStream();
  }

  private final class StideStream implements Stream {
    private final int[] recent = new int[window];
    private final boolean[] mismatch = new boolean[frame];
    private final int[][] frameWindows = new int[frame][];
    private long count;
    private int inFrame;

    @Override
    public double accept(int syscallNr) {
      recent[(int) (count % window)] = syscallNr;
      count++;
      int len = (int) Math.min(count, window);
      if (len < window && count > len) {
        return inFrame / (double) frame;
      }
      int[] w = new int[len];
      for (int j = 0; j < len; j++) {
        w[j] = recent[(int) ((count - len + j) % window)];
      }
      long k = key(w, 0, len);
      int slot = (int) (count % frame);
      if (mismatch[slot]) {
        inFrame--;
      }
      mismatch[slot] = seen.get(k) == 0;
      frameWindows[slot] = w;
      if (mismatch[slot]) {
        inFrame++;
      }
      return inFrame / (double) frame;
    }

    @Override
    public List<String> explain() {
      List<String> out = new ArrayList<>();
      for (long c = Math.max(1, count - frame + 1); c <= count; c++) {
        int slot = (int) (c % frame);
        if (mismatch[slot]) {
          out.add("unseen window " + Arrays.toString(frameWindows[slot]));
        }
      }
      return out;
    }
  }

  @Override
  public void writeBody(DataOutputStream out) throws IOException {
    out.writeInt(window);
    out.writeInt(frame);
    ModelFile.writeMap(out, seen);
  }

  static Stide readBody(DataInputStream in, double threshold, double traceThreshold)
      throws IOException {
    int window = in.readInt();
    int frame = in.readInt();
    if (window < 1 || window > 32 || frame < 1 || frame > 10_000) {
      throw new IOException("bad STIDE window " + window + " or frame " + frame);
    }
    return new Stide(window, frame, ModelFile.readMap(in), threshold, traceThreshold);
  }
}
