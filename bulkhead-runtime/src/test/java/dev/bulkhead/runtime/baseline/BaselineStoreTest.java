package dev.bulkhead.runtime.baseline;

import static dev.bulkhead.runtime.testing.Events.exec;
import static dev.bulkhead.runtime.testing.Events.open;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.runtime.profile.BehaviorProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineStoreTest {
  @TempDir Path dir;

  private static final WorkloadId WEB = new WorkloadId("sha256:aaaa", "web");

  private static Baseline baseline(WorkloadId id) {
    BehaviorProfile p = new BehaviorProfile();
    p.learn(exec(1, "/bin/httpd", "/sbin/init"));
    p.learn(open(1, "/bin/httpd", "/var/www/index.html", 0));
    return new Baseline(
        Baseline.SCHEMA_VERSION, id, "2026-11-28T12:00:00Z", 2, 30.5, "bpftrace", p.snapshot());
  }

  @Test
  void savesAndReloadsPerWorkload() throws Exception {
    BaselineStore store = new BaselineStore(dir.resolve("b"));
    assertThat(store.load(WEB)).isEmpty();
    Path file = store.save(baseline(WEB));
    assertThat(file).exists().hasParent(dir.resolve("b"));
    assertThat(file.getFileName().toString()).startsWith("web-").endsWith(".baseline.json");
    Baseline back = store.load(WEB).orElseThrow();
    assertThat(back).isEqualTo(baseline(WEB));
    assertThat(
            BehaviorProfile.restore(back.profile())
                .score(open(1, "/bin/httpd", "/etc/shadow", 0))
                .score())
        .isEqualTo(1.0);
    WorkloadId newImage = new WorkloadId("sha256:bbbb", "web");
    assertThat(store.fileOf(newImage)).isNotEqualTo(file);
    assertThat(store.load(newImage)).as("a new image learns afresh").isEmpty();
  }

  @Test
  void hostileNamesStayInTheDirectory() {
    BaselineStore store = new BaselineStore(dir);
    Path f = store.fileOf(new WorkloadId("sha256:x", "../../etc/passwd"));
    assertThat(f.getParent()).isEqualTo(dir);
    assertThat(f.getFileName().toString()).doesNotContain("/");
  }

  @Test
  void refusesOtherVersionsOtherWorkloadsAndGarbage() throws Exception {
    BaselineStore store = new BaselineStore(dir);
    Path file = store.save(baseline(WEB));
    Files.writeString(
        file, Files.readString(file).replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 99"));
    assertThatThrownBy(() -> store.load(WEB))
        .isInstanceOf(BulkheadException.class)
        .hasMessageContaining("schema version 99")
        .hasMessageContaining(file.toString());

    WorkloadId other = new WorkloadId("sha256:cccc", "db");
    Files.writeString(store.fileOf(other), Files.readString(store.save(baseline(WEB))));
    assertThatThrownBy(() -> store.load(other))
        .isInstanceOf(BulkheadException.class)
        .hasMessageContaining("belongs to");

    Files.writeString(file, "{\"schemaVersion\":1,\"workload\":");
    assertThatThrownBy(() -> store.load(WEB))
        .isInstanceOf(BulkheadException.class)
        .hasMessageContaining("delete it");
  }
}
