package dev.bulkhead.image.source;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.spi.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an unpacked root filesystem ({@code dir:PATH}) as one layer of files, handed to the walker
 * directly (no tar). Symlinks are not followed, other mounted filesystems are not entered, and
 * {@code proc}, {@code sys} and {@code dev} are skipped when scanning {@code dir:/}.
 */
public final class DirectorySource implements ImageSource {
  /** The key of the single layer a directory yields. */
  public static final String KEY = "rootfs";

  private final String target;
  private final Path root;

  /** Creates a source for the directory {@code root}, named {@code target} in messages. */
  public DirectorySource(String target, Path root) {
    this.target = target;
    this.root = root;
  }

  @Override
  public ImageMetadata read(LayerHandler handler, Progress progress) throws BulkheadException {
    if (!Files.isDirectory(root)) {
      throw new BulkheadException(
          "directory " + root + " not found; pass dir:PATH to an unpacked root filesystem");
    }
    List<String> warnings = new ArrayList<>();
    progress.start("files of " + root, -1);
    try (DirectoryFileTree tree = new DirectoryFileTree(root)) {
      handler.files(KEY, tree);
      String problems = tree.problems(target);
      if (problems != null) {
        warnings.add(problems);
      }
    } catch (IOException e) {
      throw new BulkheadException(
          "read directory " + root + " failed: " + e.getMessage() + "; check its permissions", e);
    } finally {
      progress.finish();
    }
    return new ImageMetadata(
        target,
        null,
        List.of(new ImageMetadata.LayerDescriptor(KEY, null, null, -1)),
        null,
        warnings);
  }

  @Override
  public void close() {}
}
