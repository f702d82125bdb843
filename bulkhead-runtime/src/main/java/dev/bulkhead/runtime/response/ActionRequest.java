package dev.bulkhead.runtime.response;

import java.util.Objects;

/**
 * A request to act on a container because of an alert.
 *
 * @param containerId container id
 * @param containerName container name
 * @param action what to do
 * @param alertId the alert that asks for it
 * @param reason one line: why
 */
public record ActionRequest(
    String containerId,
    String containerName,
    ResponseAction action,
    String alertId,
    String reason) {
  public ActionRequest {
    Objects.requireNonNull(containerId, "containerId");
    Objects.requireNonNull(action, "action");
  }
}
