package dev.bulkhead.image.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Issues registry bearer tokens as the distribution token spec describes: RS256 JWTs whose {@code
 * x5c} header carries a self-signed certificate made with the {@code openssl} CLI, granting the
 * requested scopes to one user and nothing to anonymous callers.
 */
final class TokenServer implements AutoCloseable {
  static final String ISSUER = "bulkhead-test-issuer";
  static final String SERVICE = "bulkhead-test-registry";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final Path certificate;
  private final PrivateKey key;
  private final String certificateDer;
  private final String expectedAuthorization;
  private final String tokenField;
  final List<String> scopes = new ArrayList<>();

  /**
   * Starts a token server on loopback.
   *
   * @param tokenField {@code token} or {@code access_token}
   */
  TokenServer(Path dir, String username, String password, String tokenField)
      throws IOException, InterruptedException, java.security.GeneralSecurityException {
    LocalRegistry.requireTool("openssl");
    Path keyFile = dir.resolve("token.key");
    certificate = dir.resolve("token.crt");
    LocalRegistry.run(
        List.of(
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=bulkhead-test-token",
            "-keyout",
            keyFile.toString(),
            "-out",
            certificate.toString()),
        dir);
    key =
        KeyFactory.getInstance("RSA")
            .generatePrivate(new PKCS8EncodedKeySpec(pem(keyFile, "PRIVATE KEY")));
    certificateDer = Base64.getEncoder().encodeToString(pem(certificate, "CERTIFICATE"));
    expectedAuthorization = new Credentials(username, password).basicHeader();
    this.tokenField = tokenField;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/token", this::handle);
    server.start();
  }

  private static byte[] pem(Path file, String type) throws IOException {
    String text = Files.readString(file);
    int start = text.indexOf("-----BEGIN " + type + "-----");
    int end = text.indexOf("-----END " + type + "-----");
    String body = text.substring(start + type.length() + 16, end).replaceAll("\\s", "");
    return Base64.getDecoder().decode(body);
  }

  /** Returns the registry's {@code auth:} YAML block for this server. */
  String registryYaml() {
    return "auth:\n  token:\n    realm: "
        + realm()
        + "\n    service: "
        + SERVICE
        + "\n    issuer: "
        + ISSUER
        + "\n    rootcertbundle: "
        + certificate
        + "\n";
  }

  String realm() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
  }

  private void handle(HttpExchange exchange) throws IOException {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization != null && !authorization.equals(expectedAuthorization)) {
      send(exchange, 401, "{\"details\":\"wrong credentials\"}");
      return;
    }
    ArrayNode access = JSON.createArrayNode();
    String query = exchange.getRequestURI().getRawQuery();
    for (String pair : query == null ? new String[0] : query.split("&")) {
      if (pair.startsWith("scope=")) {
        String scope = URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
        synchronized (scopes) {
          scopes.add(scope);
        }
        String[] parts = scope.split(":");
        if (authorization != null && parts.length == 3) {
          ObjectNode grant = access.addObject();
          grant.put("type", parts[0]).put("name", parts[1]);
          ArrayNode actions = grant.putArray("actions");
          for (String action : parts[2].split(",")) {
            actions.add(action);
          }
        }
      }
    }
    try {
      send(exchange, 200, JSON.createObjectNode().put(tokenField, jwt(access)).toString());
    } catch (java.security.GeneralSecurityException e) {
      send(exchange, 500, "{}");
    }
  }

  private String jwt(ArrayNode access) throws IOException, java.security.GeneralSecurityException {
    ObjectNode header = JSON.createObjectNode().put("alg", "RS256").put("typ", "JWT");
    header.putArray("x5c").add(certificateDer);
    long now = Instant.now().getEpochSecond();
    ObjectNode claims =
        JSON.createObjectNode()
            .put("iss", ISSUER)
            .put("sub", "tester")
            .put("aud", SERVICE)
            .put("exp", now + 300)
            .put("nbf", now - 60)
            .put("iat", now)
            .put("jti", UUID.randomUUID().toString());
    claims.set("access", access);
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String signingInput =
        b64.encodeToString(JSON.writeValueAsBytes(header))
            + "."
            + b64.encodeToString(JSON.writeValueAsBytes(claims));
    Signature signature = Signature.getInstance("SHA256withRSA");
    signature.initSign(key);
    signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + b64.encodeToString(signature.sign());
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
