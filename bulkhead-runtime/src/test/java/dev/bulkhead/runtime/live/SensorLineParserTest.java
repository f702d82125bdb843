package dev.bulkhead.runtime.live;

import static org.assertj.core.api.Assertions.assertThat;

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
}
