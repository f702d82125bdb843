package dev.bulkhead.cli;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.runtime.source.SourceSpec;
import dev.bulkhead.runtime.source.Sources;
import dev.bulkhead.runtime.source.Trace;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Parses {@code KIND:PATH} options of the runtime verbs and reads their traces. */
final class RuntimeSources {
  /** Help text for options that take a source. */
  static final String KINDS_HELP =
      "KIND:PATH, KIND one of adfa-ld, lid-ds, strace, falco, tetragon";

  private RuntimeSources() {}

  /**
   * Parses {@code text} as {@code KIND:PATH}; a bare path means {@code defaultKind}.
   *
   * @throws ParameterException naming the option when the kind is unknown
   */
  static SourceSpec parse(CommandSpec spec, String option, String text, String defaultKind) {
    int colon = text.indexOf(':');
    if (defaultKind != null
        && (colon <= 0 || !Sources.kinds().contains(text.substring(0, colon)))) {
      text = defaultKind + ":" + text;
    }
    try {
      return SourceSpec.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
    }
  }

  /**
   * Reads all traces of {@code source}, failing when it holds none.
   *
   * @throws BulkheadException if the recording cannot be read or is empty
   */
  static List<Trace> read(SourceSpec source) throws BulkheadException {
    List<Trace> traces = Sources.readAll(source);
    if (traces.isEmpty()) {
      throw new BulkheadException(source + ": no traces found; check the path and the kind");
    }
    return traces;
  }
}
