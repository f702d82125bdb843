package dev.bulkhead.config.cel;

import dev.bulkhead.config.model.Location;
import dev.bulkhead.config.spi.ConfigParseException;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.navigation.CelNavigableExpr;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.extensions.CelListsExtensions;
import dev.cel.extensions.CelStringExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compiles policy expressions in the environment Kubernetes gives ValidatingAdmissionPolicy: {@code
 * object}, {@code oldObject} (always null: a file is a create), {@code request}, {@code
 * namespaceObject} and {@code variables}, the standard macros, and the strings, lists, sets, math,
 * encoders, optional and bindings extensions. Functions that can allocate without bound in one step
 * are either left out ({@code lists.range}, the regex extension) or replaced by bounded versions
 * ({@code join}, {@code replace}). Thread-safe: the CEL environment and compiled programs are
 * immutable.
 */
final class PolicyCompiler {
  private final Cel cel;

  PolicyCompiler(CelLimits limits) {
    CelOptions options =
        CelOptions.current()
            .comprehensionMaxIterations(limits.maxIterations())
            .maxExpressionCodePointSize(PolicyReader.MAX_EXPRESSION_CHARS)
            .maxParseRecursionDepth(100)
            .maxRegexProgramSize(10_000)
            .enableHeterogeneousNumericComparisons(true)
            .errorOnDuplicateMapKeys(true)
            .enableOptionalSyntax(true)
            .build();
    EnumSet<CelStringExtensions.Function> strings =
        EnumSet.allOf(CelStringExtensions.Function.class);
    strings.remove(CelStringExtensions.Function.JOIN);
    strings.remove(CelStringExtensions.Function.REPLACE);
    EnumSet<CelListsExtensions.Function> lists = EnumSet.allOf(CelListsExtensions.Function.class);
    lists.remove(CelListsExtensions.Function.RANGE);
    BoundedStrings bounded = new BoundedStrings(limits.maxStringLength());
    this.cel =
        CelFactory.legacyCelBuilder()
            .setOptions(options)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("object", SimpleType.DYN)
            .addVar("oldObject", SimpleType.DYN)
            .addVar("namespaceObject", SimpleType.DYN)
            .addVar("request", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addVar("variables", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addCompilerLibraries(
                CelExtensions.strings(strings),
                CelExtensions.lists(lists),
                CelExtensions.sets(options),
                CelExtensions.math(),
                CelExtensions.encoders(options),
                CelExtensions.optional(),
                CelExtensions.bindings())
            .addRuntimeLibraries(
                CelExtensions.strings(strings),
                CelExtensions.lists(lists),
                CelExtensions.sets(options),
                CelExtensions.math(),
                CelExtensions.encoders(options),
                CelExtensions.optional())
            .addFunctionDeclarations(BoundedStrings.declarations())
            .addFunctionBindings(bounded.bindings())
            .setResultType(SimpleType.DYN)
            .build();
  }

  /**
   * Compiles one expression.
   *
   * @param policy the policy name, for messages
   * @param variables the variables it may reference as {@code variables.name}
   * @param expected {@link CelKind#BOOL}, {@link CelKind#STRING}, or {@link CelKind#DYN} for any
   * @throws ConfigParseException naming the file, line and column of the first error
   */
  /** A compiled expression and the variables it reads. */
  record Compiled(ExpressionSource source, CelRuntime.Program program, Set<String> variables) {}

  Compiled compile(String policy, ExpressionSource source, Set<String> variables, CelKind expected)
      throws ConfigParseException {
    CelValidationResult result = cel.compile(source.text(), source.field());
    if (result.hasError()) {
      CelIssue first = result.getErrors().get(0);
      Location at =
          source.locate(first.getSourceLocation().getLine(), first.getSourceLocation().getColumn());
      throw error(policy, source, at, first.getMessage());
    }
    CelAbstractSyntaxTree ast;
    try {
      ast = result.getAst();
    } catch (CelValidationException e) {
      throw error(policy, source, source.where(), e.getMessage());
    }
    CelType type = ast.getResultType();
    if (expected != CelKind.DYN && type.kind() != expected && type.kind() != CelKind.DYN) {
      throw error(
          policy,
          source,
          source.where(),
          "the expression gives a "
              + type.name()
              + " but must give a "
              + (expected == CelKind.BOOL ? "bool" : "string"));
    }
    Set<String> used = checkVariables(policy, source, ast, variables);
    try {
      return new Compiled(source, cel.createProgram(ast), used);
    } catch (CelEvaluationException e) {
      throw error(policy, source, source.where(), e.getMessage());
    }
  }

  /** Rejects {@code variables.x} for an {@code x} not declared before the expression. */
  private static Set<String> checkVariables(
      String policy, ExpressionSource source, CelAbstractSyntaxTree ast, Set<String> variables)
      throws ConfigParseException {
    List<CelNavigableExpr> nodes =
        CelNavigableAst.fromAst(ast).getRoot().allNodes().collect(Collectors.toList());
    Set<String> used = new LinkedHashSet<>();
    for (CelNavigableExpr n : nodes) {
      CelExpr e = n.expr();
      if (e.getKind() != CelExpr.ExprKind.Kind.SELECT) {
        continue;
      }
      CelExpr operand = e.select().operand();
      if (operand.getKind() == CelExpr.ExprKind.Kind.IDENT
          && operand.ident().name().equals("variables")) {
        if (variables.contains(e.select().field())) {
          used.add(e.select().field());
          continue;
        }
        Optional<Integer> offset =
            Optional.ofNullable(ast.getSource().getPositionsMap().get(operand.id()));
        Location at = offset.map(source::locateOffset).orElse(source.where());
        throw error(
            policy,
            source,
            at,
            "variables."
                + e.select().field()
                + " is not declared"
                + (variables.isEmpty()
                    ? ""
                    : " before this expression (declared: " + String.join(", ", variables) + ")"));
      }
    }
    return used;
  }

  private static ConfigParseException error(
      String policy, ExpressionSource source, Location at, String problem) {
    return new ConfigParseException(
        at,
        at.file()
            + ":"
            + at.line()
            + ":"
            + at.column()
            + ": "
            + source.field()
            + " of policy "
            + policy
            + " does not compile: "
            + firstLine(problem));
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
