package dev.bulkhead.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RulesCommandTest {

  private static String[] run(String... args) {
    CommandLine cl = Main.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

  @Test
  void listShowsIdSeverityAndTitleOfEveryRule() {
    String[] o = run("rules", "list");
    assertThat(o[0]).isEqualTo("0");
    assertThat(o[1])
        .startsWith("ID")
        .contains("BH-K8S-0001")
        .contains("BH-K8S-0003      CRITICAL  Privileged container")
        .contains("BH-K8S-0061");
  }

  @Test
  void listAsJsonHasEveryField() throws Exception {
    String[] o = run("rules", "list", "--format", "json");
    assertThat(o[0]).isEqualTo("0");
    JsonNode rules = new ObjectMapper().readTree(o[1]);
    assertThat(rules.size()).isGreaterThan(30);
    JsonNode first = rules.get(0);
    assertThat(first.get("id").asText()).isEqualTo("BH-K8S-0001");
    assertThat(first.get("severity").asText()).isEqualTo("HIGH");
    assertThat(first.get("remediation").asText()).isNotBlank();
    assertThat(first.get("frameworks").toString()).contains("pss-baseline:hostProcess");
  }

  @Test
  void unknownFormatIsAUsageError() {
    String[] o = run("rules", "list", "--format", "xml");
    assertThat(o[0]).isEqualTo(String.valueOf(ExitCodes.USAGE));
    assertThat(o[2]).contains("table or json");
  }
}
