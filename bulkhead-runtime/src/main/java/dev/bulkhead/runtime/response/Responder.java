package dev.bulkhead.runtime.response;

/**
 * Acts on a container. Implementations return an outcome rather than throwing, so the watch keeps
 * running when an action fails. Thread-safe.
 */
public interface Responder {
  /** Carries out (or declines) {@code request}. */
  ActionOutcome respond(ActionRequest request);
}
