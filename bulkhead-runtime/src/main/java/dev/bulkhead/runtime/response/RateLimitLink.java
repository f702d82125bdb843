package dev.bulkhead.runtime.response;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Limits actions: at most one per container per window (a container already paused or stopped needs
 * no second action; the answer is {@code skipped}) and at most {@code maxPerWindow} over all
 * containers (beyond that, {@code rate-limited}), so a flood of alerts, or an attacker provoking
 * them, cannot turn protect mode against the whole host.
 */
public final class RateLimitLink implements ResponseLink {
  private final int maxPerWindow;
  private final Duration window;
  private final Clock clock;
  private final Deque<Long> recent = new ArrayDeque<>();
  private final Map<String, Long> lastByContainer = new HashMap<>();

  /** A limit of {@code maxPerWindow} actions per {@code window}. */
  public RateLimitLink(int maxPerWindow, Duration window, Clock clock) {
    if (maxPerWindow < 1) {
      throw new IllegalArgumentException("maxPerWindow must be at least 1");
    }
    this.maxPerWindow = maxPerWindow;
    this.window = window;
    this.clock = clock;
  }

  @Override
  public ActionOutcome handle(ActionRequest request, Responder next) {
    long now = clock.millis();
    synchronized (this) {
      long horizon = now - window.toMillis();
      while (!recent.isEmpty() && recent.peekFirst() <= horizon) {
        recent.removeFirst();
      }
      Long last = lastByContainer.get(request.containerId());
      if (last != null && last > horizon) {
        return new ActionOutcome(
            "skipped",
            "container "
                + request.containerName()
                + " was already acted on "
                + (now - last) / 1000
                + " s ago");
      }
      if (recent.size() >= maxPerWindow) {
        return new ActionOutcome(
            "rate-limited",
            maxPerWindow + " actions in the last " + window.toSeconds() + " s already");
      }
      recent.addLast(now);
      lastByContainer.put(request.containerId(), now);
    }
    return next.respond(request);
  }
}
