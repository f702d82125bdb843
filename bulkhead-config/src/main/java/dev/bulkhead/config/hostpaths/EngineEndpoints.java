package dev.bulkhead.config.hostpaths;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises container engine API sockets among host paths and loopback registry addresses. The
 * compose scanner, the daemon.json scanner and the live audit all decide with this one class, so a
 * path flagged in a compose file is flagged on a running container too.
 *
 * <p>A host path exposes an engine when it is an engine socket ({@code docker.sock}, {@code
 * podman.sock}, {@code containerd.sock}, {@code crio.sock}, {@code cri-dockerd.sock} anywhere, or
 * the Windows named pipe {@code //./pipe/docker_engine}), or a directory holding one: {@code /run}
 * and {@code /var/run}, their {@code docker}, {@code podman}, {@code containerd} and {@code crio}
 * subdirectories, and a rootless user's runtime directory {@code /run/user/UID} (with its {@code
 * docker} and {@code podman} subdirectories).
 */
public final class EngineEndpoints {
  private static final int MAX_PATH = 4096;
  private static final Pattern SOCKET =
      Pattern.compile("(?i)(?:.*/)?(?:docker|podman|containerd|crio|cri-dockerd)\\.sock");
  private static final Pattern PIPE = Pattern.compile("(?i)//\\./pipe/(?:docker_engine|podman.*)");
  private static final Pattern SOCKET_DIR =
      Pattern.compile(
          "(?:/var)?/run(?:/(?:docker|podman|containerd|crio)|/user/\\d{1,10}(?:/(?:docker|podman))?)?");
  private static final Pattern LOOPBACK =
      Pattern.compile(
          "(?i)(?:localhost|127(?:\\.\\d{1,3}){0,3}|::1|\\[::1])(?::\\d{1,5})?(?:/\\d{1,3})?");

  private EngineEndpoints() {}

  /**
   * Whether mounting this host path into a container hands it an engine API socket.
   *
   * @param hostPath the host side of a bind mount, as written (trailing and doubled slashes, and
   *     backslashes of Windows pipe names, are tolerated)
   */
  public static boolean exposesEngineSocket(String hostPath) {
    if (hostPath == null || hostPath.isBlank() || hostPath.length() > MAX_PATH) {
      return false;
    }
    String p = normalise(hostPath.strip());
    return SOCKET.matcher(p).matches()
        || PIPE.matcher(p).matches()
        || SOCKET_DIR.matcher(p).matches();
  }

  /** Whether a registry address ({@code host[:port]} or a CIDR) is the local host only. */
  public static boolean isLoopback(String address) {
    if (address == null || address.length() > 300) {
      return false;
    }
    String a = address.strip().toLowerCase(Locale.ROOT);
    int scheme = a.indexOf("://");
    if (scheme >= 0) {
      a = a.substring(scheme + 3);
    }
    return LOOPBACK.matcher(a.replaceAll("/+$", "")).matches();
  }

  /** Turns backslashes into slashes, folds repeated slashes (keeping a leading {@code //}). */
  private static String normalise(String p) {
    String s = p.replace('\\', '/');
    String lead = s.startsWith("//") ? "//" : "";
    s = lead + s.substring(lead.length()).replaceAll("/{2,}", "/");
    while (s.length() > 1 && s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }
}
