package dev.bulkhead.image.walk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.bulkhead.core.ContentFinding;
import dev.bulkhead.core.Report;
import dev.bulkhead.core.spi.ContentScanner;
import dev.bulkhead.image.ImageScan;
import dev.bulkhead.image.testing.DockerArchiveBuilder;
import dev.bulkhead.image.testing.TarBuilder;
import dev.bulkhead.image.testing.TestAnalyzers;
import dev.bulkhead.image.testing.TestScanners;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs content scanners over multi-layer docker-archives built here, through the front door. */
class ContentScanTest {
  @TempDir Path tmp;

  private Report scan(DockerArchiveBuilder archive, ContentScanner... scanners) throws Exception {
    Path file = archive.write(tmp.resolve("image.tar"));
    return ImageScan.of("docker-archive:" + file)
        .withAnalyzers(TestAnalyzers.registry())
        .withContentScanners(List.of(scanners))
        .run();
  }

  private static String id(byte[] layer) {
    return DockerArchiveBuilder.sha256(layer);
  }

  @Test
  void aFileDeletedByAWhiteoutIsRemovedInThatLayerAndOthersStayPresent() throws Exception {
    byte[] base = new TarBuilder().file("etc/hostname", "box\n").build();
    byte[] secret =
        new TarBuilder().file("app/.env", "A=1\nTOKEN=MARKER\n").file("app/keep", "MARKER").build();
    byte[] cleanup = new TarBuilder().whiteout("app", ".env").build();
    Report report =
        scan(
            new DockerArchiveBuilder()
                .layer(base, "ADD base")
                .layer(secret, "COPY app")
                .layer(cleanup, "RUN rm app/.env"),
            new TestScanners.Marker());

    assertThat(report.contentFindings())
        .extracting(
            ContentFinding::path,
            ContentFinding::line,
            ContentFinding::layer,
            ContentFinding::status,
            ContentFinding::removedIn)
        .containsExactly(
            tuple("app/keep", 1, id(secret), ContentFinding.PRESENT, null),
            tuple("app/.env", 2, id(secret), ContentFinding.REMOVED, id(cleanup)));
  }

  @Test
  void aFileReplacedLaterIsRemovedByTheFirstReplacingLayer() throws Exception {
    byte[] base =
        new TarBuilder()
            .file("srv/config", "password=MARKER\n")
            .file("conf/a", "MARKER\n")
            .file("srv/other", "MARKER\n")
            .build();
    byte[] rewrite = new TarBuilder().file("srv/config", "password=none\n").build();
    byte[] again = new TarBuilder().file("srv/config", "x\n").symlink("conf", "/etc").build();
    Report report =
        scan(
            new DockerArchiveBuilder()
                .layer(base, "ADD")
                .layer(rewrite, "RUN sed")
                .layer(again, "RUN ln"),
            new TestScanners.Marker());

    assertThat(report.contentFindings())
        .extracting(ContentFinding::path, ContentFinding::status, ContentFinding::removedIn)
        .containsExactly(
            tuple("srv/other", ContentFinding.PRESENT, null),
            tuple("conf/a", ContentFinding.REMOVED, id(again)),
            tuple("srv/config", ContentFinding.REMOVED, id(rewrite)));
  }

  @Test
  void anOpaqueDirectoryRemovesWhatLowerLayersHadUnderIt() throws Exception {
    byte[] base =
        new TarBuilder().file("etc/app/key", "MARKER").file("etc/other", "MARKER").build();
    byte[] reset = new TarBuilder().opaque("etc/app").file("etc/app/key2", "fine").build();
    Report report =
        scan(
            new DockerArchiveBuilder().layer(base, "ADD").layer(reset, "RUN reset"),
            new TestScanners.Marker());

    assertThat(report.contentFindings())
        .extracting(ContentFinding::path, ContentFinding::status, ContentFinding::removedIn)
        .containsExactly(
            tuple("etc/other", ContentFinding.PRESENT, null),
            tuple("etc/app/key", ContentFinding.REMOVED, id(reset)));
  }

  @Test
  void setuidFilesCountOnlyAboveTheBaseLayerAndModesComeFromTheTarHeader() throws Exception {
    byte[] base =
        new TarBuilder()
            .file("usr/bin/passwd", "elf", 04755)
            .dir("tmp", 01777)
            .dir("var/drop", 0777)
            .build();
    byte[] upper =
        new TarBuilder()
            .file("usr/local/bin/helper", "elf", 04755)
            .file("usr/local/bin/group", "elf", 02711)
            .file("usr/local/bin/plain", "elf", 0755)
            .build();
    TestScanners.Marker marker = new TestScanners.Marker(true);
    Report report =
        scan(
            new DockerArchiveBuilder().layer(base, "ADD").layer(upper, "RUN chmod u+s"),
            new TestScanners.Modes(),
            marker);

    assertThat(report.contentFindings())
        .extracting(ContentFinding::ruleId, ContentFinding::path, ContentFinding::layer)
        .containsExactly(
            tuple("suid", "usr/local/bin/group", id(upper)),
            tuple("suid", "usr/local/bin/helper", id(upper)),
            tuple("world-writable-dir", "var/drop", id(base)));
    assertThat(marker.seen)
        .contains(
            "usr/bin/passwd:3:4755:FILE",
            "usr/local/bin/group:3:2711:FILE",
            "tmp:0:1777:DIRECTORY",
            "var/drop:0:777:DIRECTORY");
  }

  @Test
  void theConfigEnvAndEveryHistoryLineReachScanMetadataOnce() throws Exception {
    byte[] layer = new TarBuilder().file("a", "x").build();
    TestScanners.Marker marker = new TestScanners.Marker();
    Report report =
        scan(
            new DockerArchiveBuilder()
                .containerConfig(
                    "{\"Env\":[\"PATH=/bin\",\"API_KEY=MARKER\"],\"Entrypoint\":[\"/run\"],"
                        + "\"Cmd\":[\"serve\",\"-v\"],\"Labels\":{\"team\":\"core\"}}")
                .layer(layer, "RUN echo MARKER > /dev/null"),
            marker);

    assertThat(marker.metadata).hasSize(1);
    var view = marker.metadata.get(0);
    assertThat(view.env()).containsExactly("PATH=/bin", "API_KEY=MARKER");
    assertThat(view.entrypoint()).containsExactly("/run");
    assertThat(view.cmd()).containsExactly("serve", "-v");
    assertThat(view.labels()).containsEntry("team", "core");
    assertThat(view.history()).containsExactly("ENV step=0", "RUN echo MARKER > /dev/null");
    assertThat(report.contentFindings())
        .extracting(ContentFinding::path, ContentFinding::layer, ContentFinding::status)
        .containsExactly(
            tuple("config:Env", null, ContentFinding.PRESENT),
            tuple("history[1]", null, ContentFinding.PRESENT));
  }

  @Test
  void scannerFailuresBecomeWarningsAndManySkipsAreSummarised() throws Exception {
    TarBuilder tar = new TarBuilder().file("crash", "CRASH").file("ok", "MARKER");
    for (int i = 0; i < 25; i++) {
      tar.file("big/f" + i, "SKIP");
    }
    Report report =
        scan(new DockerArchiveBuilder().layer(tar.build(), "ADD"), new TestScanners.Marker());

    assertThat(report.contentFindings()).extracting(ContentFinding::path).containsExactly("ok");
    assertThat(report.warnings())
        .anyMatch(w -> w.matches(".*scanner marker failed on crash in layer .*layer.tar: .*boom"))
        .anyMatch(w -> w.matches(".*scanner marker skipped big/f0 in layer .*: over the size cap"))
        .anyMatch(w -> w.endsWith("... and 6 more files skipped by marker"));
    assertThat(report.warnings().stream().filter(w -> w.contains("skipped big/"))).hasSize(19);
  }

  @Test
  void analyzersAndScannersBothGetTheFileAndPackagesAreUnchanged() throws Exception {
    byte[] layer = new TarBuilder().file("db/a", "foo 1\nMARKER\n").build();
    Report report = scan(new DockerArchiveBuilder().layer(layer, "ADD"), new TestScanners.Marker());
    assertThat(report.packages()).extracting(p -> p.name()).containsExactly("foo");
    assertThat(report.contentFindings()).extracting(ContentFinding::line).containsExactly(2);
  }

  @Test
  void withoutScannersThereAreNoContentFindings() throws Exception {
    byte[] layer = new TarBuilder().file("a", "MARKER").build();
    Report report = scan(new DockerArchiveBuilder().layer(layer, "ADD"));
    assertThat(report.contentFindings()).isEmpty();
    assertThat(report.warnings()).isEmpty();
  }

  @Test
  void twoScannersWithOneIdAreRefused() throws Exception {
    assertThatThrownBy(
            () ->
                ImageScan.of("dir:" + tmp)
                    .withContentScanners(
                        List.of(new TestScanners.Marker(), new TestScanners.Marker())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'marker'");
  }
}
