package dev.bulkhead.core.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.bulkhead.core.Severity;
import java.io.IOException;
import java.io.OutputStream;

/**
 * What every Bulkhead SARIF 2.1.0 writer shares: the generator, the log and tool header, and how a
 * {@link Severity} maps to the result {@code level} and GitHub code scanning's {@code
 * security-severity} property (a CVSS-like number: 9.0+ critical, 7.0+ high, 4.0+ medium, above 0
 * low).
 *
 * @see <a href="https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html">SARIF 2.1.0</a>
 */
public final class Sarif {
  private static final JsonFactory FACTORY = new JsonFactory();

  /** The official schema of SARIF 2.1.0. */
  public static final String SCHEMA =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

  /** Where the tool is published. */
  public static final String INFO_URI = "https://github.com/bulkhead-dev/bulkhead";

  private Sarif() {}

  /** A pretty-printing UTF-8 generator that does not close {@code out}. */
  public static JsonGenerator generator(OutputStream out) throws IOException {
    JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.useDefaultPrettyPrinter();
    return g;
  }

  /**
   * Writes the log's start up to the tool's driver ({@code $schema}, {@code version}, then in the
   * one run {@code tool.driver} with name, version and informationUri), leaving the run, the tool
   * and the driver open for the caller's {@code rules}; the caller closes driver, tool, run, runs
   * and log.
   */
  public static void startRun(JsonGenerator g, String toolVersion) throws IOException {
    g.writeStartObject();
    g.writeStringField("$schema", SCHEMA);
    g.writeStringField("version", "2.1.0");
    g.writeArrayFieldStart("runs");
    g.writeStartObject();
    g.writeObjectFieldStart("tool");
    g.writeObjectFieldStart("driver");
    g.writeStringField("name", "Bulkhead");
    g.writeStringField("version", toolVersion);
    g.writeStringField("informationUri", INFO_URI);
  }

  /** {@code error} for CRITICAL and HIGH, {@code warning} for MEDIUM, else {@code note}. */
  public static String level(Severity s) {
    switch (s) {
      case CRITICAL:
      case HIGH:
        return "error";
      case MEDIUM:
        return "warning";
      default:
        return "note";
    }
  }

  /** The {@code security-severity} value for {@code s}, as text. */
  public static String securitySeverity(Severity s) {
    switch (s) {
      case CRITICAL:
        return "9.5";
      case HIGH:
        return "8.0";
      case MEDIUM:
        return "5.5";
      case LOW:
        return "2.0";
      default:
        return "0.0";
    }
  }
}
