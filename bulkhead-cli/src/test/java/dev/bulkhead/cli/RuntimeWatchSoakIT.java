package dev.bulkhead.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The issue's "10 minutes of normal traffic after learning raise none", checked live: the web app
 * of {@link RuntimeWatchIT} ({@link WatchedWebApp}) in a real podman container, its varied client
 * loop (pages with and without queries, the status CGI, the ping CGI with several hosts, missing
 * pages, exponential gaps and idle pauses), a real bpftrace watch through the packaged CLI that
 * learns for {@code bulkhead.it.soakLearnSeconds} (default 120) and then watches {@code
 * bulkhead.it.soakSeconds} of normal traffic, which must raise no alert. It prints the requests
 * sent by kind, the events learned and the sensor's records and drops.
 *
 * <p>Length: under {@code CI=true} the watched stretch is always 600 s (the issue's 10 minutes;
 * {@code bulkhead.it.soakSeconds} cannot shorten it there); locally it defaults to 60 s, and {@code
 * -Dbulkhead.it.soakSeconds=600} runs the full check. {@code -Dbulkhead.it.soakSyscalls=true} also
 * streams every system call and learns the sequence model.
 *
 * <p>It runs beside the other bulkhead-cli integration tests, not after them: the module's failsafe
 * configuration enables JUnit's parallel execution with all classes in one thread ({@code
 * same_thread}) except this one ({@link ExecutionMode#CONCURRENT}), which the second worker starts
 * at once. Everything it creates is private (image tag, container name, port, podman service
 * socket, work directory: see {@link WatchedWebApp}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.CONCURRENT)
class RuntimeWatchSoakIT {
  /** The watched stretch of normal traffic the issue asks for. */
  static final long ISSUE_SECONDS = 600;

  private WatchedWebApp app;

  @BeforeAll
  void startApp() throws Exception {
    WatchedWebApp.requireTools();
    app = WatchedWebApp.start("bh-watch-soak");
    app.startClient(System.nanoTime());
  }

  /** The watched stretch: 600 s under CI=true, else {@code bulkhead.it.soakSeconds} (60). */
  static long soakSeconds() {
    if ("true".equals(System.getenv("CI"))) {
      return ISSUE_SECONDS;
    }
    return Long.getLong("bulkhead.it.soakSeconds", 60);
  }

  @Test
  void normalTrafficAfterLearningRaisesNoAlert() throws Exception {
    long learnSeconds = Long.getLong("bulkhead.it.soakLearnSeconds", 120);
    long soakSeconds = soakSeconds();
    boolean syscalls = Boolean.getBoolean("bulkhead.it.soakSyscalls");
    Path baselines = app.work().resolve("baselines");
    WatchedWebApp.Watch watch =
        syscalls
            ? app.startWatch("soak", baselines, learnSeconds + "s", "--syscalls")
            : app.startWatch("soak", baselines, learnSeconds + "s");
    long learnStart = System.nanoTime();
    // Learning ends with "..., saved FILE; monitoring" or ": monitoring, but the baseline was not
    // saved: ..."; the unsaved case must fail here, not time out.
    watch.awaitLog("monitoring", Duration.ofSeconds(learnSeconds + 120));
    assertThat(watch.log()).as("the learned baseline is saved").doesNotContain("was not saved");
    long learnRequests = app.requests();
    assertThat(learnRequests)
        .as("normal requests while learning (%d s)", learnSeconds)
        .isGreaterThan(learnSeconds * 2);

    long start = System.nanoTime();
    long requestsBefore = app.requests();
    List<JsonNode> alerts = List.of();
    while (System.nanoTime() - start < Duration.ofSeconds(soakSeconds).toNanos()) {
      Thread.sleep(5000);
      assertThat(watch.isAlive()).as("the watch runs: %s", watch.log()).isTrue();
      alerts = watch.alerts();
      if (!alerts.isEmpty()) {
        break; // fail at once, with the alert
      }
    }
    long watched = (System.nanoTime() - start) / 1_000_000_000L;
    long normalRequests = app.requests() - requestsBefore;
    String log = watch.stop();
    alerts = watch.alerts();

    String learned = firstMatch(log, "learned [0-9]+ events in [0-9]+ s.*?(?=, saved|;)");
    String stopped = firstMatch(log, "stopped; .*");
    System.out.printf(
        "RuntimeWatchSoakIT: learned %d s (%s, %d requests), then watched %d s of normal"
            + " traffic: %d requests %s, %d alerts; %s%n",
        (start - learnStart) / 1_000_000_000L,
        learned,
        learnRequests,
        watched,
        normalRequests,
        app.requestKinds(),
        alerts.size(),
        stopped);
    assertThat(alerts)
        .as("alerts on %d s of normal traffic after learning (%s)", watched, stopped)
        .isEmpty();
    assertThat(watched).isGreaterThanOrEqualTo(soakSeconds);
    assertThat(normalRequests)
        .as("normal requests in %d s", watched)
        .isGreaterThan(soakSeconds * 2);
    Matcher dropped = Pattern.compile("([0-9]+) sensor events, ([0-9]+) dropped").matcher(log);
    assertThat(dropped.find()).as("the sensor's counters in the summary: %s", log).isTrue();
    assertThat(Long.parseLong(dropped.group(1))).as("sensor events").isPositive();
  }

  private static String firstMatch(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    return m.find() ? m.group() : "?";
  }

  @AfterAll
  void cleanUp() throws Exception {
    if (app != null) {
      app.close();
    }
  }
}
