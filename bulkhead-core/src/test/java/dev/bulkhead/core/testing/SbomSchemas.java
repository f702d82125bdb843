package dev.bulkhead.core.testing;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * Loads the official CycloneDX 1.6 and SPDX 2.3 JSON schemas from the shared data (through {@link
 * SharedData}), resolving the schemas CycloneDX references by id from the same directory, so
 * validation never touches the network.
 */
public final class SbomSchemas {
  private SbomSchemas() {}

  /** Returns the CycloneDX 1.6 BOM schema with its SPDX licence and JSF schemas. */
  public static Schema cycloneDx() {
    Map<String, String> byId =
        Map.of(
            "http://cyclonedx.org/schema/bom-1.6.schema.json",
            read("schemas/cyclonedx-bom-1.6.schema.json"),
            "http://cyclonedx.org/schema/spdx.schema.json",
            read("schemas/cyclonedx-spdx.schema.json"),
            "http://cyclonedx.org/schema/jsf-0.82.schema.json",
            read("schemas/cyclonedx-jsf-0.82.schema.json"));
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7, b -> b.schemas(byId));
    return registry.getSchema(byId.get("http://cyclonedx.org/schema/bom-1.6.schema.json"));
  }

  /** Returns the SPDX 2.3 JSON schema. */
  public static Schema spdx() {
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09)
        .getSchema(read("schemas/spdx-2.3-schema.json"));
  }

  private static String read(String relative) {
    try {
      return Files.readString(SharedData.require(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
