package dev.bulkhead.cli.corpus;

import dev.bulkhead.cli.Processes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Generates real private keys of every kind with openssl, ssh-keygen and gpg at test time, so the
 * repository never holds a private key.
 */
final class Keys {
  private static final String PASS = "corpus-passphrase";
  private final Path dir;

  /** Creates a generator that keeps its scratch files under {@code dir}. */
  Keys(Path dir) {
    this.dir = dir;
  }

  /** Returns a PKCS#1 RSA key ({@code BEGIN RSA PRIVATE KEY}), encrypted when asked. */
  String rsa(boolean encrypted) throws IOException {
    return encrypted
        ? openssl("genrsa", "-traditional", "-aes128", "-passout", "pass:" + PASS, "2048")
        : openssl("genrsa", "-traditional", "2048");
  }

  /** Returns a SEC1 EC key ({@code BEGIN EC PRIVATE KEY}). */
  String ec() throws IOException {
    return openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout");
  }

  /** Returns a traditional DSA key ({@code BEGIN DSA PRIVATE KEY}). */
  String dsa() throws IOException {
    Path params = dir.resolve("dsa-params.pem");
    Path key = dir.resolve("dsa.pem");
    openssl(
        "genpkey",
        "-genparam",
        "-algorithm",
        "DSA",
        "-pkeyopt",
        "dsa_paramgen_bits:1024",
        "-out",
        params.toString());
    openssl("genpkey", "-paramfile", params.toString(), "-out", key.toString());
    return openssl("pkey", "-in", key.toString(), "-traditional");
  }

  /** Returns a PKCS#8 key ({@code BEGIN PRIVATE KEY} or {@code BEGIN ENCRYPTED PRIVATE KEY}). */
  String pkcs8(boolean encrypted) throws IOException {
    return encrypted
        ? openssl(
            "genpkey",
            "-algorithm",
            "RSA",
            "-pkeyopt",
            "rsa_keygen_bits:2048",
            "-aes-256-cbc",
            "-pass",
            "pass:" + PASS)
        : openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048");
  }

  /** Returns a self-signed certificate (public: {@code BEGIN CERTIFICATE}), not a secret. */
  String certificate() throws IOException {
    return openssl(
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-keyout",
        dir.resolve("cert-key.pem").toString(),
        "-subj",
        "/CN=corpus-ca.example.invalid",
        "-days",
        "365");
  }

  /** Returns an OpenSSH ed25519 key ({@code BEGIN OPENSSH PRIVATE KEY}). */
  String openssh(String name, boolean encrypted) throws IOException {
    Path key = dir.resolve(name);
    Processes.check(
        dir,
        List.of(
            "ssh-keygen",
            "-q",
            "-t",
            "ed25519",
            "-N",
            encrypted ? PASS : "",
            "-C",
            "corpus@example.invalid",
            "-f",
            key.toString()),
        60);
    return Files.readString(key, StandardCharsets.US_ASCII);
  }

  /** Returns the public half of a key {@link #openssh} wrote as {@code name}. */
  String publicKey(String name) throws IOException {
    return Files.readString(dir.resolve(name + ".pub"), StandardCharsets.US_ASCII);
  }

  /** Returns an armored OpenPGP secret key ({@code BEGIN PGP PRIVATE KEY BLOCK}). */
  String pgp() throws IOException {
    Path home = Files.createDirectories(dir.resolve("gnupg"));
    Files.setPosixFilePermissions(
        home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    List<String> gpg =
        List.of(
            "gpg",
            "--batch",
            "--homedir",
            home.toString(),
            "--pinentry-mode",
            "loopback",
            "--passphrase",
            "");
    try {
      Processes.check(
          dir,
          concat(
              gpg,
              "--quick-gen-key",
              "Corpus Test <corpus@example.invalid>",
              "ed25519",
              "default",
              "never"),
          120);
      return Processes.check(dir, concat(gpg, "--armor", "--export-secret-keys"), 60);
    } finally {
      Processes.check(dir, List.of("gpgconf", "--homedir", home.toString(), "--kill", "all"), 30);
    }
  }

  private String openssl(String... args) throws IOException {
    return Processes.check(dir, concat(List.of("openssl"), args), 120);
  }

  private static List<String> concat(List<String> head, String... tail) {
    List<String> all = new java.util.ArrayList<>(head);
    all.addAll(List.of(tail));
    return all;
  }
}
