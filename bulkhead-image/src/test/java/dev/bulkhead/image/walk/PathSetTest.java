package dev.bulkhead.image.walk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathSetTest {
  @Test
  void tellsEntriesAndTheirKindApartAcrossGrowth() {
    PathSet set = new PathSet(new PathSet.Hasher());
    for (int i = 0; i < 10_000; i++) {
      set.add("usr/share/doc/pkg" + i + "/copyright", false);
      set.add("usr/share/doc/pkg" + i, true);
    }
    set.add("usr/share/doc/pkg1", true); // a duplicate changes nothing
    assertThat(set.contains("usr/share/doc/pkg9999/copyright")).isTrue();
    assertThat(set.containsNonDirectory("usr/share/doc/pkg9999/copyright")).isTrue();
    assertThat(set.contains("usr/share/doc/pkg42")).isTrue();
    assertThat(set.containsNonDirectory("usr/share/doc/pkg42")).isFalse();
    assertThat(set.contains("usr/share/doc/pkg10000")).isFalse();
    assertThat(set.contains("usr/share/doc")).isFalse();
  }
}
