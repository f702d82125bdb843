package dev.bulkhead.config.cel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulkhead.config.model.ConfigFinding;
import dev.bulkhead.config.model.Location;
import dev.bulkhead.config.model.Rule;
import dev.bulkhead.config.spi.ConfigParseException;
import dev.bulkhead.core.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CelPolicySetTest {
  private static final Path EXAMPLE = Path.of("..", "examples", "policies", "org-policies.yaml");

  private static final String GOOD_DEPLOYMENT =
      String.join(
          "\n",
          "apiVersion: apps/v1",
          "kind: Deployment",
          "metadata:",
          "  name: web",
          "  namespace: shop",
          "  labels:",
          "    team: payments",
          "spec:",
          "  replicas: 2",
          "  template:",
          "    spec:",
          "      containers:",
          "        - name: app",
          "          image: registry.example.com/shop/web:1.4.2",
          "");

  private static final String BAD_DEPLOYMENT =
      String.join(
          "\n",
          "apiVersion: apps/v1",
          "kind: Deployment",
          "metadata:",
          "  name: legacy",
          "  namespace: shop",
          "  labels:",
          "    app: legacy",
          "spec:",
          "  template:",
          "    spec:",
          "      initContainers:",
          "        - name: init",
          "          image: docker.io/library/busybox:1.36",
          "      containers:",
          "        - name: app",
          "          image: registry.example.com/shop/legacy:2",
          "        - name: sidecar",
          "          image: quay.io/proxy:1",
          "");

  private final List<String> warnings = new ArrayList<>();

  private List<ConfigFinding> eval(CelPolicySet set, String manifest) {
    Manifests.Resource r = Manifests.one(manifest);
    return set.evaluate(r.object(), r.ref(), r.locate(), warnings::add);
  }

  @Test
  void examplePolicyPassesAGoodDeployment() throws Exception {
    CelPolicySet set = CelPolicySet.load(EXAMPLE);
    assertThat(eval(set, GOOD_DEPLOYMENT)).isEmpty();
    assertThat(warnings).isEmpty();
  }

  @Test
  void examplePolicyReportsEachViolationWithItsMessageAndField() throws Exception {
    CelPolicySet set = CelPolicySet.load(EXAMPLE);
    List<ConfigFinding> findings = eval(set, BAD_DEPLOYMENT);
    assertThat(warnings).isEmpty();
    assertThat(findings)
        .extracting(f -> f.rule().id())
        .containsExactly("ORG-require-team-label", "ORG-REGISTRY-001");
    ConfigFinding team = findings.get(0);
    assertThat(team.message()).isEqualTo("Deployment legacy has no team label");
    assertThat(team.severity()).isEqualTo(Severity.LOW);
    // fieldPath metadata.labels: the "labels" key on line 6, column 3.
    assertThat(team.location()).isEqualTo(new Location("deploy.yaml", 6, 3));
    assertThat(team.resource().name()).isEqualTo("legacy");
    ConfigFinding registry = findings.get(1);
    assertThat(registry.message())
        .isEqualTo(
            "images outside registry.example.com: sidecar=quay.io/proxy:1,"
                + " init=docker.io/library/busybox:1.36");
    assertThat(registry.severity()).isEqualTo(Severity.HIGH);
    assertThat(registry.location()).isEqualTo(new Location("deploy.yaml", 3, 1));
  }

  @Test
  void missingLabelsPointAtMetadataTheNearestExistingParent() throws Exception {
    CelPolicySet set = CelPolicySet.load(EXAMPLE);
    String noLabels = GOOD_DEPLOYMENT.replace("  labels:\n    team: payments\n", "");
    List<ConfigFinding> findings = eval(set, noLabels);
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).location()).isEqualTo(new Location("deploy.yaml", 3, 1));
  }

  @Test
  void podsAreCheckedThroughTheirOwnSpecAndOtherKindsAreNotMatched() throws Exception {
    CelPolicySet set = CelPolicySet.load(EXAMPLE);
    String pod =
        String.join(
            "\n",
            "apiVersion: v1",
            "kind: Pod",
            "metadata: {name: p, namespace: default}",
            "spec:",
            "  containers: [{name: a, image: 'nginx:1.27'}]");
    List<ConfigFinding> findings = eval(set, pod);
    assertThat(findings).extracting(f -> f.rule().id()).containsExactly("ORG-REGISTRY-001");
    assertThat(findings.get(0).message()).endsWith("a=nginx:1.27");
    String service = "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {type: NodePort}\n";
    assertThat(eval(set, service)).isEmpty();
  }

  @Test
  void rulesCarryTheAnnotationsOrDerivedDefaults() throws Exception {
    List<Rule> rules = CelPolicySet.load(EXAMPLE).rules();
    assertThat(rules)
        .extracting(Rule::id)
        .containsExactly("ORG-require-team-label", "ORG-REGISTRY-001");
    assertThat(rules.get(0).title()).isEqualTo("Workloads carry a team label");
    assertThat(rules.get(0).remediation()).contains("metadata.labels.team");
    assertThat(rules.get(1).frameworks()).containsExactly("nsa-cisa:secure-images");
    assertThat(rules.get(1).references()).hasSize(1);
    assertThat(rules.get(1).title()).isEqualTo("images must come from registry.example.com");
    assertThat(rules.get(1).severity()).isEqualTo(Severity.HIGH);
  }

  static String policy(String validations) {
    return policy("", validations);
  }

  static String policy(String extraSpec, String validations) {
    return "apiVersion: admissionregistration.k8s.io/v1\n"
        + "kind: ValidatingAdmissionPolicy\n"
        + "metadata:\n"
        + "  name: p\n"
        + "spec:\n"
        + "  matchConstraints:\n"
        + "    resourceRules:\n"
        + "      - {apiGroups: ['apps'], apiVersions: ['v1'], resources: ['deployments'],"
        + " operations: ['CREATE']}\n"
        + extraSpec
        + "  validations:\n"
        + validations;
  }

  private static ConfigParseException compileError(String text) {
    try {
      CelPolicySet.parse("pol.yaml", text);
    } catch (ConfigParseException e) {
      return e;
    }
    throw new AssertionError("expected a compile error");
  }

  @Test
  void syntaxErrorInPlainScalarNamesFileLineAndColumn() {
    // line 10: "    - expression: object.spec.replicas >": the expression starts at column 19
    // and is 22 code points long; the parser stops at the end, column 41.
    ConfigParseException e = compileError(policy("    - expression: object.spec.replicas >\n"));
    assertThat(e.location()).isEqualTo(new Location("pol.yaml", 10, 41));
    assertThat(e.getMessage())
        .startsWith("pol.yaml:10:41: spec.validations[0].expression of policy p does not compile");
  }

  @Test
  void typeErrorInDoubleQuotedScalarPointsAtTheOperator() {
    ConfigParseException e =
        compileError(policy("    - expression: \"object.spec.replicas > 1 && 1 + 'a' == 2\"\n"));
    // The '+' is at code point 30 of the expression; the scalar's quote at column 19.
    assertThat(e.location()).isEqualTo(new Location("pol.yaml", 10, 19 + 1 + 30));
    assertThat(e.getMessage()).contains("no matching overload for '_+_'");
  }

  @Test
  void errorOnTheSecondLineOfALiteralBlockScalar() {
    ConfigParseException e =
        compileError(
            policy(
                "    - expression: |\n"
                    + "        object.spec.replicas > 1 &&\n"
                    + "          undefinedThing.size() > 0\n"));
    assertThat(e.location()).isEqualTo(new Location("pol.yaml", 12, 11));
    assertThat(e.getMessage()).contains("undeclared reference to 'undefinedThing'");
  }

  @Test
  void errorInAFoldedScalarAndAfterWideCharacters() {
    ConfigParseException folded =
        compileError(
            policy(
                "    - expression: >-\n"
                    + "        object.metadata.name != 'x' &&\n"
                    + "        object.metadata.name != y\n"));
    assertThat(folded.location()).isEqualTo(new Location("pol.yaml", 12, 33));
    ConfigParseException plain =
        compileError(
            policy(
                "    - expression: object.metadata.name != 'x' &&\n"
                    + "        object.metadata.name != y\n"));
    assertThat(plain.location()).isEqualTo(new Location("pol.yaml", 11, 33));
    ConfigParseException wide =
        compileError(policy("    - expression: \"'\uD83D\uDE80\u00e9' == nope\"\n"));
    // '  - expression: "' ends at column 19; the rocket and e-acute are one column each.
    assertThat(wide.location()).isEqualTo(new Location("pol.yaml", 10, 19 + 1 + 8));
  }

  @Test
  void validationsMustGiveBoolAndMessageExpressionsString() {
    ConfigParseException e = compileError(policy("    - expression: \"'a' + 'b'\"\n"));
    assertThat(e.getMessage()).contains("gives a string but must give a bool");
    ConfigParseException m =
        compileError(policy("    - expression: 'true'\n      messageExpression: '1 + 2'\n"));
    assertThat(m.getMessage()).contains("messageExpression").contains("must give a string");
  }

  @Test
  void unknownOrLaterVariablesAreCompileErrors() {
    String vars =
        "  variables:\n"
            + "    - name: first\n"
            + "      expression: variables.second + 1\n"
            + "    - name: second\n"
            + "      expression: '1'\n";
    ConfigParseException e = compileError(policy(vars, "    - expression: 'true'\n"));
    assertThat(e.location()).isEqualTo(new Location("pol.yaml", 11, 19));
    assertThat(e.getMessage()).contains("variables.second is not declared");
    ConfigParseException u = compileError(policy("    - expression: variables.nothing == 1\n"));
    assertThat(u.getMessage()).contains("variables.nothing is not declared");
  }

  @Test
  void runawayExpressionIsStoppedByTheBudgetAndReportedAsWarning() throws Exception {
    String bomb =
        "    - expression: >-\n"
            + "        [0,1,2,3,4,5,6,7,8,9].all(a, [0,1,2,3,4,5,6,7,8,9].all(b,\n"
            + "        [0,1,2,3,4,5,6,7,8,9].all(c, [0,1,2,3,4,5,6,7,8,9].all(d,\n"
            + "        [0,1,2,3,4,5,6,7,8,9].all(e, [0,1,2,3,4,5,6,7,8,9].all(f,\n"
            + "        [0,1,2,3,4,5,6,7,8,9].all(g, [0,1,2,3,4,5,6,7,8,9].all(h, true))))))))\n"
            + "    - expression: has(object.metadata.labels)\n"
            + "      message: labels missing\n";
    CelPolicySet set = CelPolicySet.parse("pol.yaml", policy(bomb));
    List<ConfigFinding> findings =
        eval(set, GOOD_DEPLOYMENT.replace("  labels:\n    team: payments\n", ""));
    assertThat(findings).extracting(ConfigFinding::message).containsExactly("labels missing");
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0))
        .startsWith("pol.yaml:11:")
        .contains(
            ": policy p spec.validations[0].expression could not be evaluated"
                + " for Deployment shop/web: Iteration budget exceeded: 20000");
  }

  @Test
  void stepBudgetStopsWorkThatStaysUnderTheIterationLimit() throws Exception {
    CelLimits small = new CelLimits(500, 1_000_000, 1 << 20, 100_000, 5_000);
    CelPolicySet set =
        CelPolicySet.parse(
            "pol.yaml",
            policy(
                "    - expression: \"[1,2,3,4,5,6,7,8,9,10].all(a,"
                    + " [1,2,3,4,5,6,7,8,9,10].all(b, a * b > 0))\"\n"),
            small);
    assertThat(eval(set, GOOD_DEPLOYMENT)).isEmpty();
    assertThat(warnings).singleElement().asString().contains("budget of 500 steps");
  }

  @Test
  void stringBombsAreRefusedBeforeTheyAllocate() throws Exception {
    String bomb =
        "  variables:\n"
            + "    - name: s\n"
            + "      expression: \"'0123456789'.replace('', '0123456789')\"\n"
            + "    - name: t\n"
            + "      expression: variables.s.replace('', variables.s)\n"
            + "    - name: u\n"
            + "      expression: variables.t.replace('', variables.t)\n";
    CelPolicySet set =
        CelPolicySet.parse("pol.yaml", policy(bomb, "    - expression: size(variables.u) > 0\n"));
    assertThat(eval(set, GOOD_DEPLOYMENT)).isEmpty();
    assertThat(warnings)
        .singleElement()
        .asString()
        .contains("variable u failed")
        .contains("longer than 1048576 characters");
  }

  @Test
  void boundedReplaceAndJoinBehaveLikeTheStringsExtension() throws Exception {
    CelPolicySet set =
        CelPolicySet.parse(
            "pol.yaml",
            policy(
                "    - expression: \"'a-b-c'.replace('-', '+') == 'a+b+c'"
                    + " && 'a-b-c'.replace('-', '', 1) == 'ab-c'"
                    + " && 'ab'.replace('', '.') == '.a.b.'"
                    + " && ['x', 'y'].join() == 'xy' && ['x', 'y'].join(', ') == 'x, y'"
                    + " && 'Ab'.lowerAscii() == 'ab' && [3, 1].sort() == [1, 3]\"\n"
                    + "      message: string functions misbehave\n"));
    assertThat(eval(set, GOOD_DEPLOYMENT)).isEmpty();
    assertThat(warnings).isEmpty();
  }

  @Test
  void runtimeErrorIsAWarningAtTheFailingSubexpressionAndOtherValidationsRun() throws Exception {
    String v =
        "    - expression: object.spec.strategy.type == 'RollingUpdate'\n"
            + "    - expression: object.spec.replicas >= 3\n"
            + "      message: at least three replicas\n";
    CelPolicySet set = CelPolicySet.parse("pol.yaml", policy(v));
    List<ConfigFinding> findings = eval(set, GOOD_DEPLOYMENT);
    assertThat(findings)
        .extracting(ConfigFinding::message)
        .containsExactly("at least three replicas");
    assertThat(warnings)
        .singleElement()
        .asString()
        .startsWith("pol.yaml:10:")
        .contains("key 'strategy' is not present");
    // The YAML int 2 arrives as java.lang.Integer and compares as a CEL int.
    assertThat(findings.get(0).rule().id()).isEqualTo("ORG-p");
  }

  @Test
  void messageExpressionFallsBackToMessageThenToTheExpression() throws Exception {
    String v =
        "    - expression: object.spec.replicas > 5\n"
            + "      message: static text\n"
            + "      messageExpression: object.spec.missing\n"
            + "    - expression: object.spec.replicas > 6\n"
            + "      messageExpression: \"''\"\n";
    CelPolicySet set = CelPolicySet.parse("pol.yaml", policy(v));
    List<ConfigFinding> findings = eval(set, GOOD_DEPLOYMENT);
    assertThat(findings)
        .extracting(ConfigFinding::message)
        .containsExactly("static text", "failed expression: object.spec.replicas > 6");
    assertThat(warnings).singleElement().asString().contains("messageExpression");
  }

  @Test
  void matchConditionsAndVariablesAreEvaluatedLazily() throws Exception {
    String extra =
        "  matchConditions:\n"
            + "    - name: only-shop\n"
            + "      expression: object.metadata.namespace == 'shop'\n"
            + "  variables:\n"
            + "    - name: broken\n"
            + "      expression: object.nothing.here\n"
            + "    - name: replicas\n"
            + "      expression: object.spec.replicas\n";
    String v =
        "    - expression: variables.replicas > 3\n"
            + "      messageExpression: \"'only ' + string(variables.replicas) + ' replicas'\"\n";
    CelPolicySet set = CelPolicySet.parse("pol.yaml", policy(extra, v));
    assertThat(eval(set, GOOD_DEPLOYMENT))
        .extracting(ConfigFinding::message)
        .containsExactly("only 2 replicas");
    assertThat(warnings).isEmpty();
    assertThat(eval(set, GOOD_DEPLOYMENT.replace("namespace: shop", "namespace: other"))).isEmpty();
  }

  @Test
  void requestAndOldObjectLookLikeACreate() throws Exception {
    String v =
        "    - expression: \"request.operation == 'CREATE' && oldObject == null"
            + " && request.kind.kind == 'Deployment' && request.namespace == 'shop'"
            + " && object.spec.replicas > 1.5 && object.spec.replicas < 2.5\"\n";
    CelPolicySet set = CelPolicySet.parse("pol.yaml", policy(v));
    assertThat(eval(set, GOOD_DEPLOYMENT)).isEmpty();
    assertThat(warnings).isEmpty();
  }

  @Test
  void malformedPoliciesAreRejectedWithTheirPosition() {
    assertThat(compileError("kind: ConfigMap\napiVersion: v1\nmetadata: {name: x}\n").getMessage())
        .contains("document 1 has kind 'ConfigMap'");
    assertThat(
            compileError(
                    policy(
                        "  paramKind: {apiVersion: v1, kind: ConfigMap}\n",
                        "    - expression: 'true'\n"))
                .getMessage())
        .contains("paramKind");
    ConfigParseException yaml = compileError("kind: [unclosed\n");
    assertThat(yaml.location().line()).isGreaterThan(0);
    assertThat(yaml.getMessage()).startsWith("pol.yaml:").contains("invalid YAML");
    assertThat(
            compileError(
                    policy("    - expression: 'true'\n")
                        .replace(
                            "  name: p\n",
                            "  name: p\n  annotations: {bulkhead.dev/severity: urgent}\n"))
                .getMessage())
        .contains("bulkhead.dev/severity 'urgent'");
    assertThat(compileError(policy("    - message: no expression\n")).getMessage())
        .contains("spec.validations[0].expression is required");
  }

  @Test
  void bindingsAreSkippedAndDuplicateRuleIdsRefused() throws Exception {
    String binding =
        "---\napiVersion: admissionregistration.k8s.io/v1\n"
            + "kind: ValidatingAdmissionPolicyBinding\nmetadata: {name: b}\n"
            + "spec: {policyName: p, validationActions: [Deny]}\n";
    CelPolicySet set =
        CelPolicySet.parse("pol.yaml", policy("    - expression: 'true'\n") + binding);
    assertThat(set.rules()).hasSize(1);
    String twice =
        policy("    - expression: 'true'\n") + "---\n" + policy("    - expression: 'true'\n");
    assertThat(compileError(twice).getMessage()).contains("clashes with policy p");
    CelPolicySet other = CelPolicySet.parse("other.yaml", policy("    - expression: 'true'\n"));
    assertThatThrownBy(() -> CelPolicySet.combine(List.of(set, other)))
        .isInstanceOf(ConfigParseException.class)
        .hasMessageStartingWith("other.yaml:1:1: policy p (rule ORG-p) clashes");
  }

  @Test
  void oversizedInputsAreRefused() {
    String longExpr = "true" + " && true".repeat(1000);
    assertThat(compileError(policy("    - expression: " + longExpr + "\n")).getMessage())
        .contains("more than the limit of 5120");
    assertThat(compileError("#".repeat(PolicyReader.MAX_CHARS + 1)).getMessage())
        .contains("more than the limit");
  }

  @Test
  void policyNestedTooDeepForTheParserIsAParseErrorNotACrash() {
    String deep =
        "apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingAdmissionPolicy\nspec: "
            + "[".repeat(200_000)
            + "]".repeat(200_000);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> CelPolicySet.parse("pol.yaml", deep))
        .isInstanceOf(ConfigParseException.class)
        .hasMessageContaining("pol.yaml")
        .hasMessageContaining("nested too deeply");
  }
}
