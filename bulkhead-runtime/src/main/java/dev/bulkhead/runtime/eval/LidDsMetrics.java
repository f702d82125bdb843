package dev.bulkhead.runtime.eval;

import dev.bulkhead.runtime.event.RuntimeEvent;
import dev.bulkhead.runtime.model.SequenceDetector;
import dev.bulkhead.runtime.source.Trace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the LID-DS style metrics on recordings, replaying each through a {@link
 * SequenceDetector} with one stream per thread: the detection rate (exploit recordings with an
 * alarm at or after the exploit time) and the consecutive false alarms (runs of alarms outside an
 * exploit, counted once per run), as Grimmer et al. report them.
 *
 * @see <a href="https://github.com/LID-DS/LID-DS">LID-DS</a>
 */
public final class LidDsMetrics {
  private LidDsMetrics() {}

  /**
   * The metrics over a set of recordings.
   *
   * @param exploitRecordings recordings with an exploit time
   * @param detected exploit recordings with an alarm at or after the exploit time
   * @param normalRecordings recordings without an exploit
   * @param falseAlarms alarmed calls outside exploits (in normal recordings or before the exploit)
   * @param consecutiveFalseAlarms runs of consecutive false alarms
   * @param calls system calls replayed
   */
  public record Result(
      int exploitRecordings,
      int detected,
      int normalRecordings,
      long falseAlarms,
      long consecutiveFalseAlarms,
      long calls) {

    /** Returns detected / exploit recordings, or NaN without any. */
    public double detectionRate() {
      return exploitRecordings == 0 ? Double.NaN : (double) detected / exploitRecordings;
    }
  }

  /** Returns whether any of {@code traces} carries an exploit time. */
  public static boolean applies(List<Trace> traces) {
    return traces.stream().anyMatch(t -> t.exploitTimeNanos() >= 0);
  }

  /** Replays {@code recordings} through {@code detector} at its threshold. */
  public static Result evaluate(SequenceDetector detector, List<Trace> recordings) {
    int exploits = 0;
    int detected = 0;
    int normal = 0;
    long falseAlarms = 0;
    long runs = 0;
    long calls = 0;
    double threshold = detector.threshold();
    for (Trace t : recordings) {
      long exploitAt = t.exploitTimeNanos();
      boolean hasExploit = exploitAt >= 0;
      if (hasExploit) {
        exploits++;
      } else {
        normal++;
      }
      Map<Integer, SequenceDetector.Stream> streams = new HashMap<>();
      boolean hit = false;
      boolean inRun = false;
      for (RuntimeEvent e : t.events()) {
        if (e.syscallNr() < 0) {
          continue;
        }
        calls++;
        double score =
            streams.computeIfAbsent(e.tid(), k -> detector.newStream()).accept(e.syscallNr());
        boolean alarm = score > threshold;
        boolean afterExploit = hasExploit && e.timeNanos() >= exploitAt;
        if (alarm && afterExploit) {
          hit = true;
        }
        if (alarm && !afterExploit) {
          falseAlarms++;
          if (!inRun) {
            runs++;
          }
        }
        inRun = alarm && !afterExploit;
      }
      if (hit) {
        detected++;
      }
    }
    return new Result(exploits, detected, normal, falseAlarms, runs, calls);
  }
}
