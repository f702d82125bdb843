package dev.bulkhead.config.compliance;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

/** Renders a {@link ComplianceReport} in one output format. Implementations are stateless. */
public interface ComplianceWriter {

  /** The format name used on the command line. */
  String format();

  /**
   * Writes the report as UTF-8; does not close {@code out}.
   *
   * @throws IOException when writing fails
   */
  void write(ComplianceReport report, OutputStream out) throws IOException;

  /** The formats {@link #forFormat} knows. */
  static List<String> formats() {
    return List.of("table", "json", "sarif", "html");
  }

  /**
   * Returns the writer for a format name.
   *
   * @throws IllegalArgumentException naming the known formats
   */
  static ComplianceWriter forFormat(String format, String toolVersion) {
    switch (format.toLowerCase(Locale.ROOT)) {
      case "table":
        return new ComplianceTableWriter();
      case "json":
        return new ComplianceJsonWriter();
      case "sarif":
        return new ComplianceSarifWriter(toolVersion);
      case "html":
        return new ComplianceHtmlWriter(toolVersion);
      default:
        throw new IllegalArgumentException(
            "unknown compliance report format '"
                + format
                + "'; choose one of "
                + String.join(", ", formats()));
    }
  }
}
