package dev.bulkhead.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.bulkhead.config.audit.DockerAuditRules;
import dev.bulkhead.config.engine.ConfigEngine;
import dev.bulkhead.config.model.Rule;
import dev.bulkhead.config.spi.ConfigScanner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bulkhead rules}: shows the configuration rules every registered scanner can report. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Show the configuration rules (ids for --ignorefile, --config and annotations).",
    subcommands = {RulesCommand.ListCommand.class})
final class RulesCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code bulkhead rules list}: one line per rule, or JSON with every field. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description = "List every rule: id, severity and title (json adds the rest).")
  static final class ListCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = {"-f", "--format"},
        paramLabel = "FORMAT",
        defaultValue = "table",
        description = "table or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws IOException {
      Map<String, Rule> rules = new LinkedHashMap<>();
      for (ConfigScanner s : ConfigEngine.discoverScanners()) {
        for (Rule r : s.rules()) {
          rules.putIfAbsent(r.id(), r);
        }
      }
      for (Rule r : DockerAuditRules.ALL) { // `bulkhead audit docker`
        rules.putIfAbsent(r.id(), r);
      }
      List<Rule> sorted = new ArrayList<>(rules.values());
      sorted.sort(Comparator.comparing(Rule::id));
      PrintWriter out = spec.commandLine().getOut();
      switch (format.toLowerCase(Locale.ROOT)) {
        case "table":
          out.printf("%-16s %-9s %s%n", "ID", "SEVERITY", "TITLE");
          for (Rule r : sorted) {
            out.printf("%-16s %-9s %s%n", r.id(), r.severity(), r.title());
          }
          break;
        case "json":
          out.print(json(sorted));
          break;
        default:
          throw new ParameterException(
              spec.commandLine(), "unknown format '" + format + "'; use table or json");
      }
      out.flush();
      return ExitCodes.OK;
    }

    private static String json(List<Rule> rules) throws IOException {
      StringWriter w = new StringWriter();
      try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
        g.useDefaultPrettyPrinter();
        g.writeStartArray();
        for (Rule r : rules) {
          g.writeStartObject();
          g.writeStringField("id", r.id());
          g.writeStringField("severity", r.severity().name());
          g.writeStringField("title", r.title());
          g.writeStringField("description", r.description());
          g.writeStringField("remediation", r.remediation());
          g.writeArrayFieldStart("references");
          for (String s : r.references()) {
            g.writeString(s);
          }
          g.writeEndArray();
          g.writeArrayFieldStart("frameworks");
          for (String s : r.frameworks()) {
            g.writeString(s);
          }
          g.writeEndArray();
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      return w + "\n";
    }
  }
}
