package dev.bulkhead.core.spi;

import java.util.List;
import java.util.Map;

/**
 * Shows a scanner the parts of an image config where build arguments and credentials leak.
 *
 * @param env the {@code config.Env} entries ({@code NAME=value})
 * @param entrypoint the {@code config.Entrypoint} words
 * @param cmd the {@code config.Cmd} words
 * @param labels the {@code config.Labels}
 * @param history every history entry's {@code created_by}, empty layers included, in order (an
 *     empty string where an entry has none)
 */
public record ImageMetadataView(
    List<String> env,
    List<String> entrypoint,
    List<String> cmd,
    Map<String, String> labels,
    List<String> history) {

  /** Metadata of an image without a config (a directory). */
  public static final ImageMetadataView NONE =
      new ImageMetadataView(List.of(), List.of(), List.of(), Map.of(), List.of());

  /** Normalises to immutable copies, nulls to empty. */
  public ImageMetadataView {
    env = env == null ? List.of() : List.copyOf(env);
    entrypoint = entrypoint == null ? List.of() : List.copyOf(entrypoint);
    cmd = cmd == null ? List.of() : List.copyOf(cmd);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    history = history == null ? List.of() : List.copyOf(history);
  }
}
