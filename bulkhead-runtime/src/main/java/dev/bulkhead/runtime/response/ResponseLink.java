package dev.bulkhead.runtime.response;

import java.util.List;

/**
 * One guard around a {@link Responder}, like an HTTP interceptor: it may answer by itself (dry run,
 * rate limit) or pass the request on to {@code next}, and may look at the outcome (audit).
 */
public interface ResponseLink {
  /** Handles {@code request}, calling {@code next} to proceed. */
  ActionOutcome handle(ActionRequest request, Responder next);

  /** A responder that runs {@code links} in order (the first is outermost) around {@code last}. */
  static Responder chain(List<ResponseLink> links, Responder last) {
    Responder r = last;
    for (int i = links.size() - 1; i >= 0; i--) {
      ResponseLink link = links.get(i);
      Responder next = r;
      r = request -> link.handle(request, next);
    }
    return r;
  }
}
