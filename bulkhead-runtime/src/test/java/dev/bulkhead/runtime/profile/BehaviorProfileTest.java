package dev.bulkhead.runtime.profile;

import static dev.bulkhead.runtime.testing.Events.bind;
import static dev.bulkhead.runtime.testing.Events.connect;
import static dev.bulkhead.runtime.testing.Events.exec;
import static dev.bulkhead.runtime.testing.Events.open;
import static dev.bulkhead.runtime.testing.Events.syscall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BehaviorProfileTest {
  private BehaviorProfile profile;

  @BeforeEach
  void learnAWebApp() {
    profile = new BehaviorProfile();
    for (int i = 0; i < 50; i++) {
      profile.learn(exec(100 + i, "ping.cgi", "/bin/httpd"));
      profile.learn(exec(200 + i, "ping", "ping.cgi"));
      profile.learn(open(100 + i, "/bin/httpd", "index.html", 0));
      profile.learn(open(100 + i, "/bin/httpd", "/proc/" + (1000 + i) + "/stat", 0));
      profile.learn(open(100 + i, "ping.cgi", "/tmp/sess_" + (char) ('a' + i % 26), 0x241));
      profile.learn(connect(100 + i, "ping", "10.0.0." + (1 + i % 3), 53));
      profile.learn(syscall(100 + i, "ping", 0));
    }
    profile.learn(open(1, "/bin/httpd", "/etc/passwd", 0));
    profile.learn(bind(1, "/bin/httpd", 80));
  }

  @Test
  void learnedBehaviourNeverAlarms() {
    for (var e :
        new dev.bulkhead.runtime.event.RuntimeEvent[] {
          exec(1, "ping", "ping.cgi"),
          open(1, "/bin/httpd", "index.html", 0),
          open(1, "/bin/httpd", "/proc/77/stat", 0),
          open(1, "/bin/httpd", "/etc/passwd", 0),
          connect(1, "ping", "10.0.0.2", 53),
          syscall(1, "ping", 0)
        }) {
      assertThat(profile.score(e).score())
          .as("%s", e)
          .isLessThanOrEqualTo(BehaviorProfile.SEEN_CEILING);
    }
    ProfileVerdict rare = profile.score(open(1, "/bin/httpd", "/etc/passwd", 0));
    assertThat(rare.deviations().get(0).seen()).isEqualTo(1);
    assertThat(rare.score()).as("rare is visible but below an alarm").isBetween(0.3, 0.5);
  }

  @Test
  void unseenProgramsAndLineageAlarm() {
    ProfileVerdict sh = profile.score(exec(1, "/bin/sh", "ping.cgi"));
    assertThat(sh.score()).isEqualTo(1.0);
    assertThat(sh.deviations()).extracting(Deviation::category).contains(Category.PROGRAM);
    ProfileVerdict oddParent = profile.score(exec(1, "ping", "/bin/httpd"));
    assertThat(oddParent.score()).isEqualTo(0.9);
    assertThat(oddParent.deviations().get(0).reason()).contains("never started by /bin/httpd");
  }

  @Test
  void filesAreJudgedByModeAndDirectoryVariability() {
    assertThat(profile.score(open(1, "/bin/httpd", "/etc/shadow", 0)).score()).isEqualTo(1.0);
    assertThat(profile.score(open(1, "/bin/httpd", "index.html", 1)).score())
        .as("written where only read")
        .isEqualTo(1.0);
    assertThat(profile.score(open(1, "ping.cgi", "/tmp/sess_zz", 0x241)).score())
        .as("a new name in a directory whose names vary")
        .isEqualTo(0.3);
    assertThat(profile.score(open(1, "ping", "index.html", 0)).score())
        .as("read by another program")
        .isEqualTo(0.6);
  }

  @Test
  void networkIsJudgedByPortThenPeer() {
    assertThat(profile.score(connect(1, "ping", "10.0.0.9", 53)).score()).isEqualTo(0.3);
    assertThat(profile.score(connect(1, "ping", "192.168.1.1", 53)).score()).isEqualTo(0.7);
    assertThat(profile.score(connect(1, "/bin/httpd", "192.168.1.1", 53)).score()).isEqualTo(0.75);
    ProfileVerdict c2 = profile.score(connect(1, "ping", "10.0.0.2", 4444));
    assertThat(c2.score()).isEqualTo(1.0);
    assertThat(c2.deviations().get(0).value()).isEqualTo("10.0.0.2:4444");
    assertThat(profile.score(bind(1, "/bin/httpd", 4444)).score()).isEqualTo(1.0);
    assertThat(profile.score(bind(1, "ping", 80)).score()).isEqualTo(0.6);
    assertThat(profile.score(syscall(1, "ping", 59)).score()).isEqualTo(0.5);
  }

  @Test
  void snapshotRestoresTheSameJudgement() {
    BehaviorProfile copy = BehaviorProfile.restore(profile.snapshot());
    assertThat(copy.events()).isEqualTo(profile.events());
    assertThat(copy.distinctFeatures()).isEqualTo(profile.distinctFeatures());
    for (var e :
        new dev.bulkhead.runtime.event.RuntimeEvent[] {
          exec(1, "/bin/sh", "ping.cgi"),
          open(1, "ping.cgi", "/tmp/sess_zz", 0x241),
          connect(1, "ping", "192.168.1.1", 53),
          open(1, "/bin/httpd", "/etc/passwd", 0)
        }) {
      assertThat(copy.score(e)).isEqualTo(profile.score(e));
    }
  }

  @Test
  void restoreRejectsBadSnapshots() {
    assertThatThrownBy(
            () ->
                BehaviorProfile.restore(
                    new ProfileSnapshot(Map.of("NOPE", Map.of("a\u0000b", 1L)), 1, 0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                BehaviorProfile.restore(
                    new ProfileSnapshot(Map.of("FILE", Map.of("a\u0000r:/x", -3L)), 1, 0)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
