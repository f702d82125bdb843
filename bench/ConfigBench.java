import dev.bulkhead.config.engine.ConfigEngine;
import dev.bulkhead.config.engine.ConfigReport;
import dev.bulkhead.config.report.ConfigJsonWriter;
import dev.bulkhead.config.yaml.YamlDocs;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Times, in one JVM after warm-up, (1) parsing a YAML file alone with SnakeYAML Engine's Load (the
 * reference), (2) Bulkhead's YamlDocs.forEach (parse with positions kept, streaming), and (3) the whole config
 * scan of the same file (read, parse, every Kubernetes rule, JSON report to a null stream).
 * Prints medians and the ratio scan / parse. Used by bench/config-10k.sh.
 */
public final class ConfigBench {
  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int runs = Integer.parseInt(args[1]);
    String text = Files.readString(file);
    List<Long> load = new ArrayList<>();
    List<Long> docs = new ArrayList<>();
    List<Long> scan = new ArrayList<>();
    int resources = 0;
    int findings = 0;
    for (int i = 0; i < runs + 3; i++) {
      long t0 = System.nanoTime();
      int n = 0;
      for (Object o : new Load(LoadSettings.builder().build()).loadAllFromString(text)) {
        n += o == null ? 0 : 1;
      }
      long t1 = System.nanoTime();
      int[] d = {0};
      YamlDocs.forEach(file.toString(), text, doc -> d[0]++);
      long t2 = System.nanoTime();
      ConfigReport r =
          ConfigEngine.builder()
              .scanners(ConfigEngine.discoverScanners())
              .build()
              .scan(List.of(file.toString()));
      new ConfigJsonWriter().write(r, OutputStream.nullOutputStream());
      long t3 = System.nanoTime();
      if (n != d[0] || r.resources().size() != n) {
        throw new IllegalStateException(
            "counts differ: " + n + " " + d[0] + " " + r.resources().size());
      }
      resources = r.resources().size();
      findings = r.findings().size();
      if (i >= 3) { // the first runs warm the JIT up
        load.add(t1 - t0);
        docs.add(t2 - t1);
        scan.add(t3 - t2);
      }
    }
    double l = median(load);
    double p = median(docs);
    double s = median(scan);
    System.out.printf(
        "resources=%d findings=%d bytes=%d runs=%d%n", resources, findings, text.length(), runs);
    System.out.printf("parse alone (SnakeYAML Engine Load)     %8.1f ms%n", l);
    System.out.printf("parse with positions (YamlDocs.forEach) %8.1f ms  (%.2fx)%n", p, p / l);
    System.out.printf("full scan (engine, all rules, JSON)     %8.1f ms  (%.2fx)%n", s, s / l);
    System.out.printf("ratio scan/parse: %.2fx (goal <= 2x)%n", s / l);
  }

  private static double median(List<Long> ns) {
    List<Long> c = new ArrayList<>(ns);
    Collections.sort(c);
    return c.get(c.size() / 2) / 1e6;
  }
}
