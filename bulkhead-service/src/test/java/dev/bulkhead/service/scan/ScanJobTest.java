package dev.bulkhead.service.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulkhead.core.Severity;
import dev.bulkhead.image.registry.RegistryOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanJobTest {
  // An AWS access key id of the documented example shape, split so this file holds no key.
  private static final String AWS_KEY = "AKIA" + "Z7QH2XW5RJ3M4N6P";

  @TempDir Path dir;

  private ScanRequest request(Set<Scanner> scanners, boolean requireDb, ReportFilter filter) {
    return new ScanRequest(
        "dir:" + dir.resolve("root"),
        RegistryOptions.defaults(),
        scanners,
        true,
        true,
        false,
        new ContentOptions(10 << 20, null, List.of(), null),
        dir.resolve("missing.sqlite"),
        requireDb,
        filter,
        null);
  }

  private void ubuntuRoot() throws Exception {
    Path etc = Files.createDirectories(dir.resolve("root/etc"));
    Files.writeString(etc.resolve("os-release"), "ID=ubuntu\nVERSION_ID=\"22.04\"\n");
  }

  @Test
  void aRequiredMissingDatabaseIsATypedError() throws Exception {
    ubuntuRoot();
    assertThatThrownBy(
            () ->
                new ScanJob(n -> {})
                    .run(request(EnumSet.of(Scanner.VULN), true, ReportFilter.none())))
        .isInstanceOfSatisfying(
            NoAdvisoryDatabaseException.class,
            e -> assertThat(e.database()).isEqualTo(dir.resolve("missing.sqlite")));
  }

  @Test
  void anOptionalMissingDatabaseWarnsAndAnUnmatchableOsIsReported() throws Exception {
    ubuntuRoot();
    ScanResult r =
        new ScanJob(n -> {}).run(request(EnumSet.of(Scanner.VULN), false, ReportFilter.none()));
    assertThat(r.report().warnings()).anyMatch(w -> w.startsWith("no advisory database at "));
    assertThat(r.unsupportedOs()).isNotNull();
    assertThat(r.unsupportedOs().family()).isEqualTo("ubuntu");
    assertThat(r.findingsRemain()).isFalse();
  }

  @Test
  void withoutTheVulnScannerNoOsIsJudged() throws Exception {
    ubuntuRoot();
    ScanResult r =
        new ScanJob(n -> {}).run(request(EnumSet.of(Scanner.SECRET), true, ReportFilter.none()));
    assertThat(r.unsupportedOs()).isNull();
  }

  @Test
  void secretsAreFoundAndTheSeverityFilterApplies() throws Exception {
    Path app = Files.createDirectories(dir.resolve("root/app"));
    Files.writeString(app.resolve("settings.env"), "AWS_ACCESS_KEY_ID=" + AWS_KEY + "\n");
    List<String> notes = new ArrayList<>();
    ScanResult all =
        new ScanJob(notes::add)
            .run(request(EnumSet.of(Scanner.SECRET), false, ReportFilter.none()));
    assertThat(all.report().contentFindings()).isNotEmpty();
    assertThat(all.findingsRemain()).isTrue();
    Severity found = all.report().contentFindings().get(0).severity();
    Set<Severity> others = EnumSet.complementOf(EnumSet.of(found));
    ScanResult filtered =
        new ScanJob(notes::add)
            .run(
                request(
                    EnumSet.of(Scanner.SECRET),
                    false,
                    new ReportFilter(List.of(), null, others, false)));
    assertThat(filtered.report().contentFindings())
        .noneMatch(f -> f.severity() == found)
        .hasSizeLessThan(all.report().contentFindings().size());
    assertThat(notes).isEmpty();
  }
}
