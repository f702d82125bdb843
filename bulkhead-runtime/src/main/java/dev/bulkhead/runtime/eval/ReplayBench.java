package dev.bulkhead.runtime.eval;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.runtime.event.RuntimeEvent;
import dev.bulkhead.runtime.model.SequenceDetector;
import dev.bulkhead.runtime.model.sequence.SequenceModel;
import dev.bulkhead.runtime.model.sequence.SequenceModels;
import dev.bulkhead.runtime.source.SourceSpec;
import dev.bulkhead.runtime.source.Sources;
import dev.bulkhead.runtime.source.Trace;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures events per second per core through the live scoring path on replayed events, beside the
 * cost of reading and parsing the same events, on one thread (CPU time of that thread).
 *
 * <p>Usage: {@code java -cp bulkhead.jar dev.bulkhead.runtime.eval.ReplayBench TRAIN_SOURCE
 * REPLAY_SOURCE [ROUNDS]} with sources as {@code KIND:PATH}. Each round reads the replay source
 * (reference), then reads it and feeds every event through feature extraction (the event's system
 * call number, one stream per process) and each model's stream scorer with its threshold check.
 * Prints the median of the rounds.
 */
public final class ReplayBench {
  private ReplayBench() {}

  /** Runs the benchmark; see the class comment for the arguments. */
  public static void main(String[] args) throws BulkheadException {
    if (args.length < 2) {
      System.err.println("usage: ReplayBench TRAIN_KIND:PATH REPLAY_KIND:PATH [ROUNDS]");
      System.exit(2);
    }
    SourceSpec train = SourceSpec.parse(args[0]);
    SourceSpec replay = SourceSpec.parse(args[1]);
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
    List<int[]> trainCalls = Sources.readAll(train).stream().map(Trace::syscalls).toList();
    List<SequenceModel> models = new ArrayList<>();
    for (String kind : SequenceModels.KINDS) {
      models.add(SequenceModels.train(kind, trainCalls).withThresholds(1.0, 1.0));
    }
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long events = 0;
    double[] readNs = new double[rounds];
    double[][] scoreNs = new double[models.size()][rounds];
    double[][] scoreOnlyNs = new double[models.size()][rounds];
    long alarms = 0;
    for (int r = 0; r < rounds; r++) {
      long t0 = cpu.getCurrentThreadCpuTime();
      List<Trace> traces = Sources.readAll(replay);
      long n = 0;
      long sink = 0;
      for (Trace t : traces) {
        for (RuntimeEvent e : t.events()) {
          sink += e.syscallNr();
          n++;
        }
      }
      readNs[r] = cpu.getCurrentThreadCpuTime() - t0;
      events = n;
      alarms += sink & 1;
      for (int m = 0; m < models.size(); m++) {
        SequenceDetector d = models.get(m);
        long s0 = cpu.getCurrentThreadCpuTime();
        List<Trace> again = Sources.readAll(replay);
        long s1 = cpu.getCurrentThreadCpuTime();
        alarms += replay(d, again);
        long s2 = cpu.getCurrentThreadCpuTime();
        scoreNs[m][r] = s2 - s0;
        scoreOnlyNs[m][r] = s2 - s1;
      }
    }
    double read = median(readNs);
    System.out.printf(
        "replayed %s: %d events, %d rounds, median CPU time of one thread%n",
        replay, events, rounds);
    System.out.printf(
        "%-34s %10.3f s %12.0f events/s/core  ratio 1.00 (reference)%n",
        "read+parse", read / 1e9, events / (read / 1e9));
    for (int m = 0; m < models.size(); m++) {
      double all = median(scoreNs[m]);
      double only = median(scoreOnlyNs[m]);
      System.out.printf(
          "%-34s %10.3f s %12.0f events/s/core  ratio %.2f%n",
          "read+parse+features+" + models.get(m).name(),
          all / 1e9,
          events / (all / 1e9),
          all / read);
      System.out.printf(
          "%-34s %10.3f s %12.0f events/s/core%n",
          "  features+" + models.get(m).name() + " only", only / 1e9, events / (only / 1e9));
    }
    System.out.println("(checksum " + alarms + ")");
  }

  /** Feeds every event through one stream per process; returns the number of alarms. */
  static long replay(SequenceDetector d, List<Trace> traces) {
    long alarms = 0;
    double threshold = d.threshold();
    for (Trace t : traces) {
      Map<Integer, SequenceDetector.Stream> streams = new HashMap<>();
      SequenceDetector.Stream last = null;
      int lastPid = Integer.MIN_VALUE;
      for (RuntimeEvent e : t.events()) {
        int nr = e.syscallNr();
        if (nr < 0) {
          continue;
        }
        if (e.pid() != lastPid) {
          last = streams.computeIfAbsent(e.pid(), p -> d.newStream());
          lastPid = e.pid();
        }
        if (last.accept(nr) > threshold) {
          alarms++;
        }
      }
    }
    return alarms;
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
