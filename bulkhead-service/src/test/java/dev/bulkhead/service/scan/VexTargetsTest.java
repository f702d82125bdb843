package dev.bulkhead.service.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.core.sbom.Purl;
import dev.bulkhead.core.suppress.VexTarget;
import org.junit.jupiter.api.Test;

class VexTargetsTest {
  private static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

  @Test
  void registryReferencesNameTheImageOtherTargetsNothing() {
    VexTarget byDigest = VexTargets.of("registry.example:5000/myorg/app@" + DIGEST);
    assertThat(byDigest.repository()).isEqualTo("myorg/app");
    assertThat(byDigest.digest()).isEqualTo(DIGEST);
    assertThat(byDigest.matches(Purl.parse("pkg:oci/app@" + DIGEST.replace(":", "%3A")))).isTrue();
    assertThat(byDigest.matches(Purl.parse("pkg:docker/myorg/app"))).isTrue();

    VexTarget hub = VexTargets.of("docker://alpine:3.19");
    assertThat(hub.digest()).isNull();
    assertThat(hub.matches(Purl.parse("pkg:docker/alpine@3.19"))).isTrue();
    assertThat(hub.matches(Purl.parse("pkg:oci/alpine"))).isTrue();
    assertThat(hub.matches(Purl.parse("pkg:oci/alpine@" + DIGEST))).isFalse();

    for (String t : new String[] {"dir:/tmp/x", "docker-archive:a.tar", "oci:layout:v1", "A B"}) {
      VexTarget target = VexTargets.of(t);
      assertThat(target.repository()).as(t).isNull();
      assertThat(target.matches(Purl.parse("pkg:oci/x"))).as(t).isFalse();
    }
  }
}
