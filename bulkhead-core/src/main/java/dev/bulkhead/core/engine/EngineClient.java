package dev.bulkhead.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulkhead.core.BulkheadException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A small client for the Docker Engine API, which Docker Engine and podman's Docker-compatible
 * service both speak, over a UNIX socket ({@code unix:///run/podman/podman.sock}) or plain TCP
 * ({@code tcp://127.0.0.1:2375}).
 *
 * <p>One connection per request ({@code Connection: close}), a deadline per request, responses
 * bounded in size. Thread-safe: it holds no connection state.
 */
public final class EngineClient {

  /** The API version prefix sent with every path; podman and Docker 20.10+ both accept it. */
  public static final String API_VERSION = "v1.41";

  private static final int MAX_RESPONSE = 64 * 1024 * 1024;
  private static final int MAX_HEADER_LINE = 16 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ScheduledExecutorService DEADLINES =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "bulkhead-engine-deadline");
            t.setDaemon(true);
            return t;
          });

  private final String host;
  private final Path socket;
  private final InetSocketAddress tcp;
  private final Duration timeout;

  private EngineClient(String host, Path socket, InetSocketAddress tcp, Duration timeout) {
    this.host = host;
    this.socket = socket;
    this.tcp = tcp;
    this.timeout = timeout;
  }

  /**
   * A client for {@code host}: {@code unix:///path}, {@code tcp://host:port}, or {@code null} for
   * the default ({@code DOCKER_HOST}, then {@code /var/run/docker.sock}, then {@code
   * /run/podman/podman.sock}).
   *
   * @throws BulkheadException when the address is malformed or no default socket exists
   */
  public static EngineClient connect(String host, Duration timeout) throws BulkheadException {
    String h = host;
    if (h == null || h.isBlank()) {
      h = defaultHost();
    }
    if (h.startsWith("unix://")) {
      Path p = Path.of(h.substring("unix://".length()));
      return new EngineClient(h, p, null, timeout);
    }
    if (h.startsWith("tcp://") || h.startsWith("http://")) {
      URI u = URI.create(h.replaceFirst("^tcp://", "http://"));
      if (u.getHost() == null || u.getPort() < 0) {
        throw new BulkheadException(
            "container engine address "
                + h
                + " needs a host and a port, e.g. tcp://127.0.0.1:2375");
      }
      return new EngineClient(h, null, new InetSocketAddress(u.getHost(), u.getPort()), timeout);
    }
    throw new BulkheadException(
        "unsupported container engine address "
            + h
            + ": use unix:///path/to/docker.sock or tcp://host:port");
  }

  private static String defaultHost() throws BulkheadException {
    String env = System.getenv("DOCKER_HOST");
    if (env != null && !env.isBlank()) {
      return env;
    }
    for (String p : List.of("/var/run/docker.sock", "/run/podman/podman.sock")) {
      if (Files.exists(Path.of(p))) {
        return "unix://" + p;
      }
    }
    throw new BulkheadException(
        "no container engine socket found (DOCKER_HOST unset, no /var/run/docker.sock or"
            + " /run/podman/podman.sock): start one (e.g. `podman system service --time=0`) or"
            + " pass --host unix:///path/to/socket");
  }

  /** The address this client talks to, as given. */
  public String host() {
    return host;
  }

  /** GETs {@code path} (without the version prefix) and parses the JSON body; non-2xx fails. */
  public JsonNode getJson(String path) throws BulkheadException {
    Response r = request("GET", path, null);
    r.requireSuccess();
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new BulkheadException(
          "container engine at " + host + " answered " + path + " with invalid JSON", e);
    }
  }

  /** POSTs to {@code path} with no body; non-2xx (and not 304) fails. */
  public Response post(String path) throws BulkheadException {
    Response r = request("POST", path, null);
    if (r.status() != 304) {
      r.requireSuccess();
    }
    return r;
  }

  /**
   * Sends one request.
   *
   * @param method HTTP method
   * @param path absolute path without the {@link #API_VERSION} prefix, e.g. {@code /info}
   * @param jsonBody request body or {@code null}
   */
  public Response request(String method, String path, byte[] jsonBody) throws BulkheadException {
    if (!path.startsWith("/") || path.contains("\r") || path.contains("\n")) {
      throw new IllegalArgumentException("bad engine API path: " + path);
    }
    String target = "/" + API_VERSION + path;
    try (Conn c = open()) {
      ScheduledFuture<?> deadline =
          DEADLINES.schedule(c::closeQuietly, timeout.toMillis(), TimeUnit.MILLISECONDS);
      try {
        StringBuilder req = new StringBuilder();
        req.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        req.append("Host: docker\r\nUser-Agent: bulkhead\r\nConnection: close\r\n");
        byte[] body = jsonBody == null ? new byte[0] : jsonBody;
        if (jsonBody != null) {
          req.append("Content-Type: application/json\r\n");
        }
        req.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        OutputStream out = c.out();
        out.write(req.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return readResponse(c.in(), method + " " + path);
      } finally {
        deadline.cancel(false);
      }
    } catch (IOException e) {
      throw new BulkheadException(
          "cannot talk to the container engine at "
              + host
              + " ("
              + method
              + " "
              + path
              + "): "
              + e.getMessage()
              + "; is the service running and the socket readable?",
          e);
    }
  }

  private Response readResponse(InputStream in, String what) throws IOException {
    String status = readLine(in);
    if (status == null || !status.startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP response to " + what);
    }
    String[] parts = status.split(" ", 3);
    int code;
    try {
      code = Integer.parseInt(parts[1]);
    } catch (RuntimeException e) {
      throw new IOException("bad HTTP status line: " + status, e);
    }
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    int count = 0;
    for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
      if (++count > 200) {
        throw new IOException("too many response headers");
      }
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
      }
    }
    byte[] body;
    String te = headers.getOrDefault("Transfer-Encoding", "");
    if (te.toLowerCase(Locale.ROOT).contains("chunked")) {
      body = readChunked(in);
    } else if (headers.containsKey("Content-Length")) {
      long len = Long.parseLong(headers.get("Content-Length"));
      if (len > MAX_RESPONSE) {
        throw new IOException("response larger than " + MAX_RESPONSE + " bytes");
      }
      body = in.readNBytes((int) len);
    } else {
      body = readBounded(in);
    }
    return new Response(code, headers, body, what);
  }

  private static byte[] readChunked(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = readLine(in);
      if (sizeLine == null) {
        throw new IOException("chunked response ended early");
      }
      int semi = sizeLine.indexOf(';');
      String hex = (semi >= 0 ? sizeLine.substring(0, semi) : sizeLine).trim();
      int size;
      try {
        size = Integer.parseInt(hex, 16);
      } catch (NumberFormatException e) {
        throw new IOException("bad chunk size: " + hex, e);
      }
      if (size == 0) {
        for (String t = readLine(in); t != null && !t.isEmpty(); t = readLine(in)) {
          // trailers: ignored
        }
        return out.toByteArray();
      }
      if (size < 0 || out.size() + (long) size > MAX_RESPONSE) {
        throw new IOException("response larger than " + MAX_RESPONSE + " bytes");
      }
      out.write(in.readNBytes(size));
      readLine(in);
    }
  }

  private static byte[] readBounded(InputStream in) throws IOException {
    byte[] b = in.readNBytes(MAX_RESPONSE + 1);
    if (b.length > MAX_RESPONSE) {
      throw new IOException("response larger than " + MAX_RESPONSE + " bytes");
    }
    return b;
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        break;
      }
      if (b.size() >= MAX_HEADER_LINE) {
        throw new IOException("response line longer than " + MAX_HEADER_LINE + " bytes");
      }
      b.write(c);
    }
    if (c == -1 && b.size() == 0) {
      return null;
    }
    String s = b.toString(StandardCharsets.ISO_8859_1);
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }

  private Conn open() throws IOException {
    if (socket != null) {
      SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
      try {
        ch.connect(UnixDomainSocketAddress.of(socket));
      } catch (IOException e) {
        ch.close();
        throw e;
      }
      return new Conn(
          ch,
          new java.io.BufferedInputStream(Channels.newInputStream(ch)),
          Channels.newOutputStream(ch));
    }
    Socket s = new Socket();
    try {
      s.connect(tcp, (int) timeout.toMillis());
      s.setSoTimeout((int) timeout.toMillis());
    } catch (IOException e) {
      s.close();
      throw e;
    }
    return new Conn(s, new java.io.BufferedInputStream(s.getInputStream()), s.getOutputStream());
  }

  private record Conn(java.io.Closeable resource, InputStream in, OutputStream out)
      implements AutoCloseable {
    void closeQuietly() {
      try {
        resource.close();
      } catch (IOException ignored) {
        // already closed
      }
    }

    @Override
    public void close() throws IOException {
      resource.close();
    }
  }

  /**
   * An engine API response.
   *
   * @param status HTTP status
   * @param headers response headers (case-insensitive keys)
   * @param body the body, de-chunked
   * @param what method and path, for messages
   */
  public record Response(int status, Map<String, String> headers, byte[] body, String what) {
    /** The body as UTF-8 text. */
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** Fails with the engine's own message when the status is not 2xx. */
    public void requireSuccess() throws BulkheadException {
      if (status / 100 != 2) {
        String msg = text();
        try {
          JsonNode n = JSON.readTree(body);
          if (n != null && n.hasNonNull("message")) {
            msg = n.get("message").asText();
          }
        } catch (IOException ignored) {
          // keep the raw text
        }
        List<String> parts = new ArrayList<>();
        parts.add("container engine refused " + what + " with HTTP " + status);
        if (!msg.isBlank()) {
          parts.add(msg.strip());
        }
        throw new BulkheadException(String.join(": ", parts));
      }
    }
  }
}
