package dev.bulkhead.config.cel;

import com.google.protobuf.ByteString;
import dev.cel.common.ast.CelExpr;
import dev.cel.runtime.CelEvaluationListener;
import java.util.Collection;
import java.util.Map;

/**
 * Counts the steps of one evaluation and stops it, by throwing {@link Exceeded}, once it takes too
 * many steps, too long, or builds too large a value. cel-java calls the listener after every
 * evaluated node, iterations of macros included, so the count is a deterministic cost measure.
 */
final class Budget implements CelEvaluationListener {
  /** Thrown from inside the evaluator; cel-java wraps it in its evaluation exception. */
  static final class Exceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Exceeded(String message) {
      super(message, null, false, false);
    }
  }

  private final CelLimits limits;
  private final long deadline;
  private long steps;

  Budget(CelLimits limits) {
    this.limits = limits;
    this.deadline = System.nanoTime() + limits.maxMillis() * 1_000_000L;
  }

  @Override
  public void callback(CelExpr expr, Object value) {
    steps++;
    if (steps > limits.maxSteps()) {
      throw new Exceeded(
          "evaluation exceeded the budget of " + limits.maxSteps() + " steps; simplify the policy");
    }
    if ((steps & 0xff) == 0 && System.nanoTime() > deadline) {
      throw new Exceeded("evaluation took longer than " + limits.maxMillis() + " ms");
    }
    if (value instanceof String && ((String) value).length() > limits.maxStringLength()) {
      throw new Exceeded(
          "expression built a string longer than " + limits.maxStringLength() + " characters");
    }
    if (value instanceof ByteString && ((ByteString) value).size() > limits.maxStringLength()) {
      throw new Exceeded("expression built bytes longer than " + limits.maxStringLength());
    }
    if (value instanceof Collection
        && ((Collection<?>) value).size() > limits.maxCollectionSize()) {
      throw new Exceeded(
          "expression built a list of more than " + limits.maxCollectionSize() + " elements");
    }
    if (value instanceof Map && ((Map<?, ?>) value).size() > limits.maxCollectionSize()) {
      throw new Exceeded(
          "expression built a map of more than " + limits.maxCollectionSize() + " entries");
    }
  }

  long steps() {
    return steps;
  }

  /** The budget message when {@code e} or one of its causes is an {@link Exceeded}. */
  static String exceeded(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof Exceeded) {
        return t.getMessage();
      }
    }
    return null;
  }
}
