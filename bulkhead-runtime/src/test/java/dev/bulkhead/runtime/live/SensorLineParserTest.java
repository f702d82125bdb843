package dev.bulkhead.runtime.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SensorLineParserTest {
  private final SensorLineParser parser = new SensorLineParser("bh0123");

  @Test
  void parsesEveryRecordType() {
    SensorRecord s = parser.parse("bh0123 S 4026532403 10 11 555 59");
    assertThat(s).isEqualTo(new SensorRecord('S', 4026532403L, 10, 11, 555, 59, null, null));
    SensorRecord o = parser.parse("bh0123 O 4026532403 10 10 7 524288 /var/www/a file.html");
    assertThat(o.type()).isEqualTo('O');
    assertThat(o.number()).isEqualTo(524288);
    assertThat(o.text()).as("the path keeps its spaces").isEqualTo("/var/www/a file.html");
    SensorRecord c = parser.parse("bh0123 C 1 10 10 7 4444 10.88.0.1");
    assertThat(c.number()).isEqualTo(4444);
    assertThat(c.text()).isEqualTo("10.88.0.1");
    SensorRecord f = parser.parse("bh0123 F 1 10 10 7 12 runc:[2:INIT]");
    assertThat(f.comm()).isEqualTo("runc:[2:INIT]");
    assertThat(parser.parse("bh0123 X 1 10 10 7").type()).isEqualTo('X');
    assertThat(parser.parse("bh0123 V 1 10 10 7 1 -c").text()).isEqualTo("-c");
    assertThat(parser.parse("bh0123 E 1 10 10 7 9 /bin/sh").number()).isEqualTo(9);
  }

  @Test
  void linesWithoutTheNonceAreNotEvents() {
    // A path with a newline could print a second line; without the secret nonce it is not an event.
    assertThat(parser.classify("bh9999 S 1 2 3 4 5")).isEqualTo(SensorLineParser.Kind.OTHER);
    assertThat(parser.parse("bh9999 S 1 2 3 4 5")).isNull();
    assertThat(parser.classify("S 1 2 3 4 5")).isEqualTo(SensorLineParser.Kind.OTHER);
  }

  @Test
  void rejectsMalformedEvents() {
    assertThat(parser.parse("bh0123 S 1 2")).isNull();
    assertThat(parser.parse("bh0123 S x 2 3 4 5")).isNull();
    assertThat(parser.parse("bh0123 Q 1 2 3 4 5")).isNull();
    assertThat(parser.parse("bh0123 SS 1 2 3 4")).isNull();
    assertThat(parser.parse("bh0123 ")).isNull();
  }

  @Test
  void readsCountersAndMarkers() {
    assertThat(parser.classify("bh0123 R")).isEqualTo(SensorLineParser.Kind.READY);
    assertThat(parser.classify("@sent_bh0123: 149")).isEqualTo(SensorLineParser.Kind.SENT_COUNT);
    assertThat(SensorLineParser.number("@sent_bh0123: 149")).isEqualTo(149);
    assertThat(parser.classify("Lost 12 events")).isEqualTo(SensorLineParser.Kind.LOST);
    assertThat(SensorLineParser.number("Lost 12 events")).isEqualTo(12);
    assertThat(SensorLineParser.number("@sent_bh0123: lots")).isEqualTo(-1);
  }

  // Packing, worked by hand: 9 bits per call, 6 calls per word from the lowest bits up.
  // Word 0 holds read(0) write(1) openat(257) execve(59) exit_group(231) 511:
  //   0 + 1*2^9 + 257*2^18 + 59*2^27 + 231*2^36 + 511*2^45
  //   = 512 + 67,371,008 + 7,918,845,952 + 15,874,199,126,016 + 17,979,214,137,393,152
  //   = 17,995,096,322,736,640
  // Word 1 holds close(3) exit(60) rt_sigaction(13), then stale slots the kernel did not clear:
  //   3 + 60*2^9 + 13*2^18 + 400*2^27 + 511*2^45 = 17,979,267,827,922,947
  // Words 2 to 5 are stale too.
  private static final String BATCH =
      "bh0123 Q 4026532403 10 11 1000 1800 9 17995096322736640 17979267827922947"
          + " 18446744073709551615 5 0 77";

  @Test
  void unpacksABatchOfSystemCallsInOrder() {
    assertThat(parser.classify(BATCH)).isEqualTo(SensorLineParser.Kind.BATCH);
    SyscallBatch q = parser.parseBatch(BATCH);
    assertThat(q.size()).isEqualTo(9);
    List<SensorRecord> records = q.records();
    assertThat(records)
        .extracting(SensorRecord::number)
        .containsExactly(0L, 1L, 257L, 59L, 231L, 511L, 3L, 60L, 13L);
    assertThat(records).allMatch(r -> r.type() == 'S' && r.pid() == 10 && r.tid() == 11);
    assertThat(records).allMatch(r -> r.pidNamespace() == 4026532403L);
    // The first call has its own time, the last the emission time, the rest evenly between.
    assertThat(records)
        .extracting(SensorRecord::ktime)
        .containsExactly(1000L, 1100L, 1200L, 1300L, 1400L, 1500L, 1600L, 1700L, 1800L);
    assertThat(q.record(3))
        .isEqualTo(new SensorRecord('S', 4026532403L, 10, 11, 1300, 59, null, null));
  }

  @Test
  void aBatchOfOneCallAndAFullBatch() {
    SyscallBatch one = parser.parseBatch("bh0123 Q 7 1 1 500 900 1 231 0 0 0 0 0");
    assertThat(one.records()).containsExactly(new SensorRecord('S', 7, 1, 1, 500, 231, null, null));
    // 36 calls: every slot 0..35 holds its own index (word w, slot s: 6w + s).
    long[] words = new long[BpftraceProgram.WORDS];
    for (int i = 0; i < BpftraceProgram.BATCH; i++) {
      words[i / 6] |= (long) i << ((i % 6) * 9);
    }
    StringBuilder line = new StringBuilder("bh0123 Q 7 1 2 100 450 36");
    for (long w : words) {
      line.append(' ').append(Long.toUnsignedString(w));
    }
    SyscallBatch full = parser.parseBatch(line.toString());
    assertThat(full.size()).isEqualTo(36);
    for (int i = 0; i < 36; i++) {
      assertThat(full.number(i)).isEqualTo(i);
      assertThat(full.ktime(i)).isEqualTo(100 + 10L * i);
    }
    // A batch without a usable first time (0, or after the emission) gets the emission time.
    assertThat(parser.parseBatch("bh0123 Q 7 1 1 0 900 2 513 0 0 0 0 0").records())
        .extracting(SensorRecord::ktime)
        .containsExactly(900L, 900L);
    assertThat(parser.parseBatch("bh0123 Q 7 1 1 901 900 2 513 0 0 0 0 0").records())
        .extracting(SensorRecord::number)
        .containsExactly(1L, 1L);
  }

  @Test
  void rejectsMalformedBatches() {
    assertThat(parser.parseBatch("bh0123 Q 7 1 1 5 9 0 0 0 0 0 0 0")).as("no calls").isNull();
    assertThat(parser.parseBatch("bh0123 Q 7 1 1 5 9 37 0 0 0 0 0 0")).as("too many").isNull();
    assertThat(parser.parseBatch("bh0123 Q 7 1 1 5 9 -1 0 0 0 0 0 0")).isNull();
    assertThat(parser.parseBatch("bh0123 Q 7 1 1 5 9 3 0 0 0 0 0")).as("5 words").isNull();
    assertThat(parser.parseBatch("bh0123 Q 7 1 1 5 9 3 0 0 0 0 0 0 0")).as("7 words").isNull();
    assertThat(parser.parseBatch("bh0123 Q 7 1 1 5 9 3 0 0 0 0 0 x")).isNull();
    assertThat(parser.parseBatch("bh0123 Q 7 1 1 5 9 3 -4 0 0 0 0 0")).isNull();
    assertThat(parser.parseBatch("bh0123 Q 7 1 1 5 9 3 18446744073709551616 0 0 0 0 0")).isNull();
    assertThat(parser.parseBatch("bh0123 Q 7 1")).isNull();
    assertThat(parser.parseBatch("bh9999 Q 7 1 1 5 9 1 0 0 0 0 0 0")).as("other nonce").isNull();
    assertThat(parser.classify("bh9999 Q 7 1 1 5 9 1 0 0 0 0 0 0"))
        .isEqualTo(SensorLineParser.Kind.OTHER);
    assertThat(parser.parseBatch("bh0123 S 7 1 1 5 9")).isNull();
    assertThat(parser.classify("bh0123 S 7 1 1 5 9")).isEqualTo(SensorLineParser.Kind.EVENT);
  }
}
