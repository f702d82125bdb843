package dev.bulkhead.runtime.response;

/** Answers every request with {@code dry-run} (what would have been done) unless enforcing. */
public final class DryRunLink implements ResponseLink {
  private final boolean enforce;

  /** A link that passes requests on only when {@code enforce} is true. */
  public DryRunLink(boolean enforce) {
    this.enforce = enforce;
  }

  @Override
  public ActionOutcome handle(ActionRequest request, Responder next) {
    if (enforce) {
      return next.respond(request);
    }
    return new ActionOutcome(
        "dry-run",
        "would "
            + request.action().id()
            + " container "
            + request.containerName()
            + "; pass --enforce to act");
  }
}
