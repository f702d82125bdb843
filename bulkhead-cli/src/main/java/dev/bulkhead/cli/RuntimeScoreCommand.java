package dev.bulkhead.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.report.Printable;
import dev.bulkhead.runtime.model.sequence.ModelFile;
import dev.bulkhead.runtime.model.sequence.SequenceModel;
import dev.bulkhead.runtime.source.Trace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bulkhead runtime score}: scores recorded traces against a learned model. */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Score recorded traces against a learned model; higher scores are more anomalous.",
      "json prints {\"traces\":[{\"trace\":ID,\"score\":N}]}; table marks traces above the",
      "model's calibrated threshold with ALARM."
    })
final class RuntimeScoreCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--source",
      required = true,
      paramLabel = "KIND:PATH",
      description = "Recordings to score: " + RuntimeSources.KINDS_HELP + ".")
  String source;

  @Option(
      names = "--model",
      required = true,
      paramLabel = "FILE",
      description = "Model written by `runtime learn`.")
  Path model;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "Output format: table or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() throws BulkheadException {
    if (!format.equals("table") && !format.equals("json")) {
      throw new ParameterException(
          spec.commandLine(), "--format: unknown format '" + format + "'; use table or json");
    }
    SequenceModel m = ModelFile.load(model);
    List<Trace> traces = RuntimeSources.read(RuntimeSources.parse(spec, "--source", source, null));
    double[] scores =
        traces.parallelStream().mapToDouble(t -> m.scoreTrace(t.syscalls())).toArray();
    PrintWriter out = spec.commandLine().getOut();
    if (format.equals("json")) {
      try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
        g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        g.writeStartObject();
        g.writeArrayFieldStart("traces");
        for (int i = 0; i < scores.length; i++) {
          g.writeStartObject();
          g.writeStringField("trace", traces.get(i).id());
          g.writeNumberField("score", scores[i]);
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      } catch (IOException e) {
        throw new BulkheadException("cannot write the scores: " + e.getMessage(), e);
      }
      out.println();
    } else {
      int alarms = 0;
      out.printf("%-60s %10s%n", "TRACE", "SCORE");
      for (int i = 0; i < scores.length; i++) {
        boolean alarm = scores[i] > m.traceThreshold();
        alarms += alarm ? 1 : 0;
        out.printf(
            "%-60s %10.4f%s%n",
            Printable.of(traces.get(i).id()), scores[i], alarm ? "  ALARM" : "");
      }
      out.printf(
          "%d of %d traces above the %s threshold %.4f%n",
          alarms, scores.length, m.name(), m.traceThreshold());
    }
    out.flush();
    return ExitCodes.OK;
  }
}
