package dev.bulkhead.image.registry;

import dev.bulkhead.core.spi.Progress;
import dev.bulkhead.image.source.ImageSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Records the layers and files a source streams, and the progress it reports. */
final class RecordingHandler implements ImageSource.LayerHandler, Progress {
  final List<String> keys = new ArrayList<>();
  final Map<String, String> files = new LinkedHashMap<>();
  final List<String> tasks = new ArrayList<>();
  final List<Long> totals = new ArrayList<>();
  long advanced;
  int finished;

  @Override
  public void layer(String key, InputStream uncompressedTar) throws IOException {
    keys.add(key);
    TarArchiveInputStream tar = new TarArchiveInputStream(uncompressedTar);
    for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
      files.put(entry.getName(), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Override
  public void start(String task, long total) {
    tasks.add(task);
    totals.add(total);
  }

  @Override
  public void advance(long amount) {
    advanced += amount;
  }

  @Override
  public void finish() {
    finished++;
  }
}
