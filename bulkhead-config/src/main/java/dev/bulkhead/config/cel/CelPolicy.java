package dev.bulkhead.config.cel;

import dev.bulkhead.config.model.ConfigFinding;
import dev.bulkhead.config.model.Location;
import dev.bulkhead.config.model.ResourceRef;
import dev.bulkhead.config.model.Rule;
import dev.cel.runtime.CelEvaluationException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One compiled ValidatingAdmissionPolicy. Evaluation follows the admission controller: match
 * conditions first (all must be true), then each validation; variables are computed lazily, once
 * per object, when a validation first reads them. An expression that fails at run time, or exceeds
 * its {@link CelLimits}, makes a warning and skips that validation (the policy's failurePolicy is
 * ignored: a scan reports, it does not admit).
 */
final class CelPolicy {
  private static final int MAX_MESSAGE = 1024;

  /** cel-java's run-time errors: "evaluation error at FIELD:OFFSET: problem". */
  private static final Pattern AT_OFFSET =
      Pattern.compile("^evaluation error at [^:]*:(\\d+): (.*)", Pattern.DOTALL);

  /** One compiled validation. */
  record Validation(
      PolicyCompiler.Compiled expression,
      String message,
      PolicyCompiler.Compiled messageExpression,
      List<Object> fieldPath) {}

  private final String name;
  private final Rule rule;
  private final MatchConstraints match;
  private final List<PolicyCompiler.Compiled> conditions;
  private final Map<String, PolicyCompiler.Compiled> variables;
  private final List<Validation> validations;
  private final CelLimits limits;
  private final Location where;

  CelPolicy(
      String name,
      Rule rule,
      MatchConstraints match,
      List<PolicyCompiler.Compiled> conditions,
      Map<String, PolicyCompiler.Compiled> variables,
      List<Validation> validations,
      CelLimits limits,
      Location where) {
    this.name = name;
    this.rule = rule;
    this.match = match;
    this.conditions = List.copyOf(conditions);
    this.variables = new LinkedHashMap<>(variables);
    this.validations = List.copyOf(validations);
    this.limits = limits;
    this.where = where;
  }

  /** Where the policy starts in its file. */
  Location where() {
    return where;
  }

  String name() {
    return name;
  }

  Rule rule() {
    return rule;
  }

  MatchConstraints match() {
    return match;
  }

  /** Evaluates this policy against one matching object. */
  void evaluate(
      Map<String, Object> activation,
      ResourceRef ref,
      Function<List<Object>, Location> locate,
      List<ConfigFinding> findings,
      Consumer<String> warnings) {
    Run run = new Run(activation, ref, warnings);
    for (PolicyCompiler.Compiled c : conditions) {
      Object result = run.eval(c);
      if (result == null) {
        return;
      }
      if (!(result instanceof Boolean)) {
        run.warn(c, "match condition gave " + typeName(result) + " instead of a bool");
        return;
      }
      if (!(Boolean) result) {
        return;
      }
    }
    for (Validation v : validations) {
      Object result = run.eval(v.expression());
      if (result == null) {
        continue;
      }
      if (!(result instanceof Boolean)) {
        run.warn(v.expression(), "validation gave " + typeName(result) + " instead of a bool");
        continue;
      }
      if ((Boolean) result) {
        continue;
      }
      String message = run.message(v);
      List<Object> path = v.fieldPath().isEmpty() ? List.of("metadata") : v.fieldPath();
      findings.add(ConfigFinding.of(rule, locateNearest(locate, path), ref, message));
    }
  }

  /** The location of the path, or of its nearest parent that exists. */
  static Location locateNearest(Function<List<Object>, Location> locate, List<Object> path) {
    for (int i = path.size(); i >= 0; i--) {
      Location at = locate.apply(path.subList(0, i));
      if (at != null) {
        return at;
      }
    }
    return new Location("", 0, 0);
  }

  private static String typeName(Object value) {
    if (value instanceof String) {
      return "a string";
    }
    if (value instanceof Long || value instanceof Double) {
      return "a number";
    }
    if (value instanceof List) {
      return "a list";
    }
    if (value instanceof Map) {
      return "a map";
    }
    return "a " + value.getClass().getSimpleName();
  }

  /** The evaluation of this policy against one object. */
  private final class Run {
    private final Map<String, Object> activation;
    private final ResourceRef ref;
    private final Consumer<String> warnings;
    private final Map<String, Object> values = new HashMap<>();
    private final Map<String, String> failed = new HashMap<>();

    Run(Map<String, Object> activation, ResourceRef ref, Consumer<String> warnings) {
      this.activation = new HashMap<>(activation);
      this.activation.put("variables", values);
      this.ref = ref;
      this.warnings = warnings;
    }

    /** The expression's value, or {@code null} after a warning when it failed. */
    Object eval(PolicyCompiler.Compiled c) {
      for (String v : c.variables()) {
        if (!variable(v)) {
          warn(c, "variable " + v + " failed: " + failed.get(v));
          return null;
        }
      }
      try {
        return c.program().trace(activation, new Budget(limits));
      } catch (CelEvaluationException | RuntimeException e) {
        String budget = Budget.exceeded(e);
        if (budget != null) {
          warn(c, budget);
          return null;
        }
        Matcher m = AT_OFFSET.matcher(e.getMessage() == null ? "" : e.getMessage());
        if (m.find()) {
          warn(c, firstLine(m.group(2)), c.source().locateOffset(Integer.parseInt(m.group(1))));
        } else {
          warn(c, firstLine(e.getMessage()));
        }
        return null;
      }
    }

    private boolean variable(String v) {
      if (values.containsKey(v)) {
        return true;
      }
      if (failed.containsKey(v)) {
        return false;
      }
      PolicyCompiler.Compiled c = variables.get(v);
      for (String dep : c.variables()) {
        if (!variable(dep)) {
          failed.put(v, "variable " + dep + " failed");
          return false;
        }
      }
      try {
        values.put(v, c.program().trace(activation, new Budget(limits)));
        return true;
      } catch (CelEvaluationException | RuntimeException e) {
        String budget = Budget.exceeded(e);
        failed.put(v, budget != null ? budget : clean(e.getMessage()));
        return false;
      }
    }

    String message(Validation v) {
      String fallback =
          v.message() != null && !v.message().isBlank()
              ? v.message()
              : "failed expression: " + v.expression().source().text().strip();
      if (v.messageExpression() == null) {
        return abbreviate(fallback);
      }
      Object m = eval(v.messageExpression());
      if (m == null) {
        return abbreviate(fallback);
      }
      if (!(m instanceof String)) {
        warn(v.messageExpression(), "messageExpression gave " + typeName(m) + ", not a string");
        return abbreviate(fallback);
      }
      String s = ((String) m).strip();
      if (s.isEmpty() || s.contains("\n")) {
        return abbreviate(fallback);
      }
      return abbreviate(s);
    }

    void warn(PolicyCompiler.Compiled c, String problem) {
      warn(c, problem, c.source().where());
    }

    void warn(PolicyCompiler.Compiled c, String problem, Location at) {
      warnings.accept(
          at.file()
              + ":"
              + at.line()
              + ":"
              + at.column()
              + ": policy "
              + name
              + " "
              + c.source().field()
              + " could not be evaluated for "
              + describe(ref)
              + ": "
              + problem);
    }
  }

  private static String describe(ResourceRef ref) {
    if (ref == null) {
      return "the object";
    }
    return ref.kind() + " " + (ref.namespace() == null ? "" : ref.namespace() + "/") + ref.name();
  }

  private static String abbreviate(String s) {
    return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE - 1) + "…";
  }

  private static String clean(String message) {
    Matcher m = AT_OFFSET.matcher(message == null ? "" : message);
    return firstLine(m.find() ? m.group(2) : message);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "evaluation failed";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
