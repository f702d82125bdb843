package dev.bulkhead.cli;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.runtime.model.sequence.Calibration;
import dev.bulkhead.runtime.model.sequence.ModelFile;
import dev.bulkhead.runtime.model.sequence.SequenceModel;
import dev.bulkhead.runtime.model.sequence.SequenceModels;
import dev.bulkhead.runtime.source.SourceSpec;
import dev.bulkhead.runtime.source.Trace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bulkhead runtime learn}: learns a system call sequence model from clean recordings. */
@Command(
    name = "learn",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Learn a system call sequence model from clean recordings and save it.",
      "With --validation, the alarm thresholds are calibrated on those clean traces",
      "to the --target-far false-alarm rate."
    })
final class RuntimeLearnCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--source",
      required = true,
      paramLabel = "KIND:PATH",
      description = "Clean recordings to learn from: " + RuntimeSources.KINDS_HELP + ".")
  String source;

  @Option(
      names = "--model",
      required = true,
      paramLabel = "FILE",
      description = "Where to write the model.")
  Path model;

  @Option(
      names = "--validation",
      paramLabel = "[KIND:]PATH",
      description = "Clean recordings to calibrate thresholds on (kind defaults to --source's).")
  String validation;

  @Option(
      names = "--target-far",
      paramLabel = "RATE",
      defaultValue = "0.05",
      description = "False-alarm rate the thresholds aim at (default: ${DEFAULT-VALUE}).")
  double targetFar;

  @Option(
      names = "--kind",
      paramLabel = "KIND",
      defaultValue = "ngram-markov",
      description =
          "Model: ngram-markov (learned n-gram), gru-lm (learned recurrent network, slower)"
              + " or stide (baseline) (default: ${DEFAULT-VALUE}).")
  String kind;

  @Override
  public Integer call() throws BulkheadException {
    if (!(targetFar > 0 && targetFar < 1)) {
      throw new ParameterException(spec.commandLine(), "--target-far must be between 0 and 1");
    }
    if (!SequenceModels.KINDS.contains(kind)) {
      throw new ParameterException(
          spec.commandLine(),
          "--kind: unknown model '"
              + kind
              + "'; kinds: "
              + String.join(", ", SequenceModels.KINDS));
    }
    SourceSpec train = RuntimeSources.parse(spec, "--source", source, null);
    SourceSpec valid =
        validation == null
            ? null
            : RuntimeSources.parse(spec, "--validation", validation, train.kind());
    long t0 = System.nanoTime();
    List<Trace> traces = RuntimeSources.read(train);
    List<int[]> calls = traces.stream().map(Trace::syscalls).toList();
    long callCount = calls.stream().mapToLong(c -> c.length).sum();
    if (callCount == 0) {
      throw new BulkheadException(
          source
              + ": "
              + traces.size()
              + " traces but not one system call to learn from (events without a system call"
              + " name or number, e.g. Falco alerts of rules that do not print evt.type); record"
              + " with a source that has every call: adfa-ld, lid-ds, strace, tetragon"
              + " raw_syscalls, or `runtime watch --syscalls`");
    }
    SequenceModel learned =
        SequenceModels.train(kind, calls, ProgressBar.countingOnStandardError("calls"));
    List<int[]> clean = calls;
    String calibratedOn = "the training traces (pass --validation for honest thresholds)";
    if (valid != null) {
      clean = RuntimeSources.read(valid).stream().map(Trace::syscalls).toList();
      calibratedOn = clean.size() + " validation traces";
    }
    learned = Calibration.calibrate(learned, clean, targetFar);
    ModelFile.save(learned, model);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "learned %s from %d traces (%d system calls) in %.1f s%n",
        learned.name(), traces.size(), callCount, (System.nanoTime() - t0) / 1e9);
    out.printf(
        "thresholds for %.1f%% false alarms on %s: trace %.4f, stream %.4f%n",
        targetFar * 100, calibratedOn, learned.traceThreshold(), learned.threshold());
    out.println("model: " + model);
    return ExitCodes.OK;
  }
}
