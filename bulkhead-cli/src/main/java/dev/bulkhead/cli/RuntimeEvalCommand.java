package dev.bulkhead.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.runtime.eval.Evaluation;
import dev.bulkhead.runtime.eval.LidDsMetrics;
import dev.bulkhead.runtime.model.sequence.SequenceModels;
import dev.bulkhead.runtime.source.Trace;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bulkhead runtime eval}: measures the sequence models on clean and attack recordings. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Learn on clean traces, then measure per-trace ROC-AUC and the detection rate at",
      "1%% and 5%% false alarms (thresholds from the normal traces) for the learned model",
      "and STIDE side by side; LID-DS metrics too when recordings carry exploit times.",
      "A bare DIR means adfa-ld:DIR."
    })
final class RuntimeEvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--train",
      required = true,
      paramLabel = "[KIND:]PATH",
      description = "Clean recordings to learn from.")
  String train;

  @Option(
      names = "--normal",
      required = true,
      paramLabel = "[KIND:]PATH",
      description = "Clean recordings to measure false alarms on.")
  String normal;

  @Option(
      names = "--attack",
      required = true,
      paramLabel = "[KIND:]PATH",
      description = "Attack recordings to measure detection on.")
  String attack;

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
    List<Trace> trainTraces =
        RuntimeSources.read(RuntimeSources.parse(spec, "--train", train, "adfa-ld"));
    List<Trace> normalTraces =
        RuntimeSources.read(RuntimeSources.parse(spec, "--normal", normal, "adfa-ld"));
    List<Trace> attackTraces =
        RuntimeSources.read(RuntimeSources.parse(spec, "--attack", attack, "adfa-ld"));
    Evaluation.Report report =
        Evaluation.run(
            trainTraces,
            normalTraces,
            attackTraces,
            SequenceModels.KINDS,
            ProgressBar.countingOnStandardError("calls"));
    PrintWriter out = spec.commandLine().getOut();
    if (format.equals("json")) {
      writeJson(report, out);
    } else {
      writeTable(report, out);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static void writeTable(Evaluation.Report r, PrintWriter out) {
    out.printf(
        "trained on %d traces; %d normal, %d attack traces%n",
        r.trainTraces(), r.normalTraces(), r.attackTraces());
    out.printf(
        "%-14s %8s %11s %11s %9s %9s%n",
        "MODEL", "ROC-AUC", "DET@1%FAR", "DET@5%FAR", "TRAIN-S", "SCORE-S");
    for (Evaluation.ModelResult m : r.models()) {
      out.printf(
          "%-14s %8.4f %10.1f%% %10.1f%% %9.2f %9.2f%n",
          m.model(),
          m.auc(),
          m.detectionAt1() * 100,
          m.detectionAt5() * 100,
          m.trainMillis() / 1000.0,
          m.scoreMillis() / 1000.0);
    }
    for (Evaluation.ModelResult m : r.models()) {
      LidDsMetrics.Result l = m.lidDs();
      if (l != null) {
        out.printf(
            "%-14s LID-DS at 5%% threshold: detection %d/%d (%.1f%%), false alarms %d,"
                + " consecutive false alarms %d over %d calls%n",
            m.model(),
            l.detected(),
            l.exploitRecordings(),
            l.detectionRate() * 100,
            l.falseAlarms(),
            l.consecutiveFalseAlarms(),
            l.calls());
      }
    }
  }

  private static void writeJson(Evaluation.Report r, PrintWriter out) throws BulkheadException {
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      g.writeStartObject();
      g.writeNumberField("trainTraces", r.trainTraces());
      g.writeNumberField("normalTraces", r.normalTraces());
      g.writeNumberField("attackTraces", r.attackTraces());
      g.writeArrayFieldStart("models");
      for (Evaluation.ModelResult m : r.models()) {
        g.writeStartObject();
        g.writeStringField("model", m.model());
        g.writeNumberField("auc", m.auc());
        g.writeNumberField("detectionAt1PctFar", m.detectionAt1());
        g.writeNumberField("detectionAt5PctFar", m.detectionAt5());
        g.writeNumberField("trainSeconds", m.trainMillis() / 1000.0);
        g.writeNumberField("scoreSeconds", m.scoreMillis() / 1000.0);
        LidDsMetrics.Result l = m.lidDs();
        if (l != null) {
          g.writeObjectFieldStart("lidDs");
          g.writeNumberField("exploitRecordings", l.exploitRecordings());
          g.writeNumberField("detected", l.detected());
          g.writeNumberField("detectionRate", l.detectionRate());
          g.writeNumberField("normalRecordings", l.normalRecordings());
          g.writeNumberField("falseAlarms", l.falseAlarms());
          g.writeNumberField("consecutiveFalseAlarms", l.consecutiveFalseAlarms());
          g.writeNumberField("calls", l.calls());
          g.writeEndObject();
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new BulkheadException("cannot write the evaluation: " + e.getMessage(), e);
    }
    out.println();
  }
}
