package dev.bulkhead.runtime.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.runtime.event.RuntimeEvent;
import dev.bulkhead.runtime.model.sequence.Stide;
import dev.bulkhead.runtime.source.Trace;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Replays recordings with exploit times through STIDE and counts the LID-DS metrics. */
class LidDsMetricsTest {

  private static Trace recording(String id, long exploitAt, int... calls) {
    List<RuntimeEvent> events = new ArrayList<>();
    for (int i = 0; i < calls.length; i++) {
      events.add(RuntimeEvent.syscall(i, 10, "sys_" + calls[i], calls[i]));
    }
    return Trace.ofEvents(id, events, exploitAt);
  }

  @Test
  void countsDetectionsAndRunsOfFalseAlarms() {
    Stide stide = Stide.train(List.of(new int[] {1, 2, 1, 2, 1, 2}), 2, 1).withThresholds(0, 0);
    // Windows [1] [1,2] [2,1] seen; [1,5] [5,5] [5,1] unseen: one run of three false alarms.
    Trace normal = recording("normal", -1, 1, 2, 1, 5, 5, 1, 2);
    // The exploit starts at time 4 with [2,7]: detected, and no false alarm before it.
    Trace attack = recording("attack", 4, 1, 2, 1, 2, 7, 8);
    LidDsMetrics.Result r = LidDsMetrics.evaluate(stide, List.of(normal, attack));
    assertThat(r.exploitRecordings()).isEqualTo(1);
    assertThat(r.detected()).isEqualTo(1);
    assertThat(r.detectionRate()).isEqualTo(1.0);
    assertThat(r.normalRecordings()).isEqualTo(1);
    assertThat(r.falseAlarms()).isEqualTo(3);
    assertThat(r.consecutiveFalseAlarms()).isEqualTo(1);
    assertThat(r.calls()).isEqualTo(13);
    assertThat(LidDsMetrics.applies(List.of(normal))).isFalse();
    assertThat(LidDsMetrics.applies(List.of(normal, attack))).isTrue();
  }

  @Test
  void anAlarmBeforeTheExploitIsAFalseAlarmNotADetection() {
    Stide stide = Stide.train(List.of(new int[] {1, 2, 1, 2}), 2, 1).withThresholds(0, 0);
    Trace early = recording("early", 5, 1, 9, 1, 2, 1, 2, 1);
    LidDsMetrics.Result r = LidDsMetrics.evaluate(stide, List.of(early));
    assertThat(r.detected()).isZero();
    assertThat(r.falseAlarms()).isEqualTo(2);
    assertThat(r.consecutiveFalseAlarms()).isEqualTo(1);
  }
}
