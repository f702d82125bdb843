package dev.bulkhead.runtime.response;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.engine.EngineClient;

/**
 * Pauses or stops containers through the container engine's API ({@code POST
 * /containers/{id}/pause}, {@code POST /containers/{id}/stop?t=10}), which Docker Engine and
 * podman's compatible service both serve.
 */
public final class EngineResponder implements Responder {
  private final EngineClient engine;

  /** A responder using {@code engine}. */
  public EngineResponder(EngineClient engine) {
    this.engine = engine;
  }

  @Override
  public ActionOutcome respond(ActionRequest request) {
    String id = request.containerId();
    if (!id.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}")) {
      return ActionOutcome.failed("refusing to act on malformed container id " + id);
    }
    String path =
        request.action() == ResponseAction.PAUSE
            ? "/containers/" + id + "/pause"
            : "/containers/" + id + "/stop?t=10";
    try {
      engine.post(path);
      return ActionOutcome.executed(
          request.action().id()
              + " of container "
              + request.containerName()
              + " ("
              + id
              + ") done through "
              + engine.host());
    } catch (BulkheadException e) {
      return ActionOutcome.failed(e.getMessage());
    }
  }
}
