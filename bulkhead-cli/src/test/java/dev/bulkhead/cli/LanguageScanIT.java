package dev.bulkhead.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulkhead.core.testing.SharedData;
import dev.bulkhead.image.testing.DockerArchiveBuilder;
import dev.bulkhead.image.testing.TarBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Scans real language artifacts end to end through the packaged CLI: a Spring-Boot-style fat jar
 * holding the real log4j-core 2.14.1 jar from Maven Central (Log4Shell), the real lodash 4.17.15
 * npm package, and Python and Cargo manifests matched against the real PyPA and RustSec OSV data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LanguageScanIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LOG4J_PURL = "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1";

  private Path work;
  private Path db;

  @BeforeAll
  void importAdvisories() throws Exception {
    work = Files.createTempDirectory("bh-lang");
    db = BulkheadJar.newDb();
    BulkheadJar.ok("db", "import", "--db", db.toString(), resource("lang/osv").toString());
  }

  @AfterAll
  void cleanUp() throws IOException {
    Processes.check(null, List.of("rm", "-rf", work.toString()), 120);
  }

  @Test
  void log4ShellInANestedJarIsFoundByFsAndImageScans() throws Exception {
    Path dir = work.resolve("fatjar");
    Files.createDirectories(dir);
    byte[] app = fatJar();
    Files.write(dir.resolve("app.jar"), app);

    JsonNode fs = scan("fs", dir.toString());
    JsonNode finding = only(fs, "CVE-2021-44228");
    assertThat(finding.get("purl").asText()).isEqualTo(LOG4J_PURL);
    assertThat(finding.get("path").asText())
        .isEqualTo("app.jar!/BOOT-INF/lib/log4j-core-2.14.1.jar");
    assertThat(finding.get("fixedVersion").asText()).isEqualTo("2.15.0");
    assertThat(finding.get("severity").asText()).isEqualTo("CRITICAL");
    assertThat(finding.get("aliases").toString()).contains("GHSA-jfh8-c2jp-5v3q");
    // log4j-api 2.14.1 sits next to it and is listed, but no advisory names it.
    assertThat(packages(fs))
        .contains(
            LOG4J_PURL + " app.jar!/BOOT-INF/lib/log4j-core-2.14.1.jar",
            "pkg:maven/org.apache.logging.log4j/log4j-api@2.14.1"
                + " app.jar!/BOOT-INF/lib/log4j-api-2.14.1.jar");
    assertThat(ids(fs)).containsExactly("CVE-2021-44228");

    byte[] layer =
        new TarBuilder().dir("opt/").dir("opt/app/").file("opt/app/app.jar", app).build();
    Path archive =
        new DockerArchiveBuilder()
            .layer(layer, "COPY app.jar /opt/app/")
            .write(work.resolve("app-image.tar"));
    JsonNode image = scan("image", "docker-archive:" + archive);
    JsonNode inImage = only(image, "CVE-2021-44228");
    assertThat(inImage.get("purl").asText()).isEqualTo(LOG4J_PURL);
    assertThat(inImage.get("path").asText())
        .isEqualTo("opt/app/app.jar!/BOOT-INF/lib/log4j-core-2.14.1.jar");
    assertThat(inImage.get("layer").asText()).startsWith("sha256:");

    // The table names the nested file too.
    String table =
        BulkheadJar.ok("fs", dir.toString(), "--db", db.toString(), "--scanners", "vuln", "-q");
    assertThat(table)
        .contains("CVE-2021-44228")
        .contains("in app.jar!/BOOT-INF/lib/log4j-core-2.14.1.jar");

    // --pkg-types os leaves language packages out entirely.
    JsonNode osOnly = scan("fs", dir.toString(), "--pkg-types", "os");
    assertThat(osOnly.get("packages")).isEmpty();
    assertThat(osOnly.get("findings")).isEmpty();
  }

  @Test
  void lodashFromTheNpmRegistryIsMatchedBySemverRange() throws Exception {
    Path packDir = work.resolve("npm-pack");
    Files.createDirectories(packDir);
    Processes.check(
        packDir, List.of("npm", "pack", "lodash@4.17.15", "--silent", "--cache", "npm-cache"), 300);
    Path app = work.resolve("node-app");
    Path modules = app.resolve("node_modules");
    Files.createDirectories(modules);
    Processes.check(
        null,
        List.of(
            "tar",
            "-xzf",
            packDir.resolve("lodash-4.17.15.tgz").toString(),
            "-C",
            modules.toString()),
        120);
    Files.move(modules.resolve("package"), modules.resolve("lodash"));

    JsonNode report = scan("fs", app.toString());
    JsonNode finding = only(report, "CVE-2020-8203");
    assertThat(finding.get("purl").asText()).isEqualTo("pkg:npm/lodash@4.17.15");
    assertThat(finding.get("path").asText()).isEqualTo("node_modules/lodash/package.json");
    assertThat(finding.get("fixedVersion").asText()).isEqualTo("4.17.19");
    assertThat(finding.get("severity").asText()).isEqualTo("HIGH");
  }

  @Test
  void pythonAndCargoManifestsAreMatchedAgainstTheRealPypaAndRustsecData() throws Exception {
    Path realDb = BulkheadJar.newDb();
    BulkheadJar.ok(
        "db",
        "import",
        "--db",
        realDb.toString(),
        SharedData.require("advisories/osv-pypa").toString(),
        SharedData.require("advisories/osv-rustsec").toString());
    Path app = work.resolve("poly-app");
    Path distInfo = app.resolve("venv/lib/python3.11/site-packages/Jinja2-2.10.dist-info");
    Files.createDirectories(distInfo);
    // "Jinja2" as the metadata spells it; the advisories name it "jinja2" (PEP 503).
    Files.writeString(
        distInfo.resolve("METADATA"), "Metadata-Version: 2.1\nName: Jinja2\nVersion: 2.10\n\n");
    Path fixedInfo = app.resolve("venv/lib/python3.11/site-packages/Jinja2-3.1.4.dist-info");
    Files.createDirectories(fixedInfo);
    Files.writeString(
        fixedInfo.resolve("METADATA"), "Metadata-Version: 2.1\nName: Jinja2\nVersion: 3.1.4\n\n");
    Files.createDirectories(app.resolve("rust"));
    Files.writeString(
        app.resolve("rust/Cargo.lock"),
        "version = 3\n\n"
            + "[[package]]\nname = \"smallvec\"\nversion = \"1.6.0\"\n"
            + "source = \"registry+https://github.com/rust-lang/crates.io-index\"\n\n"
            + "[[package]]\nname = \"smallvec\"\nversion = \"1.6.1\"\n"
            + "source = \"registry+https://github.com/rust-lang/crates.io-index\"\n");

    JsonNode report =
        JSON.readTree(
            BulkheadJar.ok(
                "fs",
                app.toString(),
                "--db",
                realDb.toString(),
                "--scanners",
                "vuln",
                "-q",
                "-f",
                "json"));
    TreeSet<String> got = new TreeSet<>();
    for (JsonNode f : report.get("findings")) {
      got.add(
          f.get("vulnerabilityId").asText()
              + " "
              + f.get("purl").asText()
              + " "
              + f.get("fixedVersion").asText());
    }
    // Jinja2 2.10: PYSEC-2019-217 (fixed 2.10.1) and PYSEC-2021-66 (fixed 2.11.3) apply, the 2014
    // and 2016 advisories (fixed in 2.7.2, 2.7.3, 2.8.1) do not; 3.1.4 has none. smallvec 1.6.0
    // is in RUSTSEC-2021-0003's range 1.0.0 up to 1.6.1, and 1.6.1 is the fix.
    assertThat(got)
        .containsExactly(
            "CVE-2019-10906 pkg:pypi/jinja2@2.10 2.10.1",
            "CVE-2020-28493 pkg:pypi/jinja2@2.10 2.11.3",
            "CVE-2021-25900 pkg:cargo/smallvec@1.6.0 1.6.1");
    JsonNode jinja = only(report, "CVE-2019-10906");
    assertThat(jinja.get("aliases").toString()).contains("PYSEC-2019-217", "GHSA-462w-v97r-4m45");
    JsonNode smallvec = only(report, "CVE-2021-25900");
    assertThat(smallvec.get("aliases").toString()).contains("RUSTSEC-2021-0003");
    assertThat(smallvec.get("severity").asText()).isEqualTo("CRITICAL");
  }

  /** Builds a Spring-Boot-style executable jar: nested jars stored uncompressed in BOOT-INF/lib. */
  private static byte[] fatJar() throws IOException {
    Path fixtures = Paths.get("target", "lang-fixtures");
    var out = new java.io.ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      put(
          zip,
          "META-INF/MANIFEST.MF",
          ("Manifest-Version: 1.0\nMain-Class: org.springframework.boot.loader.JarLauncher\n"
                  + "Start-Class: com.example.App\n")
              .getBytes(StandardCharsets.UTF_8),
          false);
      put(zip, "BOOT-INF/classes/application.properties", "server.port=8080\n".getBytes(), false);
      for (String jar : List.of("log4j-core-2.14.1.jar", "log4j-api-2.14.1.jar")) {
        Path file = fixtures.resolve(jar);
        assertThat(file).as("run with `mvn verify` so the dependency plugin copies it").exists();
        put(zip, "BOOT-INF/lib/" + jar, Files.readAllBytes(file), true);
      }
    }
    return out.toByteArray();
  }

  private static void put(ZipOutputStream zip, String name, byte[] data, boolean stored)
      throws IOException {
    ZipEntry e = new ZipEntry(name);
    if (stored) {
      CRC32 crc = new CRC32();
      crc.update(data);
      e.setMethod(ZipEntry.STORED);
      e.setSize(data.length);
      e.setCompressedSize(data.length);
      e.setCrc(crc.getValue());
    }
    zip.putNextEntry(e);
    OutputStream o = zip;
    o.write(data);
    zip.closeEntry();
  }

  private JsonNode scan(String command, String target, String... extra) throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                command, target, "--db", db.toString(), "--scanners", "vuln", "-q", "-f", "json"));
    args.addAll(List.of(extra));
    return JSON.readTree(BulkheadJar.ok(args.toArray(String[]::new)));
  }

  private static JsonNode only(JsonNode report, String id) {
    List<JsonNode> hits = new ArrayList<>();
    for (JsonNode f : report.get("findings")) {
      if (f.get("vulnerabilityId").asText().equals(id)) {
        hits.add(f);
      }
    }
    assertThat(hits).as("findings %s in %s", id, report.get("findings")).hasSize(1);
    return hits.get(0);
  }

  private static List<String> ids(JsonNode report) {
    List<String> out = new ArrayList<>();
    for (JsonNode f : report.get("findings")) {
      out.add(f.get("vulnerabilityId").asText());
    }
    return out;
  }

  private static TreeSet<String> packages(JsonNode report) {
    TreeSet<String> out = new TreeSet<>();
    for (JsonNode p : report.get("packages")) {
      out.add(p.get("purl").asText() + " " + p.get("path").asText());
    }
    return out;
  }

  private static Path resource(String name) throws URISyntaxException {
    return Paths.get(LanguageScanIT.class.getResource("/" + name).toURI());
  }
}
