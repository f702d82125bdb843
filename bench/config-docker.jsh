// Driven by bench/config-docker.sh; prints medians of parse-only and scan times and their ratio.
import dev.bulkhead.config.dockerfile.DockerfileParser;
import dev.bulkhead.config.dockerfile.DockerfileScanner;
import dev.bulkhead.config.compose.ComposeScanner;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;

int files = Integer.getInteger("files", 5000);
int runs = Integer.getInteger("runs", 7);

String dockerfile(int i) {
  return "# syntax=docker/dockerfile:1\n"
      + "ARG BASE=debian:12." + (i % 9) + "-slim\n"
      + "FROM golang:1.22." + (i % 5) + " AS build" + i + "\n"
      + "WORKDIR /src\n"
      + "COPY go.mod go.sum ./\n"
      + "RUN --mount=type=cache,target=/go/pkg/mod \\\n    go mod download \\\n    && go vet ./...\n"
      + "COPY . .\n"
      + "RUN <<EOF\nset -e\ngo build -o /out/app" + i + " ./cmd/app\ncurl -fsSL https://get.example.com/" + i + " | sh\nEOF\n"
      + "FROM ${BASE}\n"
      + "ENV APP_HOME=/app APP_PORT=80" + (i % 100) + " DB_PASSWORD=pw" + i + "\n"
      + "RUN apt-get update \\\n && apt-get install -y --no-install-recommends ca-certificates tzdata \\\n"
      + (i % 2 == 0 ? " && rm -rf /var/lib/apt/lists/*\n" : " && apt-get clean\n")
      + "ADD https://example.com/tool-" + i + ".tgz /opt/\n"
      + "COPY --from=build" + i + " /out/app" + i + " /app/app\n"
      + "EXPOSE 8080\n"
      + (i % 3 == 0 ? "USER root\n" : "USER 10001\n")
      + "HEALTHCHECK CMD [\"/app/app\", \"-health\"]\n"
      + "ENTRYPOINT [\"/app/app\"]\n";
}

String compose(int i) {
  StringBuilder sb = new StringBuilder("x-common: &common\n  restart: unless-stopped\n  logging:\n    driver: json-file\nservices:\n");
  for (int s = 0; s < 6; s++) {
    sb.append("  svc").append(s).append(":\n    <<: *common\n    image: example/svc").append(s).append(":1.").append(i % 20).append('\n')
      .append("    environment:\n      - MODE=prod\n      - INDEX=").append(i).append('\n')
      .append("    ports: [\"80").append(s).append(":8080\"]\n")
      .append("    volumes:\n      - data").append(s).append(":/data\n");
    if (s == 2) sb.append("      - /var/run/docker.sock:/var/run/docker.sock:ro\n    privileged: true\n");
    if (s == 4) sb.append("    cap_add: [NET_ADMIN]\n    network_mode: host\n");
  }
  sb.append("volumes:\n");
  for (int s = 0; s < 6; s++) sb.append("  data").append(s).append(": {}\n");
  return sb.toString();
}

String[] dfs = new String[files];
String[] cps = new String[files];
for (int i = 0; i < files; i++) { dfs[i] = dockerfile(i); cps[i] = compose(i); }

long median(java.util.function.LongSupplier f) {
  long[] t = new long[runs];
  f.getAsLong(); f.getAsLong();
  for (int r = 0; r < runs; r++) t[r] = f.getAsLong();
  java.util.Arrays.sort(t);
  return t[runs / 2];
}

long sink = 0;
long dfParse = median(() -> { long t0 = System.nanoTime(); for (String d : dfs) { try { sink += DockerfileParser.parse("Dockerfile", d).instructions().size(); } catch (Exception e) { throw new RuntimeException(e); } } return System.nanoTime() - t0; });
DockerfileScanner dsc = new DockerfileScanner();
long dfScan = median(() -> { long t0 = System.nanoTime(); for (String d : dfs) { try { sink += dsc.scan("Dockerfile", d).size(); } catch (Exception e) { throw new RuntimeException(e); } } return System.nanoTime() - t0; });
LoadSettings ls = LoadSettings.builder().setMaxAliasesForCollections(100).build();
long cpParse = median(() -> { long t0 = System.nanoTime(); for (String c : cps) { for (var n : new Compose(ls).composeAllFromString(c)) sink += n.hashCode() & 1; } return System.nanoTime() - t0; });
ComposeScanner csc = new ComposeScanner();
long cpScan = median(() -> { long t0 = System.nanoTime(); for (String c : cps) { try { sink += csc.scan("compose.yaml", c).size(); } catch (Exception e) { throw new RuntimeException(e); } } return System.nanoTime() - t0; });

System.out.printf("files per kind: %d, runs: %d (medians after 2 warm-up runs)%n", files, runs);
System.out.printf("Dockerfile: parse only %.1f ms, parse + 8 rules %.1f ms, ratio %.2f%n", dfParse / 1e6, dfScan / 1e6, (double) dfScan / dfParse);
System.out.printf("compose:    YAML compose only %.1f ms, parse + 7 rules %.1f ms, ratio %.2f%n", cpParse / 1e6, cpScan / 1e6, (double) cpScan / cpParse);
System.out.println("(checksum " + (sink & 0xff) + ")");
/exit
