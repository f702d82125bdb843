package dev.bulkhead.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulkhead.core.testing.SharedData;
import dev.bulkhead.image.registry.LocalRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Scans real images end to end through the packaged CLI: the same image carried as a
 * docker-archive, an OCI layout, an unpacked directory and a registry image must give the same
 * packages and findings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageScanIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Path work;
  private LocalRegistry registry;

  @BeforeAll
  void startRegistry() throws Exception {
    work = Files.createTempDirectory("bh-e2e");
    registry = LocalRegistry.start(work.resolve("registry"));
  }

  @AfterAll
  void stopRegistry() throws IOException {
    if (registry != null) {
      registry.close();
    }
    Processes.check(null, List.of("rm", "-rf", work.toString()), 120);
  }

  @Test
  void alpineFindingsAreTheSameFromEveryInputKind() throws Exception {
    Path archive = SharedData.require("images/alpine-311.tar.gz");
    Path db = BulkheadJar.newDb();
    BulkheadJar.ok(
        "db",
        "import",
        "--db",
        db.toString(),
        SharedData.require("advisories/alpine-secdb/v3.11").toString(),
        resource("alpine-secdb-v3.11-main-excerpt.json").toString());

    Path plain = work.resolve("alpine.tar");
    try (InputStream in = new GZIPInputStream(Files.newInputStream(archive))) {
      Files.copy(in, plain);
    }
    Path oci = TestImages.ociLayout(plain, work.resolve("alpine-oci"), "3.11");
    Path rootfs = unpack(plain, work.resolve("alpine-rootfs"));
    registry.push("docker-archive:" + plain, "library/alpine:3.11");

    JsonNode fromArchive = scan(db, "docker-archive:" + archive);
    JsonNode fromOci = scan(db, "oci:" + oci + ":3.11");
    JsonNode fromDir = scan(db, "dir:" + rootfs);
    JsonNode fromRegistry = scan(db, "--insecure", registry.host() + "/library/alpine:3.11");

    assertThat(fromArchive.get("os").get("family").asText()).isEqualTo("alpine");
    assertThat(fromArchive.get("os").get("version").asText()).isEqualTo("3.11.5");
    assertThat(fromArchive.get("packages")).hasSize(14);
    assertThat(findings(fromArchive, false))
        .contains(
            "CVE-2020-1967 libcrypto1.1 1.1.1d-r3 1.1.1g-r0",
            "CVE-2020-1967 libssl1.1 1.1.1d-r3 1.1.1g-r0",
            "CVE-2021-30139 apk-tools 2.10.4-r3 2.10.6-r0",
            "CVE-2020-28928 musl 1.1.24-r2 1.1.24-r3")
        .noneMatch(f -> f.startsWith("CVE-2019-1551"));
    assertThat(findings(fromOci, true)).isEqualTo(findings(fromArchive, true));
    assertThat(findings(fromRegistry, true)).isEqualTo(findings(fromArchive, true));
    assertThat(findings(fromDir, false)).isEqualTo(findings(fromArchive, false));
    assertThat(packages(fromOci)).isEqualTo(packages(fromArchive));
    assertThat(packages(fromRegistry)).isEqualTo(packages(fromArchive));
    assertThat(packages(fromDir)).isEqualTo(packages(fromArchive));
    JsonNode libcrypto = find(fromArchive.get("packages"), "name", "libcrypto1.1");
    assertThat(libcrypto.get("sourceName").asText()).isEqualTo("openssl");
    assertThat(libcrypto.get("layer").asText())
        .isEqualTo(fromArchive.get("layers").get(0).get("diffId").asText());
    assertThat(libcrypto.get("layerCommand").asText()).contains("ADD file:");
    assertThat(libcrypto.get("purl").asText()).startsWith("pkg:apk/alpine/libcrypto1.1@1.1.1d-r3");
  }

  @Test
  void debianFindingsAreTheSameFromEveryInputKindWithLayerAttribution() throws Exception {
    Path rootfs = TestImages.debianRootfs();
    Path db = BulkheadJar.newDb();
    BulkheadJar.ok("db", "import", "--db", db.toString(), demoAdvisories().toString());

    Path extra = Files.createDirectories(work.resolve("debian-layer2/etc"));
    Files.writeString(extra.resolve("motd"), "second layer\n");
    Path archive =
        TestImages.dockerArchive(
            List.of(rootfs, extra.getParent()),
            List.of("debootstrap --variant=minbase bookworm", "COPY motd /etc/motd"),
            work.resolve("debian.tar"));
    Path oci = TestImages.ociLayout(archive, work.resolve("debian-oci"), "12");
    registry.push("docker-archive:" + archive, "debian:12");

    JsonNode fromArchive = scan(db, "docker-archive:" + archive);
    JsonNode fromOci = scan(db, "oci:" + oci + ":12");
    JsonNode fromDir = scan(db, "dir:" + rootfs);
    JsonNode fromRegistry = scan(db, "--insecure", registry.host() + "/debian:12");

    assertThat(fromArchive.get("os").get("family").asText()).isEqualTo("debian");
    assertThat(fromArchive.get("os").get("codename").asText()).isEqualTo("bookworm");
    int installed = countInstalled(rootfs);
    assertThat(fromArchive.get("packages")).hasSize(installed);
    assertThat(findings(fromArchive, true)).isNotEmpty();
    assertThat(findings(fromArchive, true)).anyMatch(f -> f.startsWith("CVE-2011-3374 apt "));
    assertThat(findings(fromOci, true)).isEqualTo(findings(fromArchive, true));
    assertThat(findings(fromRegistry, true)).isEqualTo(findings(fromArchive, true));
    assertThat(findings(fromDir, false)).isEqualTo(findings(fromArchive, false));
    String bottom = fromArchive.get("layers").get(0).get("diffId").asText();
    for (JsonNode p : fromArchive.get("packages")) {
      assertThat(p.get("layer").asText()).isEqualTo(bottom);
      assertThat(p.get("layerCommand").asText()).contains("debootstrap");
    }
    JsonNode libc = find(fromArchive.get("packages"), "name", "libc6");
    assertThat(libc.get("sourceName").asText()).isEqualTo("glibc");
    assertThat(libc.get("purl").asText())
        .startsWith("pkg:deb/debian/libc6@")
        .contains("distro=debian-12");
  }

  @Test
  void filtersSarifAndExitCodeWorkOnARealImage() throws Exception {
    Path archive = SharedData.require("images/alpine-311.tar.gz");
    Path db = BulkheadJar.newDb();
    BulkheadJar.ok(
        "db",
        "import",
        "--db",
        db.toString(),
        resource("alpine-secdb-v3.11-main-excerpt.json").toString());
    Processes.Result failing =
        BulkheadJar.run(
            "image",
            "--quiet",
            "--db",
            db.toString(),
            "--exit-code",
            "4",
            "docker-archive:" + archive);
    assertThat(failing.exitCode()).isEqualTo(4);
    assertThat(failing.stdout()).contains("libcrypto1.1 1.1.1d-r3 (source openssl)");

    Path sarif = work.resolve("out/alpine.sarif");
    BulkheadJar.ok(
        "image",
        "--quiet",
        "--db",
        db.toString(),
        "--format",
        "sarif",
        "--output",
        sarif.toString(),
        "docker-archive:" + archive);
    JsonNode run = JSON.readTree(sarif.toFile()).get("runs").get(0);
    assertThat(run.get("results").size()).isGreaterThanOrEqualTo(4);

    Processes.Result none =
        BulkheadJar.run(
            "image",
            "--quiet",
            "--db",
            db.toString(),
            "--exit-code",
            "4",
            "--severity",
            "CRITICAL",
            "docker-archive:" + archive);
    assertThat(none.exitCode()).as(none.stderr()).isZero();
  }

  private JsonNode scan(Path db, String... target) throws IOException {
    List<String> args =
        new ArrayList<>(List.of("image", "--quiet", "--format", "json", "--db", db.toString()));
    args.addAll(List.of(target));
    return JSON.readTree(BulkheadJar.ok(args.toArray(String[]::new)));
  }

  private static TreeSet<String> findings(JsonNode report, boolean withLayer) {
    TreeSet<String> out = new TreeSet<>();
    for (JsonNode f : report.get("findings")) {
      out.add(
          f.get("vulnerabilityId").asText()
              + " "
              + f.get("packageName").asText()
              + " "
              + f.get("installedVersion").asText()
              + " "
              + f.get("fixedVersion").asText()
              + (withLayer ? " " + f.get("layer").asText() : ""));
    }
    return out;
  }

  private static TreeSet<String> packages(JsonNode report) {
    TreeSet<String> out = new TreeSet<>();
    for (JsonNode p : report.get("packages")) {
      out.add(
          p.get("name").asText()
              + " "
              + p.get("version").asText()
              + " "
              + p.get("sourceName").asText());
    }
    return out;
  }

  private static JsonNode find(JsonNode array, String field, String value) {
    for (JsonNode n : array) {
      if (value.equals(n.get(field).asText())) {
        return n;
      }
    }
    throw new AssertionError("no element with " + field + "=" + value);
  }

  private static int countInstalled(Path rootfs) throws IOException {
    String status = Files.readString(rootfs.resolve("var/lib/dpkg/status"));
    int n = 0;
    for (String line : status.split("\n", -1)) {
      if (line.equals("Status: install ok installed")) {
        n++;
      }
    }
    return n;
  }

  private static Path unpack(Path dockerArchive, Path rootfs) throws IOException {
    Path outer = Files.createDirectories(rootfs.resolveSibling(rootfs.getFileName() + "-outer"));
    Files.createDirectories(rootfs);
    Processes.check(
        null, List.of("tar", "-xf", dockerArchive.toString(), "-C", outer.toString()), 120);
    JsonNode manifest = JSON.readTree(outer.resolve("manifest.json").toFile());
    for (JsonNode layer : manifest.get(0).get("Layers")) {
      Processes.check(
          null,
          List.of("tar", "-xf", outer.resolve(layer.asText()).toString(), "-C", rootfs.toString()),
          120);
    }
    return rootfs;
  }

  private static Path resource(String name) throws URISyntaxException {
    return Paths.get(ImageScanIT.class.getResource(name).toURI());
  }

  private static Path demoAdvisories() {
    Path demo = Paths.get("..", "examples", "advisories", "debian-bookworm-demo.json");
    assertThat(demo).exists();
    return demo.toAbsolutePath().normalize();
  }
}
