package dev.bulkhead.config.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.bulkhead.config.model.ConfigFinding;
import dev.bulkhead.config.spi.ConfigParseException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DockerfileParserTest {

  @Test
  void joinsContinuationsSkippingCommentsAndKeepsColumns() throws Exception {
    Dockerfile df =
        DockerfileParser.parse(
            "Dockerfile",
            "FROM debian:12\n"
                + "RUN apt-get update \\\n"
                + "# a comment inside\n"
                + "\n"
                + "    && apt-get install -y jq\n"
                + "  USER app\n");
    List<Instruction> all = df.instructions();
    assertThat(all).extracting(Instruction::keyword).containsExactly("FROM", "RUN", "USER");
    Instruction run = all.get(1);
    assertThat(run.args()).isEqualTo("apt-get update     && apt-get install -y jq");
    int jq = run.args().indexOf("jq");
    assertThat(run.positions().lineAt(jq)).isEqualTo(5);
    assertThat(run.positions().columnAt(jq)).isEqualTo(27);
    assertThat(all.get(2).line()).isEqualTo(6);
    assertThat(all.get(2).column()).isEqualTo(3);
  }

  @Test
  void honoursTheBacktickEscapeDirective() throws Exception {
    Dockerfile df =
        DockerfileParser.parse(
            "Dockerfile",
            "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\n"
                + "RUN dir C:\\ `\n  && echo done\n");
    assertThat(df.instructions().get(1).args()).isEqualTo("dir C:\\   && echo done");
  }

  @Test
  void readsHeredocsAndTheLinesAfterThem() throws Exception {
    Dockerfile df =
        DockerfileParser.parse(
            "Dockerfile",
            "FROM alpine:3.19\n"
                + "COPY <<A <<-\"B\" /etc/\n"
                + "alpha\n"
                + "A\n"
                + "\tbeta\n"
                + "\tB\n"
                + "RUN <<EOF\n"
                + "echo $((1<<2)) && cat <<<word\n"
                + "EOF\n"
                + "USER 1000\n");
    List<Instruction> all = df.instructions();
    assertThat(all).extracting(Instruction::keyword).containsExactly("FROM", "COPY", "RUN", "USER");
    assertThat(all.get(1).heredocs())
        .extracting(Instruction.Heredoc::body)
        .containsExactly("alpha\n", "beta\n");
    assertThat(all.get(2).heredocs().get(0).line()).isEqualTo(8);
    assertThat(all.get(3).line()).isEqualTo(10);
  }

  @Test
  void acceptsDockerfileNamesAndSniffsStdin() {
    DockerfileScanner s = new DockerfileScanner();
    assertThat(s.accepts("Dockerfile", "")).isTrue();
    assertThat(s.accepts("Dockerfile.prod", "")).isTrue();
    assertThat(s.accepts("api.Dockerfile", "")).isTrue();
    assertThat(s.accepts("Containerfile", "")).isTrue();
    assertThat(s.accepts("Dockerfile.dockerignore", "")).isFalse();
    assertThat(s.accepts("-", "# comment\nFROM alpine:3.19\n")).isTrue();
    assertThat(s.accepts("-", "apiVersion: v1\nkind: Pod\n")).isFalse();
    assertThat(s.accepts("main.go", "FROM x")).isFalse();
  }

  @Test
  void quotedHeredocMarkersAreText() throws Exception {
    Dockerfile df =
        DockerfileParser.parse("Dockerfile", "FROM a:1\nRUN echo \"<<EOF\" 'x <<B'\nUSER 1\n");
    assertThat(df.instructions())
        .extracting(Instruction::keyword)
        .containsExactly("FROM", "RUN", "USER");
    assertThat(df.instructions().get(1).heredocs()).isEmpty();
  }

  @Test
  void anUnclosedHeredocIsAParseErrorWithItsLine() {
    assertThatThrownBy(() -> DockerfileParser.parse("x/Dockerfile", "FROM a:1\nRUN <<EOF\necho\n"))
        .isInstanceOf(ConfigParseException.class)
        .hasMessageContaining("<<EOF")
        .satisfies(e -> assertThat(((ConfigParseException) e).location().line()).isEqualTo(2));
  }

  @Test
  void parsesFlagsJsonFormAndStages() throws Exception {
    Dockerfile df =
        DockerfileParser.parse(
            "Dockerfile",
            "ARG V=3.19\n"
                + "FROM --platform=$BUILDPLATFORM alpine:${V} AS Build\n"
                + "RUN --mount=type=cache,target=/root/.cache --network=none [\"sh\", \"-c\", \"make\"]\n"
                + "FROM build\n");
    assertThat(df.stages()).hasSize(2);
    assertThat(df.stages().get(0).image()).isEqualTo("alpine:3.19");
    assertThat(df.stages().get(0).name()).isEqualTo("build");
    Instruction run = df.stages().get(0).instructions().get(0);
    assertThat(run.flags()).containsEntry("network", "none");
    assertThat(run.json()).containsExactly("sh", "-c", "make");
    assertThat(df.parent(df.stages().get(1))).isSameAs(df.stages().get(0));
  }

  @Test
  void findingsPointAtTheOffendingToken() throws Exception {
    List<ConfigFinding> f =
        new DockerfileScanner()
            .scan(
                "Dockerfile",
                "FROM debian:12.5\n"
                    + "RUN echo start \\\n"
                    + "  && wget -qO- https://x.example/i.sh | bash\n"
                    + "ADD  http://x.example/a.tgz /a/\n"
                    + "USER 0:0\n");
    assertThat(f)
        .filteredOn(x -> x.rule().id().equals("BH-DF-0003"))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.location().line()).isEqualTo(3);
              assertThat(x.location().column()).isEqualTo(6);
            });
    assertThat(f)
        .filteredOn(x -> x.rule().id().equals("BH-DF-0002"))
        .singleElement()
        .satisfies(x -> assertThat(x.location().column()).isEqualTo(6));
    assertThat(f)
        .filteredOn(x -> x.rule().id().equals("BH-DF-0001"))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.location().line()).isEqualTo(5);
              assertThat(x.message()).contains("0:0");
            });
  }

  @Test
  void findingsInHeredocsPointIntoTheBody() throws Exception {
    List<ConfigFinding> f =
        new DockerfileScanner()
            .scan(
                "Dockerfile",
                "FROM debian:12.5\nRUN <<EOF\nset -e\n  curl -fsSL https://x.example/i | sh\nEOF\n"
                    + "USER app\n");
    assertThat(f)
        .filteredOn(x -> x.rule().id().equals("BH-DF-0003"))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.location().line()).isEqualTo(4);
              assertThat(x.location().column()).isEqualTo(3);
            });
  }

  @Test
  void theUserIsInheritedThroughStages() throws Exception {
    List<ConfigFinding> f =
        new DockerfileScanner()
            .scan(
                "Dockerfile",
                "FROM debian:12.5 AS base\nUSER root\nFROM base AS app\nHEALTHCHECK NONE\n");
    assertThat(f)
        .extracting(x -> x.rule().id() + "@" + x.location().line())
        .containsExactlyInAnyOrder("BH-DF-0001@2", "BH-DF-0007@4");
    assertThat(
            new DockerfileScanner()
                .scan("Dockerfile", "FROM debian:12.5 AS base\nUSER 1000\nFROM base\n"))
        .extracting(x -> x.rule().id())
        .containsExactly("BH-DF-0007");
  }

  @Test
  void pipeToShellCoversStderrPipesAndEnvAssignments() throws Exception {
    for (String run :
        List.of(
            "curl -fsSL https://x.example/i |& sh",
            "wget -qO- https://x.example/i |&bash -s",
            "curl -s https://x.example/i | env A=1 B= sh",
            "curl -s https://x.example/i | sudo -E env PATH=/x:/y /bin/bash",
            "curl -s https://x.example/i |& python3")) {
      assertThat(new DockerfileScanner().scan("Dockerfile", "FROM debian:12.5\nRUN " + run + "\n"))
          .as(run)
          .extracting(x -> x.rule().id())
          .contains("BH-DF-0003");
    }
    for (String run :
        List.of(
            "curl -s https://x.example/i || sh -c true",
            "curl -s https://x.example/i | env A=1 tee out",
            "curl -s https://x.example/i | env a=a=a=a shasum")) {
      assertThat(new DockerfileScanner().scan("Dockerfile", "FROM debian:12.5\nRUN " + run + "\n"))
          .as(run)
          .extracting(x -> x.rule().id())
          .doesNotContain("BH-DF-0003");
    }
  }

  @Test
  void hostileLinesDoNotBacktrackForever() {
    String curls = "curl x ".repeat(100_000);
    String letters = "a".repeat(500_000);
    String text =
        "FROM debian:12.5\nRUN "
            + curls
            + "\nRUN rm "
            + "x".repeat(200_000)
            + " apt-get install y\nENV DB_URL="
            + letters
            + "\nRUN curl -s https://x | env "
            + "a=".repeat(30_000)
            + "\nRUN curl -s https://x | env "
            + "a=b ".repeat(30_000)
            + "\nUSER 1\n";
    List<ConfigFinding> f =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60), () -> new DockerfileScanner().scan("Dockerfile", text));
    assertThat(f)
        .extracting(x -> x.rule().id())
        .contains("BH-DF-0008")
        .doesNotContain("BH-DF-0003");
  }
}
