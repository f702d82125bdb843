package dev.bulkhead.cli.corpus;

import java.io.IOException;

/** Plants real private keys of every kind where servers and users keep them. */
final class KeyFiles {
  private KeyFiles() {}

  static void write(CorpusFiles files, Keys keys) throws IOException {
    key(files, "root/.ssh/id_rsa", keys.rsa(false));
    key(files, "home/deploy/.ssh/id_ed25519", keys.openssh("id_ed25519", false));
    key(files, "home/deploy/.ssh/id_ed25519_backup", keys.openssh("id_ed25519_enc", true));
    key(files, "etc/nginx/tls/shop.example.com.key", keys.pkcs8(false));
    key(files, "srv/app/keys/token-signing.pem", keys.pkcs8(true));
    key(files, "srv/app/keys/legacy-rsa-encrypted.pem", keys.rsa(true));
    key(files, "etc/ipsec.d/private/gateway-ec.pem", keys.ec());
    key(files, "opt/legacy/etc/ssh_host_dsa_key", keys.dsa());
    key(files, "home/deploy/backup/release-signing-secret.asc", keys.pgp());
    String indented = "    " + keys.ec().strip().replace("\n", "\n    ");
    files
        .doc("srv/app/helm/values-prod.yaml")
        .line("replicaCount: 3", "image:", "  repository: registry.example.com/shop/api")
        .line("  tag: \"2.14.1\"", "tls:", "  enabled: true", "  key: |")
        .secret(Families.PRIVATE_KEY, indented)
        .line("resources:", "  limits:", "    memory: 512Mi")
        .write();
  }

  private static void key(CorpusFiles files, String path, String pem) throws IOException {
    files.doc(path).secret(Families.PRIVATE_KEY, pem).write();
  }
}
