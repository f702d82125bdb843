// Measures organisation-policy (CEL) evaluation against parsing the same YAML, in one JVM.
// Run through bench/cel-policies.sh, which puts the fat jar on the class path.
import dev.bulkhead.config.cel.CelPolicySet;
import dev.bulkhead.config.model.ConfigFinding;
import dev.bulkhead.config.model.Location;
import dev.bulkhead.config.model.ResourceRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

public class CelPolicyBench {
  public static void main(String[] args) throws Exception {
    Path policies = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    int runs = Integer.parseInt(args[2]);
    String yaml = generate(n);
    long t0 = System.nanoTime();
    CelPolicySet set = CelPolicySet.load(policies);
    long loadMs = (System.nanoTime() - t0) / 1_000_000;
    LoadSettings settings = LoadSettings.builder().setCodePointLimit(256 * 1024 * 1024).build();
    Location at = new Location("bench.yaml", 1, 1);
    long[] parse = new long[runs];
    long[] eval = new long[runs];
    int findings = 0;
    List<String> warnings = new ArrayList<>();
    for (int r = -2; r < runs; r++) { // two warm-up rounds
      long a = System.nanoTime();
      List<Object> docs = new ArrayList<>();
      new Load(settings).loadAllFromString(yaml).forEach(docs::add);
      long b = System.nanoTime();
      findings = 0;
      for (Object d : docs) {
        @SuppressWarnings("unchecked")
        Map<String, Object> o = (Map<String, Object>) d;
        @SuppressWarnings("unchecked")
        Map<String, Object> md = (Map<String, Object>) o.get("metadata");
        ResourceRef ref =
            new ResourceRef((String) o.get("kind"), (String) md.get("namespace"), (String) md.get("name"));
        List<ConfigFinding> f = set.evaluate(o, ref, path -> at, warnings::add);
        findings += f.size();
      }
      long c = System.nanoTime();
      if (r >= 0) {
        parse[r] = b - a;
        eval[r] = c - b;
      }
    }
    Arrays.sort(parse);
    Arrays.sort(eval);
    double p = parse[runs / 2] / 1e6;
    double e = eval[runs / 2] / 1e6;
    System.out.printf(
        "resources=%d policies=%d findings=%d warnings=%d load+compile=%d ms%n",
        n, set.rules().size(), findings, warnings.size(), loadMs);
    System.out.printf("median parse (reference) = %.0f ms%n", p);
    System.out.printf("median policy evaluation = %.0f ms (%.1f us per resource)%n", e, e * 1000 / n);
    System.out.printf("ratio (parse + policies) / parse = %.2fx%n", (p + e) / p);
  }

  static String generate(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      boolean bad = i % 2 == 1;
      b.append("---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-").append(i)
          .append("\n  namespace: ns-").append(i % 20).append("\n  labels:\n    app: app-").append(i)
          .append(bad ? "\n" : "\n    team: team-" + (i % 7) + "\n")
          .append("spec:\n  replicas: ").append(1 + i % 3)
          .append("\n  template:\n    spec:\n      containers:\n")
          .append("        - name: app\n          image: ")
          .append(bad ? "docker.io/library/nginx:1.27" : "registry.example.com/app:" + i)
          .append("\n          resources: {limits: {memory: 256Mi, cpu: 500m}}\n")
          .append("        - name: sidecar\n          image: registry.example.com/proxy:2\n");
    }
    return b.toString();
  }
}
