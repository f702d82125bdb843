package dev.bulkhead.runtime.baseline;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Kubernetes owner of a container, read from the labels the kubelet's Docker runtime
 * (dockershim, cri-dockerd) puts on every container it starts: {@code io.kubernetes.pod.name},
 * {@code io.kubernetes.pod.namespace} and {@code io.kubernetes.container.name}.
 *
 * <p>A pod's name changes with every rollout and restart, so a baseline keyed by it would be
 * learned again and again. The owner is recovered from how Kubernetes names the pods it creates:
 * ReplicaSet pods (Deployments) are {@code <deployment>-<pod-template-hash>-<5 random>}, DaemonSet
 * and Job pods {@code <owner>-<5 random>}, CronJob pods {@code <cronjob>-<scheduled minute>-<5
 * random>}, StatefulSet pods {@code <statefulset>-<ordinal>}. The random parts come from
 * Kubernetes' {@code rand.String}/{@code SafeEncodeString} alphabet (no vowels, no 0, 1 or 3),
 * which keeps ordinary name parts such as {@code -server} or {@code -v2} from being stripped. The
 * API server cuts a generated name's prefix to {@value #MAX_PREFIX} characters before it appends
 * the 5 random ones, so a 63-character name of a long owner ends in random characters without a
 * dash before them, after a cut-off hash or owner name. Indexed Job pods ({@code <job>-<index>-<5
 * random>}) belong to their Job. A name that fits none of these patterns is its own owner (a bare
 * pod).
 */
public final class KubernetesWorkload {
  /** Label with the pod name. */
  public static final String POD_NAME = "io.kubernetes.pod.name";

  /** Label with the pod namespace. */
  public static final String POD_NAMESPACE = "io.kubernetes.pod.namespace";

  /** Label with the container's name in the pod spec. */
  public static final String CONTAINER_NAME = "io.kubernetes.container.name";

  private static final String SAFE = "[bcdfghjklmnpqrstvwxz2456789]";
  private static final Pattern RANDOM_SUFFIX = Pattern.compile("^(.+)-" + SAFE + "{5}$");
  private static final Pattern TEMPLATE_HASH = Pattern.compile("^(.+)-" + SAFE + "{6,10}$");
  private static final Pattern CRON_MINUTE = Pattern.compile("^(.+)-[0-9]{8,10}$");
  private static final Pattern ORDINAL = Pattern.compile("^(.+)-(0|[1-9][0-9]{0,5})$");
  private static final Pattern HASH_FRAGMENT = Pattern.compile("^(.+)-" + SAFE + "{0,10}$");
  private static final Pattern SAFE5 = Pattern.compile(SAFE + "{5}");

  /** Kubernetes' {@code names.MaxGeneratedNameLength}: the kept part of a generated name. */
  static final int MAX_PREFIX = 58;

  private static final int MAX_LABEL = 253;

  private KubernetesWorkload() {}

  /**
   * The workload name of a Kubernetes-managed container, {@code
   * k8s/<namespace>/<owner>/<container>}, or empty when the labels do not say the container belongs
   * to a pod (or are not plausible).
   */
  public static Optional<String> identity(Map<String, String> labels) {
    String pod = labels.get(POD_NAME);
    String namespace = labels.get(POD_NAMESPACE);
    String container = labels.getOrDefault(CONTAINER_NAME, "");
    if (!plausible(pod) || !plausible(namespace)) {
      return Optional.empty();
    }
    if (!container.isEmpty() && !plausible(container)) {
      return Optional.empty();
    }
    String owner = owner(pod);
    return Optional.of(
        "k8s/" + namespace + "/" + owner + (container.isEmpty() ? "" : "/" + container));
  }

  /** The owner's name recovered from a pod name (see the class description). */
  public static String owner(String pod) {
    if (pod.length() == MAX_PREFIX + 5
        && SAFE5.matcher(pod.substring(MAX_PREFIX)).matches()
        && pod.charAt(MAX_PREFIX - 1) != '-') {
      // "<owner>-<hash cut off>" or "<owner cut off>", then 5 random characters without a dash.
      String kept = pod.substring(0, MAX_PREFIX);
      Matcher fragment = HASH_FRAGMENT.matcher(kept);
      return fragment.matches() ? fragment.group(1) : kept;
    }
    Matcher m = RANDOM_SUFFIX.matcher(pod);
    if (m.matches()) {
      String base = m.group(1);
      Matcher hash = TEMPLATE_HASH.matcher(base);
      if (hash.matches()) {
        return hash.group(1);
      }
      Matcher cron = CRON_MINUTE.matcher(base);
      if (cron.matches()) {
        return cron.group(1);
      }
      Matcher index = ORDINAL.matcher(base);
      if (index.matches()) {
        return index.group(1);
      }
      return base;
    }
    Matcher ordinal = ORDINAL.matcher(pod);
    if (ordinal.matches()) {
      return ordinal.group(1);
    }
    return pod;
  }

  /** A DNS-label-like value: what Kubernetes allows in names, bounded. */
  private static boolean plausible(String v) {
    return v != null
        && !v.isEmpty()
        && v.length() <= MAX_LABEL
        && v.chars()
            .allMatch(
                c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.');
  }
}
