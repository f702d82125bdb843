package dev.bulkhead.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
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
        .contains("BH-K8S-0061")
        .contains("BH-DF-0001")
        .contains("BH-COMPOSE-0001")
        .contains("BH-DAEMON-0001")
        .contains("BH-DOCKER-0001");
  }

  @Test
  void listAsJsonHasEveryField() throws Exception {
    String[] o = run("rules", "list", "--format", "json");
    assertThat(o[0]).isEqualTo("0");
    JsonNode rules = new ObjectMapper().readTree(o[1]);
    assertThat(rules.size()).isGreaterThan(30);
    JsonNode hostProcess = null;
    List<String> ids = new ArrayList<>();
    for (JsonNode r : rules) {
      ids.add(r.get("id").asText());
      if (r.get("id").asText().equals("BH-K8S-0001")) {
        hostProcess = r;
      }
    }
    assertThat(ids).isSorted().doesNotHaveDuplicates().contains("BH-DF-0001", "BH-COMPOSE-0001");
    assertThat(hostProcess).as("BH-K8S-0001 listed").isNotNull();
    assertThat(hostProcess.get("severity").asText()).isEqualTo("HIGH");
    assertThat(hostProcess.get("remediation").asText()).isNotBlank();
    assertThat(hostProcess.get("frameworks").toString()).contains("pss-baseline:hostProcess");
  }

  @Test
  void unknownFormatIsAUsageError() {
    String[] o = run("rules", "list", "--format", "xml");
    assertThat(o[0]).isEqualTo(String.valueOf(ExitCodes.USAGE));
    assertThat(o[2]).contains("table or json");
  }
}
