package dev.bulkhead.config.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FrameworkTest {

  @Test
  void everyFrameworkLoadsWithUniqueControlIdsAndItsOwnTag() {
    for (String id : Framework.ids()) {
      Framework f = Framework.of(id);
      assertThat(f.id()).isEqualTo(id);
      Set<String> seen = new HashSet<>();
      for (Control c : f.controls()) {
        assertThat(seen.add(c.id())).as(id + " " + c.id()).isTrue();
        assertThat(c.tags().get(0))
            .isEqualTo((id + ":" + c.id()).toLowerCase(java.util.Locale.ROOT));
        assertThat(c.title()).isNotBlank();
        assertThat(c.section()).isNotBlank();
      }
      assertThat(f.controls().stream().filter(Control::automated)).isNotEmpty();
    }
  }

  @Test
  void cisDockerUsesTheV160Numbering() {
    Framework f = Framework.of("cis-docker");
    assertThat(f.version()).isEqualTo("v1.6.0");
    assertThat(title(f, "5.5")).isEqualTo("Ensure that privileged containers are not used");
    assertThat(title(f, "5.4"))
        .isEqualTo("Ensure that Linux kernel capabilities are restricted within containers");
    assertThat(title(f, "5.32"))
        .isEqualTo("Ensure that the Docker socket is not mounted inside any containers");
    assertThat(title(f, "2.9")).isEqualTo("Enable user namespace support");
    assertThat(title(f, "4.6"))
        .isEqualTo("Ensure that HEALTHCHECK instructions have been added to container images");
    assertThat(f.controls()).extracting(Control::id).doesNotContain("1.1.1", "3.1", "6.1", "7.1");
  }

  @Test
  void cisKubernetesCoversSectionFive() {
    Framework f = Framework.of("CIS-Kubernetes");
    assertThat(f.controls()).allMatch(c -> c.id().startsWith("5."));
    assertThat(title(f, "5.1.3")).isEqualTo("Minimize wildcard use in Roles and ClusterRoles");
    assertThat(title(f, "5.2.7")).isEqualTo("Minimize the admission of root containers");
    assertThat(
            f.controls().stream()
                .filter(c -> c.id().equals("5.3.1"))
                .findFirst()
                .orElseThrow()
                .automated())
        .isFalse();
  }

  @Test
  void restrictedIncludesBaselineAndAcceptsBaselineTags() {
    Framework baseline = Framework.of("pss-baseline");
    Framework restricted = Framework.of("pss-restricted");
    assertThat(restricted.controls())
        .extracting(Control::id)
        .containsAll(baseline.controls().stream().map(Control::id).toList())
        .contains("runningAsNonRoot", "runningAsNonRootUser", "volumeTypes", "privilegeEscalation");
    Control hostNs = control(restricted, "hostNamespaces");
    assertThat(hostNs.mappedBy(List.of("pss-baseline:hostNamespaces"))).isTrue();
    assertThat(hostNs.mappedBy(List.of("PSS-Restricted:HostNamespaces"))).isTrue();
    assertThat(
            control(restricted, "runningAsNonRoot")
                .mappedBy(List.of("pss-restricted:runAsNonRoot")))
        .isTrue();
    assertThat(
            control(baseline, "hostNamespaces").mappedBy(List.of("pss-restricted:hostNamespaces")))
        .isFalse();
    assertThat(control(restricted, "seccomp").mappedBy(List.of("pss-baseline:seccomp"))).isTrue();
  }

  @Test
  void unknownFrameworkNamesTheValidOnes() {
    assertThatThrownBy(() -> Framework.of("pci-dss"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pci-dss")
        .hasMessageContaining("cis-docker, cis-kubernetes, nsa-cisa");
  }

  private static Control control(Framework f, String id) {
    return f.controls().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  private static String title(Framework f, String id) {
    return control(f, id).title();
  }
}
