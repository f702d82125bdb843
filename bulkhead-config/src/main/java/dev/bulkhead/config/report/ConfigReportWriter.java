package dev.bulkhead.config.report;

import dev.bulkhead.config.engine.ConfigReport;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/** Renders a {@link ConfigReport} in one format. */
public interface ConfigReportWriter {
  /** The format name used by {@code --format}. */
  String format();

  /** Writes the report; does not close {@code out}. */
  void write(ConfigReport report, OutputStream out) throws IOException;

  /**
   * Returns the writer for a {@code --format} value: {@code table}, {@code json}, {@code sarif} or
   * {@code html}.
   *
   * @throws IllegalArgumentException for an unknown format, naming the known ones
   */
  static ConfigReportWriter forFormat(String format, String toolVersion) {
    switch (format.toLowerCase(Locale.ROOT)) {
      case "table":
        return new ConfigTableWriter();
      case "json":
        return new ConfigJsonWriter();
      case "sarif":
        return new ConfigSarifWriter(toolVersion);
      case "html":
        return new ConfigHtmlWriter();
      default:
        throw new IllegalArgumentException(
            "unknown format '" + format + "'; use table, json, sarif or html");
    }
  }
}
