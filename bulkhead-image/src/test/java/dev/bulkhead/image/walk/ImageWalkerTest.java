package dev.bulkhead.image.walk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.Package;
import dev.bulkhead.core.Report;
import dev.bulkhead.image.ImageScan;
import dev.bulkhead.image.source.Limits;
import dev.bulkhead.image.testing.DockerArchiveBuilder;
import dev.bulkhead.image.testing.TarBuilder;
import dev.bulkhead.image.testing.TestAnalyzers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageWalkerTest {
  @TempDir Path tmp;

  private Report scan(DockerArchiveBuilder archive) throws Exception {
    Path file = archive.write(tmp.resolve("image.tar"));
    return ImageScan.of("docker-archive:" + file).withAnalyzers(TestAnalyzers.registry()).run();
  }

  private static List<String> names(Report report) {
    return report.packages().stream().map(p -> p.name() + "@" + p.version()).toList();
  }

  @Test
  void whiteoutDeletesAFileOfALowerLayer() throws Exception {
    byte[] base = new TarBuilder().file("db/a", "a 1\n").file("db/b", "b 1\n").build();
    byte[] upper = new TarBuilder().whiteout("db", "a").build();
    Report report = scan(new DockerArchiveBuilder().layer(base, "ADD base").layer(upper, "RUN rm"));
    assertThat(names(report)).containsExactly("b@1");
    assertThat(report.layers()).hasSize(2);
  }

  @Test
  void opaqueDirectoryHidesLowerContentButKeepsItsOwn() throws Exception {
    byte[] base = new TarBuilder().file("db/x", "x 1\n").file("keep/db", "").build();
    byte[] lower2 = new TarBuilder().file("db/sub/y", "y 1\n").build();
    byte[] upper = new TarBuilder().opaque("db").file("db/z", "z 1\n").build();
    Report report =
        scan(
            new DockerArchiveBuilder()
                .layer(base, "ADD")
                .layer(lower2, "RUN y")
                .layer(upper, "RUN z"));
    assertThat(names(report)).containsExactly("z@1");
  }

  @Test
  void packagesKeepTheLayerThatIntroducedThemAtTheirVersion() throws Exception {
    byte[] base = new TarBuilder().file("db/a", "bar 1\nfoo 1\n").build();
    byte[] upper = new TarBuilder().file("./db/a", "bar 2\nfoo 1\nnew 1\n").build();
    DockerArchiveBuilder archive =
        new DockerArchiveBuilder().layer(base, "ADD rootfs").layer(upper, "RUN upgrade bar");
    Report report = scan(archive);
    String baseId = DockerArchiveBuilder.sha256(base);
    String upperId = DockerArchiveBuilder.sha256(upper);
    assertThat(report.packages())
        .extracting(Package::name, Package::version, Package::layer, Package::layerCommand)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("bar", "2", upperId, "RUN upgrade bar"),
            org.assertj.core.groups.Tuple.tuple("foo", "1", baseId, "ADD rootfs"),
            org.assertj.core.groups.Tuple.tuple("new", "1", upperId, "RUN upgrade bar"));
    assertThat(report.layers())
        .extracting(l -> l.index(), l -> l.diffId(), l -> l.createdBy())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, baseId, "ADD rootfs"),
            org.assertj.core.groups.Tuple.tuple(1, upperId, "RUN upgrade bar"));
  }

  @Test
  void absolutePathsAndDotSegmentsAreNormalised() throws Exception {
    byte[] layer = new TarBuilder().file("/db/./a", "a 1\n").file("db/x/../b", "b 1\n").build();
    Report report = scan(new DockerArchiveBuilder().layer(layer, "ADD"));
    assertThat(report.packages()).extracting(Package::path).containsExactly("db/a", "db/b");
  }

  @Test
  void pathTraversalIsRefusedNamingImageLayerAndEntry() throws Exception {
    byte[] layer = new TarBuilder().file("db/a", "a 1\n").file("db/../../etc/passwd", "x").build();
    assertThatThrownBy(() -> scan(new DockerArchiveBuilder().layer(layer, "ADD")))
        .isInstanceOf(BulkheadException.class)
        .hasMessageContaining("docker-archive:")
        .hasMessageContaining("layer.tar")
        .hasMessageContaining("'db/../../etc/passwd'")
        .hasMessageContaining("escapes the filesystem root");
  }

  @Test
  void absurdFileSizeIsRefusedBeforeReading() throws Exception {
    byte[] layer = TarBuilder.lyingHeader("db/huge", 3L << 30);
    assertThatThrownBy(() -> scan(new DockerArchiveBuilder().layer(layer, "ADD")))
        .isInstanceOf(BulkheadException.class)
        .hasMessageContaining("'db/huge'")
        .hasMessageContaining("3221225472 bytes");
  }

  @Test
  void tooManyEntriesAreRefused() throws Exception {
    TarBuilder tar = new TarBuilder();
    for (int i = 0; i < 20; i++) {
      tar.file("f" + i, "");
    }
    Path file = new DockerArchiveBuilder().layer(tar.build(), "ADD").write(tmp.resolve("i.tar"));
    assertThatThrownBy(
            () ->
                ImageScan.of("docker-archive:" + file)
                    .withAnalyzers(TestAnalyzers.registry())
                    .withLimits(new Limits(10, 10, 1 << 20, 1 << 20))
                    .run())
        .isInstanceOf(BulkheadException.class)
        .hasMessageContaining("more than 10");
  }

  @Test
  void symlinksAreNotFollowedAndHideTheFileBelow() throws Exception {
    byte[] base = new TarBuilder().file("db/a", "a 1\n").file("db/b", "b 1\n").build();
    byte[] upper =
        new TarBuilder()
            .symlink("db/a", "../../../../etc/shadow")
            .symlink("db/c", "/etc/passwd")
            .hardlink("db/d", "db/b")
            .build();
    Report report = scan(new DockerArchiveBuilder().layer(base, "ADD").layer(upper, "RUN ln"));
    assertThat(names(report)).containsExactly("b@1");
    assertThat(report.warnings()).anyMatch(w -> w.contains("hard link db/d is not followed"));
  }

  @Test
  void symlinkOverAParentDirectoryHidesTheFilesBelowIt() throws Exception {
    byte[] base = new TarBuilder().file("db/lib/dpkg/a", "a 1\n").file("db/b", "b 1\n").build();
    byte[] upper = new TarBuilder().symlink("db", "/elsewhere").build();
    Report report = scan(new DockerArchiveBuilder().layer(base, "ADD").layer(upper, "RUN ln"));
    assertThat(names(report)).isEmpty();
  }

  @Test
  void regularFileOverAParentDirectoryHidesTheFilesBelowIt() throws Exception {
    byte[] base = new TarBuilder().file("db/lib/dpkg/a", "a 1\n").file("db/b", "b 1\n").build();
    byte[] upper = new TarBuilder().file("db/lib", "not a directory").build();
    Report report = scan(new DockerArchiveBuilder().layer(base, "ADD").layer(upper, "RUN mv"));
    assertThat(names(report)).containsExactly("b@1");
  }

  @Test
  void symlinkOverEtcHidesTheOsBelowIt() throws Exception {
    byte[] base = new TarBuilder().file("etc/os-release", "ID=alpine\nVERSION_ID=3.11.6\n").build();
    byte[] upper = new TarBuilder().symlink("etc", "/nowhere").build();
    Report report = scan(new DockerArchiveBuilder().layer(base, "ADD").layer(upper, "RUN ln"));
    assertThat(report.os()).isNull();
  }

  @Test
  void symlinkOverAParentInTheSameLayerHidesTheFileBeforeIt() throws Exception {
    byte[] layer =
        new TarBuilder()
            .file("db/lib/a", "a 1\n")
            .symlink("db/lib", "/x")
            .file("db/b", "b 1\n")
            .build();
    Report report = scan(new DockerArchiveBuilder().layer(layer, "ADD"));
    assertThat(names(report)).containsExactly("b@1");
  }

  @Test
  void diffIdMismatchIsAHardError() throws Exception {
    byte[] layer = new TarBuilder().file("db/a", "a 1\n").build();
    assertThatThrownBy(() -> scan(new DockerArchiveBuilder().layer(layer, "ADD").wrongDiffId()))
        .isInstanceOf(BulkheadException.class)
        .hasMessageContaining("does not match")
        .hasMessageContaining("sha256:" + "0".repeat(64));
  }

  @Test
  void uncompressedBlobLayersAreCheckedAgainstTheConfigWithoutASecondHash() throws Exception {
    byte[] layer = new TarBuilder().file("db/a", "a 1\n").build();
    assertThat(names(scan(new DockerArchiveBuilder().layer(layer, "ADD").ociStyle())))
        .containsExactly("a@1");
    assertThatThrownBy(
            () -> scan(new DockerArchiveBuilder().layer(layer, "ADD").ociStyle().wrongDiffId()))
        .isInstanceOf(BulkheadException.class)
        .hasMessageContaining("does not match");
  }

  @Test
  void tamperedUncompressedBlobLayerFailsOnItsDigest() throws Exception {
    byte[] original = new TarBuilder().file("db/a", "a 1\n").build();
    Path file =
        new DockerArchiveBuilder().layer(original, "ADD").ociStyle().write(tmp.resolve("o.tar"));
    byte[] archive = Files.readAllBytes(file);
    int at = indexOf(archive, original);
    byte[] tampered = original.clone();
    replace(tampered, "a 1\n", "a 9\n");
    System.arraycopy(tampered, 0, archive, at, tampered.length);
    Files.write(file, archive);
    assertThatThrownBy(
            () ->
                ImageScan.of("docker-archive:" + file)
                    .withAnalyzers(TestAnalyzers.registry())
                    .run())
        .isInstanceOf(BulkheadException.class)
        .hasMessageContaining("does not match its digest");
  }

  @Test
  void truncatedLayerStillReportsWhatItHeld() throws Exception {
    byte[] whole =
        new TarBuilder().file("db/a", "a 1\n").file("db/b", "b 1\n".repeat(2000)).build();
    byte[] cut = java.util.Arrays.copyOf(whole, 3000);
    Report report = scan(new DockerArchiveBuilder().layer(cut, "ADD"));
    assertThat(names(report)).containsExactly("a@1");
    assertThat(report.warnings()).anyMatch(w -> w.contains("truncated or corrupt"));
  }

  @Test
  void tamperedLayerWithACorruptLastHeaderIsStillADigestError() throws Exception {
    byte[] original = new TarBuilder().file("db/a", "a 1\n").file("db/b", "b 1\n").build();
    byte[] tampered = original.clone();
    replace(tampered, "a 1\n", "a 9\n");
    int last = indexOf(tampered, "db/b".getBytes(StandardCharsets.US_ASCII));
    tampered[last + 148] = 'z'; // the header's checksum field no longer parses
    Path file = new DockerArchiveBuilder().layer(original, "ADD").write(tmp.resolve("i.tar"));
    byte[] archive = Files.readAllBytes(file);
    int at = indexOf(archive, original);
    System.arraycopy(tampered, 0, archive, at, tampered.length);
    Files.write(file, archive);
    assertThatThrownBy(
            () ->
                ImageScan.of("docker-archive:" + file)
                    .withAnalyzers(TestAnalyzers.registry())
                    .run())
        .isInstanceOf(BulkheadException.class)
        .hasMessageContaining("does not match the config's diff id");
  }

  @Test
  void layerWhoseCompressedBytesEndEarlyIsAWarningNotADigestError() throws Exception {
    byte[] noise = new byte[200_000];
    new java.util.Random(1).nextBytes(noise);
    byte[] layer = new TarBuilder().file("db/a", "a 1\n").file("other/b", noise).build();
    byte[] gzip = DockerArchiveBuilder.gzip(layer);
    byte[] cut = Arrays.copyOf(gzip, gzip.length / 2);
    Report report = scan(new DockerArchiveBuilder().layer(cut, "ADD"));
    assertThat(names(report)).containsExactly("a@1");
    assertThat(report.warnings()).anyMatch(w -> w.contains("truncated or corrupt"));
  }

  private static void replace(byte[] data, String from, String to) {
    byte[] f = from.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(to.getBytes(StandardCharsets.US_ASCII), 0, data, indexOf(data, f), f.length);
  }

  private static int indexOf(byte[] data, byte[] part) {
    outer:
    for (int i = 0; i + part.length <= data.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (data[i + j] != part[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }

  @Test
  void analyzerFailureBecomesAWarningNamingFileAndLayer() throws Exception {
    byte[] layer = new TarBuilder().file("db/bad", "BROKEN").file("db/ok", "ok 1\n").build();
    Report report = scan(new DockerArchiveBuilder().layer(layer, "ADD"));
    assertThat(names(report)).containsExactly("ok@1");
    assertThat(report.warnings())
        .anyMatch(w -> w.contains("analyzer lines could not read db/bad in layer"));
  }

  @Test
  void osReleaseWinsOverAlpineReleaseAndFillsNothingFromAnotherFamily() throws Exception {
    byte[] layer =
        new TarBuilder()
            .file("etc/alpine-release", "3.11.5\n")
            .file("etc/os-release", "ID=alpine\nVERSION_ID=3.11.6\n")
            .build();
    Report report = scan(new DockerArchiveBuilder().layer(layer, "ADD"));
    assertThat(report.os().family()).isEqualTo("alpine");
    assertThat(report.os().version()).isEqualTo("3.11.6");
    assertThat(report.os().prettyName()).isEqualTo("from alpine-release");
  }
}
