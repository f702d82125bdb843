package dev.bulkhead.core.report;

import dev.bulkhead.core.Report;
import java.io.IOException;
import java.io.OutputStream;

/** Renders a {@link Report} in one output format. Implementations are stateless. */
public interface ReportWriter {

  /** Returns the format name used on the command line ({@code table}, {@code json}...). */
  String format();

  /**
   * Writes the report as UTF-8 to {@code out}; does not close it.
   *
   * @throws IOException when writing fails
   */
  void write(Report report, OutputStream out) throws IOException;

  /** Returns the writer for a format name. */
  static ReportWriter forFormat(String format, String toolVersion) {
    switch (format) {
      case "table":
        return new TableReportWriter();
      case "json":
        return new JsonReportWriter();
      case "sarif":
        return new SarifReportWriter(toolVersion);
      case "cyclonedx":
        return new CycloneDxWriter(toolVersion);
      case "spdx-json":
        return new SpdxWriter(toolVersion);
      default:
        throw new IllegalArgumentException(
            "unknown report format '"
                + format
                + "'; use table, json, sarif, cyclonedx or spdx-json");
    }
  }
}
