package dev.bulkhead.runtime.model.sequence;

import dev.bulkhead.core.spi.Progress;
import dev.bulkhead.runtime.model.SequenceDetector;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * A recurrent language model of system calls: an embedding, one GRU layer and a softmax over the
 * calls seen in training plus an unknown token, learned with truncated back-propagation through
 * time and Adam (after Kim et al., LSTM-based system-call language modeling, 2016).
 *
 * <p>Each call gets its negative log-likelihood given the whole process so far (summarised in the
 * hidden state); the stream score is the mean over the last {@code window} calls and the trace
 * score the mean over the trace. Training is seeded and sums per-lane gradients in a fixed order,
 * so the same data and parameters give the same model whatever the number of threads.
 *
 * @see <a href="https://arxiv.org/abs/1611.01726">Kim et al., LSTM-based system-call language
 *     modeling and robust ensemble method for designing host-based intrusion detection systems</a>
 */
public final class GruModel implements SequenceModel {
  /** The model kind written in model files. */
  public static final String KIND = "gru-lm";

  /** Token of calls absent from training. */
  static final int UNKNOWN = 0;

  /** Token that starts every process. */
  static final int START = 1;

  /** Cap on one call's score, so one unknown call cannot dominate a trace mean. */
  static final float MAX_NLL = 20f;

  private static final int MAX_VOCABULARY = 4096;
  private static final int MAX_UNITS = 1024;

  private final Params params;
  private final int[] callNumbers; // token - 2 -> system call number, sorted
  private final Weights w;
  private final double threshold;
  private final double traceThreshold;

  /**
   * The model's settings.
   *
   * @param embedding the size of a call's embedding
   * @param hidden the number of GRU units
   * @param bptt the number of steps back-propagated through
   * @param lanes the number of trace streams learned side by side (one update per {@code bptt}
   *     steps of each)
   * @param epochs passes over the training traces
   * @param learningRate Adam's initial step size (decays linearly to a tenth over the run;
   *     gradients are clipped to norm 1)
   * @param window the number of recent calls the stream score averages
   * @param seed the seed of the initial weights and the trace order
   */
  public record Params(
      int embedding,
      int hidden,
      int bptt,
      int lanes,
      int epochs,
      double learningRate,
      int window,
      long seed) {
    /** The settings measured on ADFA-LD (docs/RUNTIME-EVAL.md). */
    public static final Params DEFAULT = new Params(32, 64, 48, 16, 3, 0.01, 32, 20161104L);

    public Params {
      if (embedding < 1
          || embedding > MAX_UNITS
          || hidden < 1
          || hidden > MAX_UNITS
          || bptt < 1
          || bptt > 10_000
          || lanes < 1
          || lanes > 1024
          || epochs < 0
          || epochs > 1000
          || !(learningRate > 0 && learningRate < 1)
          || window < 1
          || window > 100_000) {
        throw new IllegalArgumentException(
            "embedding and hidden must be 1.."
                + MAX_UNITS
                + ", bptt 1..10000, lanes 1..1024, epochs 0..1000, learning rate in (0, 1),"
                + " window 1..100000");
      }
    }
  }

  /** All weights in one array (for Adam), with offsets of each tensor. */
  static final class Weights {
    final int k; // tokens (unknown, start, calls)
    final int e;
    final int h;
    final float[] all;
    final int emb; // k x e
    final int wx; // 3h x e   gates z, r, n
    final int uh; // 3h x h
    final int bx; // 3h
    final int bh; // 3h
    final int wo; // k x h
    final int bo; // k

    Weights(int k, int e, int h) {
      this.k = k;
      this.e = e;
      this.h = h;
      emb = 0;
      wx = emb + k * e;
      uh = wx + 3 * h * e;
      bx = uh + 3 * h * h;
      bh = bx + 3 * h;
      wo = bh + 3 * h;
      bo = wo + k * h;
      all = new float[bo + k];
    }

    Weights(int k, int e, int h, float[] values) {
      this(k, e, h);
      System.arraycopy(values, 0, all, 0, all.length);
    }

    void init(Random rnd) {
      fill(rnd, emb, k * e, 0.1f);
      fill(rnd, wx, 3 * h * e, (float) (1 / Math.sqrt(e)));
      fill(rnd, uh, 3 * h * h, (float) (1 / Math.sqrt(h)));
      fill(rnd, wo, k * h, (float) (1 / Math.sqrt(h)));
    }

    private void fill(Random rnd, int off, int n, float scale) {
      for (int i = 0; i < n; i++) {
        all[off + i] = (rnd.nextFloat() * 2 - 1) * scale;
      }
    }
  }

  private GruModel(
      Params params, int[] callNumbers, Weights w, double threshold, double traceThreshold) {
    this.params = params;
    this.callNumbers = callNumbers;
    this.w = w;
    this.threshold = threshold;
    this.traceThreshold = traceThreshold;
  }

  /** Learns the model from clean {@code traces}. */
  public static GruModel train(List<int[]> traces, Params params) {
    return train(traces, params, Progress.NONE);
  }

  /**
   * Learns the model from clean {@code traces}, reporting the system calls learned (over all
   * epochs) to {@code progress}.
   */
  public static GruModel train(List<int[]> traces, Params params, Progress progress) {
    int[] calls = traces.stream().flatMapToInt(Arrays::stream).distinct().sorted().toArray();
    if (calls.length + 2 > MAX_VOCABULARY) {
      throw new IllegalArgumentException(
          "too many distinct system calls (" + calls.length + ") for " + KIND);
    }
    Weights w = new Weights(calls.length + 2, params.embedding(), params.hidden());
    Random rnd = new Random(params.seed());
    w.init(rnd);
    GruModel model = new GruModel(params, calls, w, Double.MAX_VALUE, Double.MAX_VALUE);
    List<int[]> tokens = new ArrayList<>(traces.size());
    for (int[] t : traces) {
      if (t.length > 0) {
        tokens.add(model.tokens(t));
      }
    }
    if (!tokens.isEmpty()) {
      new Trainer(model, tokens, rnd).run(progress);
    }
    return model;
  }

  /** Returns the settings. */
  public Params params() {
    return params;
  }

  int token(int call) {
    int i = Arrays.binarySearch(callNumbers, call);
    return i < 0 ? UNKNOWN : i + 2;
  }

  private int[] tokens(int[] calls) {
    int[] out = new int[calls.length];
    for (int i = 0; i < calls.length; i++) {
      out[i] = token(calls[i]);
    }
    return out;
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
  public GruModel withThresholds(double streamThreshold, double traceThreshold) {
    return new GruModel(params, callNumbers, w, streamThreshold, traceThreshold);
  }

  /** Per-call negative log-likelihoods of {@code calls}, from the start of a process. */
  public float[] nlls(int[] calls) {
    Cell cell = new Cell(w);
    float[] out = new float[calls.length];
    int prev = START;
    for (int i = 0; i < calls.length; i++) {
      int tok = token(calls[i]);
      out[i] = cell.step(prev, tok);
      prev = tok;
    }
    return out;
  }

  @Override
  public double scoreTrace(int[] calls) {
    if (calls.length == 0) {
      return 0;
    }
    double sum = 0;
    for (float v : nlls(calls)) {
      sum += v;
    }
    return sum / calls.length;
  }

  /** Forward-only state: the hidden vector and scratch space for one stream. */
  private static final class Cell {
    private final Weights w;
    private final float[] hPrev;
    private final float[] hNew;
    private final float[] ax;
    private final float[] ah;
    private final float[] logits;

    Cell(Weights w) {
      this.w = w;
      hPrev = new float[w.h];
      hNew = new float[w.h];
      ax = new float[3 * w.h];
      ah = new float[3 * w.h];
      logits = new float[w.k];
    }

    /** Feeds {@code input}, returns -log p({@code target}) (capped), and advances the state. */
    float step(int input, int target) {
      gru(w, input, hPrev, ax, ah, hNew, null, null, null);
      float nll = Math.min(MAX_NLL, softmaxNll(w, hNew, logits, target));
      System.arraycopy(hNew, 0, hPrev, 0, w.h);
      return nll;
    }
  }

  /**
   * One GRU step from {@code h0} on token {@code input} into {@code h1}; optionally keeps the gate
   * values z, r and n for back-propagation.
   */
  static void gru(
      Weights w,
      int input,
      float[] h0,
      float[] ax,
      float[] ah,
      float[] h1,
      float[] zOut,
      float[] rOut,
      float[] nOut) {
    float[] p = w.all;
    int e = w.e;
    int h = w.h;
    int x = w.emb + input * e;
    for (int g = 0; g < 3 * h; g++) {
      float s = p[w.bx + g];
      int row = w.wx + g * e;
      for (int j = 0; j < e; j++) {
        s += p[row + j] * p[x + j];
      }
      ax[g] = s;
      float t = p[w.bh + g];
      row = w.uh + g * h;
      for (int j = 0; j < h; j++) {
        t += p[row + j] * h0[j];
      }
      ah[g] = t;
    }
    for (int i = 0; i < h; i++) {
      float z = sigmoid(ax[i] + ah[i]);
      float r = sigmoid(ax[h + i] + ah[h + i]);
      float n = (float) Math.tanh(ax[2 * h + i] + r * ah[2 * h + i]);
      h1[i] = (1 - z) * n + z * h0[i];
      if (zOut != null) {
        zOut[i] = z;
        rOut[i] = r;
        nOut[i] = n;
      }
    }
  }

  /** Fills {@code probs} with the softmax over tokens and returns -log p({@code target}). */
  static float softmaxNll(Weights w, float[] hid, float[] probs, int target) {
    float[] p = w.all;
    int h = w.h;
    float max = Float.NEGATIVE_INFINITY;
    for (int c = 0; c < w.k; c++) {
      float s = p[w.bo + c];
      int row = w.wo + c * h;
      for (int j = 0; j < h; j++) {
        s += p[row + j] * hid[j];
      }
      probs[c] = s;
      max = Math.max(max, s);
    }
    double sum = 0;
    for (int c = 0; c < w.k; c++) {
      float v = (float) Math.exp(probs[c] - max);
      probs[c] = v;
      sum += v;
    }
    float inv = (float) (1 / sum);
    for (int c = 0; c < w.k; c++) {
      probs[c] *= inv;
    }
    return (float) -Math.log(Math.max(probs[target], 1e-30f));
  }

  private static float sigmoid(float v) {
    return (float) (1 / (1 + Math.exp(-v)));
  }

  /**
   * Returns the gradient of the summed negative log-likelihood of {@code calls} (uncapped) with
   * respect to all weights, back-propagated through the whole trace; for gradient checks.
   */
  float[] gradient(int[] calls) {
    Lane lane = new Lane(w, calls.length);
    lane.reset(List.of(tokens(calls)));
    lane.chunk();
    return lane.grad.clone();
  }

  /** Returns the weights (shared, not a copy); for gradient checks. */
  float[] weights() {
    return w.all;
  }

  /** Truncated BPTT over {@code lanes} trace streams with Adam. */
  private static final class Trainer {
    private final GruModel model;
    private final Weights w;
    private final List<int[]> traces;
    private final Random rnd;
    private final Lane[] lanes;
    private final float[] m;
    private final float[] v;
    private long stepCount;
    private long callsDone;
    private final long callsTotal;

    Trainer(GruModel model, List<int[]> traces, Random rnd) {
      this.model = model;
      this.w = model.w;
      this.traces = traces;
      this.rnd = rnd;
      this.lanes = new Lane[model.params.lanes()];
      for (int i = 0; i < lanes.length; i++) {
        lanes[i] = new Lane(w, model.params.bptt());
      }
      m = new float[w.all.length];
      v = new float[w.all.length];
      long calls = 0;
      for (int[] t : traces) {
        calls += t.length;
      }
      callsTotal = Math.max(1, calls * model.params.epochs());
    }

    void run(Progress progress) {
      Params p = model.params;
      progress.start("learning " + KIND + " (" + p.epochs() + " epochs)", callsTotal);
      for (int epoch = 0; epoch < p.epochs(); epoch++) {
        deal();
        while (true) {
          int active = 0;
          for (Lane l : lanes) {
            if (l.hasData()) {
              active++;
            }
          }
          if (active == 0) {
            break;
          }
          IntStream.range(0, lanes.length).parallel().forEach(i -> lanes[i].chunk());
          int steps = 0;
          for (Lane l : lanes) {
            steps += l.steps;
          }
          if (steps > 0) {
            adam(steps);
            progress.advance(steps);
          }
        }
      }
      progress.finish();
    }

    /** Shuffles the traces and deals them to the lanes, longest first to the emptiest lane. */
    private void deal() {
      List<int[]> order = new ArrayList<>(traces);
      java.util.Collections.shuffle(order, rnd);
      long[] load = new long[lanes.length];
      List<List<int[]>> queues = new ArrayList<>();
      for (int i = 0; i < lanes.length; i++) {
        queues.add(new ArrayList<>());
      }
      for (int[] t : order) {
        int best = 0;
        for (int i = 1; i < lanes.length; i++) {
          if (load[i] < load[best]) {
            best = i;
          }
        }
        queues.get(best).add(t);
        load[best] += t.length;
      }
      for (int i = 0; i < lanes.length; i++) {
        lanes[i].reset(queues.get(i));
      }
    }

    private void adam(int steps) {
      float[] g = lanes[0].grad;
      for (int l = 1; l < lanes.length; l++) {
        float[] o = lanes[l].grad;
        for (int i = 0; i < g.length; i++) {
          g[i] += o[i];
        }
      }
      double norm = 0;
      float scale = 1f / steps;
      for (int i = 0; i < g.length; i++) {
        g[i] *= scale;
        norm += (double) g[i] * g[i];
      }
      norm = Math.sqrt(norm);
      if (norm > 1.0) {
        float c = (float) (1.0 / norm);
        for (int i = 0; i < g.length; i++) {
          g[i] *= c;
        }
      }
      stepCount++;
      callsDone += steps;
      // Linear decay to a tenth of the step size over the whole run.
      double decay = 1 - 0.9 * Math.min(1.0, (double) callsDone / callsTotal);
      double b1 = 0.9;
      double b2 = 0.999;
      double lr =
          model.params.learningRate()
              * decay
              * Math.sqrt(1 - Math.pow(b2, stepCount))
              / (1 - Math.pow(b1, stepCount));
      float[] p = w.all;
      for (int i = 0; i < p.length; i++) {
        m[i] = (float) (b1 * m[i] + (1 - b1) * g[i]);
        v[i] = (float) (b2 * v[i] + (1 - b2) * g[i] * g[i]);
        p[i] -= (float) (lr * m[i] / (Math.sqrt(v[i]) + 1e-8));
      }
    }
  }

  /** One stream of traces during training: its hidden state, queue and BPTT buffers. */
  private static final class Lane {
    private final Weights w;
    private final int t;
    final float[] grad;
    private final int[] in;
    private final int[] out;
    private final boolean[] reset;
    private final float[][] h0;
    private final float[][] hs;
    private final float[][] z;
    private final float[][] r;
    private final float[][] n;
    private final float[][] ahn;
    private final float[][] probs;
    private final float[] ax;
    private final float[] ah;
    private final float[] carry;
    private final float[] dh;
    private final float[] dhNext;
    private final float[] da;
    private final float[] dah;
    private List<int[]> queue = List.of();
    private int traceIdx;
    private int pos;
    private int prev;
    int steps;

    Lane(Weights w, int t) {
      this.w = w;
      this.t = t;
      grad = new float[w.all.length];
      in = new int[t];
      out = new int[t];
      reset = new boolean[t];
      h0 = new float[t][w.h];
      hs = new float[t][w.h];
      z = new float[t][w.h];
      r = new float[t][w.h];
      n = new float[t][w.h];
      ahn = new float[t][w.h];
      probs = new float[t][w.k];
      ax = new float[3 * w.h];
      ah = new float[3 * w.h];
      carry = new float[w.h];
      dh = new float[w.h];
      dhNext = new float[w.h];
      da = new float[3 * w.h];
      dah = new float[3 * w.h];
    }

    void reset(List<int[]> traces) {
      queue = traces;
      traceIdx = 0;
      pos = 0;
      prev = START;
      Arrays.fill(carry, 0);
    }

    boolean hasData() {
      return traceIdx < queue.size();
    }

    /** Runs forward and backward over the next {@code t} steps into {@link #grad}. */
    void chunk() {
      Arrays.fill(grad, 0);
      steps = 0;
      int h = w.h;
      while (steps < t && traceIdx < queue.size()) {
        int[] tr = queue.get(traceIdx);
        boolean first = pos == 0;
        if (first) {
          prev = START;
          Arrays.fill(carry, 0);
        }
        int s = steps;
        in[s] = prev;
        out[s] = tr[pos];
        reset[s] = first;
        System.arraycopy(carry, 0, h0[s], 0, h);
        gru(w, prev, h0[s], ax, ah, hs[s], z[s], r[s], n[s]);
        System.arraycopy(ah, 2 * h, ahn[s], 0, h);
        softmaxNll(w, hs[s], probs[s], out[s]);
        System.arraycopy(hs[s], 0, carry, 0, h);
        prev = tr[pos];
        steps++;
        if (++pos == tr.length) {
          pos = 0;
          traceIdx++;
        }
      }
      backward();
    }

    private void backward() {
      float[] p = w.all;
      int h = w.h;
      int e = w.e;
      Arrays.fill(dhNext, 0);
      for (int s = steps - 1; s >= 0; s--) {
        float[] pr = probs[s];
        pr[out[s]] -= 1; // dlogits
        System.arraycopy(dhNext, 0, dh, 0, h);
        float[] hid = hs[s];
        for (int c = 0; c < w.k; c++) {
          float d = pr[c];
          grad[w.bo + c] += d;
          int row = w.wo + c * h;
          for (int j = 0; j < h; j++) {
            grad[row + j] += d * hid[j];
            dh[j] += d * p[row + j];
          }
        }
        float[] hp = h0[s];
        float[] zs = z[s];
        float[] rs = r[s];
        float[] ns = n[s];
        float[] an = ahn[s];
        for (int i = 0; i < h; i++) {
          float dn = dh[i] * (1 - zs[i]);
          float dz = dh[i] * (hp[i] - ns[i]);
          float dnPre = dn * (1 - ns[i] * ns[i]);
          float dr = dnPre * an[i];
          float dzPre = dz * zs[i] * (1 - zs[i]);
          float drPre = dr * rs[i] * (1 - rs[i]);
          da[i] = dzPre;
          da[h + i] = drPre;
          da[2 * h + i] = dnPre;
          dah[i] = dzPre;
          dah[h + i] = drPre;
          dah[2 * h + i] = dnPre * rs[i];
          dhNext[i] = dh[i] * zs[i];
        }
        int x = w.emb + in[s] * e;
        for (int g = 0; g < 3 * h; g++) {
          float d = da[g];
          grad[w.bx + g] += d;
          int row = w.wx + g * e;
          for (int j = 0; j < e; j++) {
            grad[row + j] += d * p[x + j];
            grad[x + j] += d * p[row + j];
          }
          float dd = dah[g];
          grad[w.bh + g] += dd;
          row = w.uh + g * h;
          for (int j = 0; j < h; j++) {
            grad[row + j] += dd * hp[j];
            dhNext[j] += dd * p[row + j];
          }
        }
        if (reset[s]) {
          Arrays.fill(dhNext, 0);
        }
      }
    }
  }

  @Override
  public SequenceDetector.Stream newStream() {
    return new GruStream();
  }

  private final class GruStream implements SequenceDetector.Stream {
    private final Cell cell = new Cell(w);
    private final double[] recent = new double[params.window()];
    private final int[] recentCalls = new int[params.window()];
    private int prev = START;
    private long count;
    private double sum;

    @Override
    public double accept(int syscallNr) {
      int tok = token(syscallNr);
      double v = cell.step(prev, tok);
      prev = tok;
      int slot = (int) (count % recent.length);
      sum += v - recent[slot];
      recent[slot] = v;
      recentCalls[slot] = syscallNr;
      count++;
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
                  "call %d (%d calls ago)%s: -log p = %.2f",
                  recentCalls[slot],
                  n - 1 - j,
                  token(recentCalls[slot]) == UNKNOWN ? ", never seen in training" : "",
                  recent[slot]));
        }
      }
      return out;
    }
  }

  @Override
  public void writeBody(DataOutputStream out) throws IOException {
    Params p = params;
    out.writeInt(p.embedding());
    out.writeInt(p.hidden());
    out.writeInt(p.bptt());
    out.writeInt(p.lanes());
    out.writeInt(p.epochs());
    out.writeDouble(p.learningRate());
    out.writeInt(p.window());
    out.writeLong(p.seed());
    out.writeInt(callNumbers.length);
    for (int c : callNumbers) {
      out.writeInt(c);
    }
    out.writeInt(w.all.length);
    for (float f : w.all) {
      out.writeFloat(f);
    }
  }

  static GruModel readBody(DataInputStream in, double threshold, double traceThreshold)
      throws IOException {
    Params params;
    try {
      params =
          new Params(
              in.readInt(),
              in.readInt(),
              in.readInt(),
              in.readInt(),
              in.readInt(),
              in.readDouble(),
              in.readInt(),
              in.readLong());
    } catch (IllegalArgumentException e) {
      throw new IOException(e.getMessage(), e);
    }
    int nCalls = in.readInt();
    if (nCalls < 0 || nCalls + 2 > MAX_VOCABULARY) {
      throw new IOException("vocabulary size " + nCalls + " out of range");
    }
    int[] calls = new int[nCalls];
    for (int i = 0; i < nCalls; i++) {
      calls[i] = in.readInt();
      if (i > 0 && calls[i] <= calls[i - 1]) {
        throw new IOException("vocabulary not sorted");
      }
    }
    Weights w = new Weights(nCalls + 2, params.embedding(), params.hidden());
    int n = in.readInt();
    if (n != w.all.length) {
      throw new IOException(
          "weight count " + n + " does not match the sizes (" + w.all.length + ")");
    }
    for (int i = 0; i < n; i++) {
      float f = in.readFloat();
      if (!Float.isFinite(f)) {
        throw new IOException("weight " + i + " is not finite");
      }
      w.all[i] = f;
    }
    return new GruModel(params, calls, w, threshold, traceThreshold);
  }
}
