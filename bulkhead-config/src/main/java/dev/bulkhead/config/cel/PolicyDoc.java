package dev.bulkhead.config.cel;

import dev.bulkhead.config.model.Location;
import java.util.List;
import java.util.Map;

/**
 * One ValidatingAdmissionPolicy as read from YAML, before its expressions are compiled.
 *
 * @param where the position of the document's {@code kind}
 */
record PolicyDoc(
    String name,
    Map<String, String> annotations,
    MatchConstraints match,
    List<Named> matchConditions,
    List<Named> variables,
    List<ValidationDoc> validations,
    Location where) {

  PolicyDoc {
    annotations = Map.copyOf(annotations);
    matchConditions = List.copyOf(matchConditions);
    variables = List.copyOf(variables);
    validations = List.copyOf(validations);
  }

  /** A named expression: a variable or a match condition. */
  record Named(String name, ExpressionSource expression) {}

  /**
   * One entry of {@code spec.validations}.
   *
   * @param messageExpression {@code null} when absent
   * @param message {@code null} when absent
   * @param fieldPath the field the finding points at, as a path; empty for the object's metadata
   */
  record ValidationDoc(
      ExpressionSource expression,
      String message,
      ExpressionSource messageExpression,
      String reason,
      List<Object> fieldPath) {
    ValidationDoc {
      fieldPath = List.copyOf(fieldPath);
    }
  }
}
