package dev.bulkhead.runtime.model.sequence;

import dev.bulkhead.core.spi.Progress;
import java.util.List;

/** Trains the sequence models by kind with their default settings. */
public final class SequenceModels {
  /** The kinds {@link #train} knows, the learned model first. */
  public static final List<String> KINDS = List.of(NgramModel.KIND, Stide.KIND, GruModel.KIND);

  private SequenceModels() {}

  /** Trains a model of {@code kind} on clean {@code traces}. */
  public static SequenceModel train(String kind, List<int[]> traces) {
    return train(kind, traces, Progress.NONE);
  }

  /**
   * Trains a model of {@code kind} on clean {@code traces}; the slow kinds ({@code gru-lm}) report
   * the system calls learned to {@code progress}.
   */
  public static SequenceModel train(String kind, List<int[]> traces, Progress progress) {
    return switch (kind) {
      case NgramModel.KIND -> NgramModel.train(traces, NgramModel.Params.DEFAULT);
      case Stide.KIND -> Stide.train(traces, 6, 20);
      case GruModel.KIND -> GruModel.train(traces, GruModel.Params.DEFAULT, progress);
      default ->
          throw new IllegalArgumentException(
              "unknown model kind '" + kind + "'; kinds: " + String.join(", ", KINDS));
    };
  }
}
