package dev.bulkhead.runtime.model.sequence;

import dev.bulkhead.runtime.model.SequenceDetector;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A variable-order Markov model of system calls: an n-gram language model with interpolated
 * Witten-Bell smoothing, so every order from the unigram up to {@code order} contributes and an
 * unseen context backs off to shorter ones instead of scoring as impossible.
 *
 * <p>Each call gets its negative log-likelihood given the previous {@code order - 1} calls (the
 * start of a process is padded with a start symbol). The stream score is the mean over the last
 * {@code window} calls; the trace score is the mean over the trace. Means rank traces better than
 * maxima: one odd call is common in clean traces, a run of unlikely calls is not.
 *
 * @see <a href="https://doi.org/10.1109/18.87000">Witten and Bell, The zero-frequency problem
 *     (1991)</a>
 */
public final class NgramModel implements SequenceModel {
  /** The model kind written in model files. */
  public static final String KIND = "ngram-markov";

  /** The start-of-process symbol that pads the first contexts. */
  static final int START = -1;

  private final Params params;
  private final LongIntMap pairs;
  private final LongIntMap contexts;
  private final LongIntMap followers;
  private final double threshold;
  private final double traceThreshold;

  /**
   * The model's settings.
   *
   * @param order the longest n-gram (context of {@code order - 1} calls)
   * @param window the number of recent calls the stream score averages
   * @param vocabulary the number of possible system calls the unigram level spreads unseen mass
   *     over
   * @param escape the weight of the unigram level mixed into every probability: {@code p = (1 -
   *     escape) p_WB + escape p_unigram}. Witten-Bell leaves a context that was always followed by
   *     the same call almost no mass for anything else, and the factors multiply over the orders: a
   *     call that is common but arrives at an unusual point (the {@code rt_sigreturn} of an
   *     asynchronous signal) would cost -log p of 30 to 55 and alone push a window over the
   *     threshold. The escape bounds one call's cost near -log(escape p_unigram) (12 to 20 at
   *     0.001) so an alarm takes several unlikely calls; on ADFA-LD AUC moves from 0.855 to 0.854
   *     (docs/RUNTIME-EVAL.md)
   */
  public record Params(int order, int window, int vocabulary, double escape) {
    /** The settings measured best on ADFA-LD validation data (docs/RUNTIME-EVAL.md). */
    public static final Params DEFAULT = new Params(8, 32, 512, 0.001);

    public Params {
      if (order < 1 || order > 16 || window < 1 || window > 100_000 || vocabulary < 2) {
        throw new IllegalArgumentException(
            "order must be 1..16, window 1..100000, vocabulary at least 2");
      }
      if (!(escape >= 0 && escape < 1)) {
        throw new IllegalArgumentException("escape must be in [0, 1)");
      }
    }

    /** Settings without the unigram escape (pure interpolated Witten-Bell). */
    public Params(int order, int window, int vocabulary) {
      this(order, window, vocabulary, 0);
    }
  }

  private NgramModel(
      Params params,
      LongIntMap pairs,
      LongIntMap contexts,
      LongIntMap followers,
      double threshold,
      double traceThreshold) {
    this.params = params;
    this.pairs = pairs;
    this.contexts = contexts;
    this.followers = followers;
    this.threshold = threshold;
    this.traceThreshold = traceThreshold;
  }

  /** Learns the model from clean {@code traces}. */
  public static NgramModel train(List<int[]> traces, Params params) {
    LongIntMap pairs = new LongIntMap(1 << 14);
    LongIntMap contexts = new LongIntMap(1 << 14);
    LongIntMap followers = new LongIntMap(1 << 14);
    int n = params.order();
    for (int[] t : traces) {
      int[] padded = pad(t, n);
      for (int i = n - 1; i < padded.length; i++) {
        int call = padded[i];
        long ctx = Grams.ROOT;
        for (int o = 0; o < n; o++) {
          if (o > 0) {
            ctx = Grams.extend(ctx, padded[i - o]);
          }
          contexts.add(ctx, 1);
          if (pairs.add(Grams.pair(ctx, call), 1) == 1) {
            followers.add(ctx, 1);
          }
        }
      }
    }
    return new NgramModel(params, pairs, contexts, followers, Double.MAX_VALUE, Double.MAX_VALUE);
  }

  private static int[] pad(int[] t, int order) {
    int[] padded = new int[t.length + order - 1];
    Arrays.fill(padded, 0, order - 1, START);
    System.arraycopy(t, 0, padded, order - 1, t.length);
    return padded;
  }

  /** Returns the settings. */
  public Params params() {
    return params;
  }

  /** Returns the number of distinct (context, call) pairs learned. */
  public int size() {
    return pairs.size();
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
  public NgramModel withThresholds(double streamThreshold, double traceThreshold) {
    return new NgramModel(params, pairs, contexts, followers, streamThreshold, traceThreshold);
  }

  /**
   * Returns -log p(call | context), where {@code history[end - 1]} is the latest earlier call and
   * {@code history[0..end)} holds at least {@code order - 1} calls (padded).
   */
  double nll(int[] history, int end, int call) {
    // Interpolated Witten-Bell, built from the unigram level up.
    long ctx = Grams.ROOT;
    double p = 0;
    double unigram = 0;
    for (int o = 0; o < params.order(); o++) {
      if (o > 0) {
        ctx = Grams.extend(ctx, history[end - o]);
      }
      int total = contexts.get(ctx);
      if (total == 0) {
        if (o == 0) {
          p = 1.0 / params.vocabulary();
        }
        break;
      }
      int types = followers.get(ctx);
      double lower = o == 0 ? 1.0 / params.vocabulary() : p;
      p = (pairs.get(Grams.pair(ctx, call)) + types * lower) / (total + types);
      if (o == 0) {
        unigram = p;
      }
    }
    if (unigram == 0) {
      unigram = p;
    }
    double e = params.escape();
    return -Math.log((1 - e) * p + e * unigram);
  }

  @Override
  public double scoreTrace(int[] calls) {
    if (calls.length == 0) {
      return 0;
    }
    int n = params.order();
    int[] padded = pad(calls, n);
    double sum = 0;
    for (int i = n - 1; i < padded.length; i++) {
      sum += nll(padded, i, padded[i]);
    }
    return sum / calls.length;
  }

  @Override
  public SequenceDetector.Stream newStream() {
    return new NgramStream();
  }

  private final class NgramStream implements SequenceDetector.Stream {
    private final int keep = params.order() - 1;
    private final int[] history = new int[Math.max(keep, 1) * 64];
    private final double[] recent = new double[params.window()];
    private final int[] recentCalls = new int[params.window()];
    private final int[][] recentContexts = new int[params.window()][];
    private int filled;
    private long count;
    private double sum;

    NgramStream() {
      Arrays.fill(history, 0, keep, START);
      filled = keep;
    }

    @Override
    public double accept(int syscallNr) {
      double v = nll(history, filled, syscallNr);
      int slot = (int) (count % recent.length);
      sum += v - recent[slot];
      recent[slot] = v;
      recentCalls[slot] = syscallNr;
      recentContexts[slot] = Arrays.copyOfRange(history, filled - keep, filled);
      count++;
      if (filled == history.length) {
        System.arraycopy(history, filled - keep, history, 0, keep);
        filled = keep;
      }
      history[filled++] = syscallNr;
      return sum / Math.min(count, recent.length);
    }

    @Override
    public List<String> explain() {
      List<String> out = new ArrayList<>();
      int n = (int) Math.min(count, recent.length);
      double mean = n == 0 ? 0 : sum / n;
      for (int j = 0; j < n; j++) {
        int slot = (int) ((count - n + j) % recent.length);
        if (recent[slot] > Math.max(mean, 4.0)) {
          out.add(
              String.format(
                  "call %d after %s: -log p = %.2f",
                  recentCalls[slot], Arrays.toString(recentContexts[slot]), recent[slot]));
        }
      }
      return out;
    }
  }

  @Override
  public void writeBody(DataOutputStream out) throws IOException {
    out.writeInt(params.order());
    out.writeInt(params.window());
    out.writeInt(params.vocabulary());
    out.writeDouble(params.escape());
    ModelFile.writeMap(out, pairs);
    ModelFile.writeMap(out, contexts);
    ModelFile.writeMap(out, followers);
  }

  static NgramModel readBody(
      DataInputStream in, int version, double threshold, double traceThreshold) throws IOException {
    Params params;
    try {
      int order = in.readInt();
      int window = in.readInt();
      int vocabulary = in.readInt();
      // Format 2 had no escape: those models (and their thresholds) score without one.
      double escape = version >= 3 ? in.readDouble() : 0;
      params = new Params(order, window, vocabulary, escape);
    } catch (IllegalArgumentException e) {
      throw new IOException(e.getMessage(), e);
    }
    LongIntMap pairs = ModelFile.readMap(in);
    LongIntMap contexts = ModelFile.readMap(in);
    LongIntMap followers = ModelFile.readMap(in);
    return new NgramModel(params, pairs, contexts, followers, threshold, traceThreshold);
  }
}
