package dev.bulkhead.cli.corpus;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.UUID;
import javax.imageio.ImageIO;

/**
 * Writes files that look like secrets but are not: documented example keys, placeholders,
 * templates, identifiers, hashes, base64 images, public keys and prose. Every finding on them is a
 * false positive.
 */
final class Decoys {
  private Decoys() {}

  static void write(CorpusFiles files, Tokens t, Keys keys) throws IOException {
    files
        .doc("usr/share/doc/awscli/examples/configure.md")
        .line("# Configuring the CLI", "", "Run `aws configure` and answer the prompts:", "")
        .line("    AWS Access Key ID [None]: AKIAIOSFODNN7EXAMPLE")
        .line("    AWS Secret Access Key [None]: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
        .line("", "The file `~/.aws/credentials` then reads:", "", "    [default]")
        .line("    aws_access_key_id = AKIAIOSFODNN7EXAMPLE")
        .line("    aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
        .write();
    files
        .doc("srv/app/README.md")
        .line("# shop-api", "", "## Local development", "")
        .line("Use the AWS documentation's example key pair with localstack:", "", "```")
        .line("export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE")
        .line("export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
        .line("export DATABASE_URL=postgres://shop:${DB_PASSWORD}@localhost:5432/shop", "```")
        .write();
    files
        .doc("srv/app/.env.example")
        .line("APP_ENV=development", "DB_HOST=localhost", "DB_PASSWORD=changeme")
        .line("password=changeme", "SECRET_KEY=your-secret-key-here", "API_TOKEN=<your token>")
        .line("AWS_ACCESS_KEY_ID=", "AWS_SECRET_ACCESS_KEY=", "STRIPE_SECRET_KEY=sk_live_xxxxxxxx")
        .write();
    files
        .doc("srv/app/deploy/templates/app.yaml.tmpl")
        .line("database:", "  host: {{ .Values.db.host }}", "  password: ${DB_PASSWORD}")
        .line("  url: postgres://${DB_USER}:${DB_PASSWORD}@${DB_HOST}:5432/app")
        .line("api:", "  token: \"{{ .Values.apiToken }}\"", "  secret: ${API_SECRET:-}")
        .line("  client_secret: $(cat /run/secrets/client_secret)")
        .write();
    CorpusFiles.Doc ids = files.doc("var/lib/app/ids.log");
    for (int i = 0; i < 40; i++) {
      ids.line(
          "2026-11-0"
              + (1 + i % 9)
              + "T10:00:00Z request_id="
              + new UUID(t.nextInt(Integer.MAX_VALUE) * 7919L, i * 104729L + 13)
              + " commit="
              + t.hex(40)
              + " trace="
              + t.hex(32));
    }
    ids.write();
    CorpusFiles.Doc sums = files.doc("srv/app/dist/SHA256SUMS");
    for (int i = 0; i < 20; i++) {
      sums.line(t.hex(64) + "  shop-api-2.14." + i + "-linux-amd64.tar.gz");
    }
    sums.write();
    files
        .doc("srv/app/package-lock.json")
        .line("{", "  \"name\": \"shop-web\",", "  \"lockfileVersion\": 3,", "  \"packages\": {")
        .line("    \"node_modules/react\": {", "      \"version\": \"18.3.1\",")
        .line("      \"integrity\": \"sha512-" + t.base64Bytes(64) + "\"", "    },")
        .line("    \"node_modules/lodash\": {", "      \"version\": \"4.17.21\",")
        .line("      \"integrity\": \"sha512-" + t.base64Bytes(64) + "\"", "    }", "  }", "}")
        .write();
    CorpusFiles.Doc gosum = files.doc("srv/app/go.sum");
    for (int i = 0; i < 10; i++) {
      gosum.line("github.com/example/mod" + i + " v1." + i + ".0 h1:" + t.base64Bytes(32));
    }
    gosum.write();
    files
        .doc("srv/app/static/css/logo.css")
        .line(".logo {", "  width: 64px;")
        .line("  background: url(data:image/png;base64," + png(t) + ");", "}")
        .write();
    files.doc("home/deploy/.ssh/id_ed25519.pub").line(publicKey(keys)).write();
    files.doc("etc/ssl/certs/corpus-ca.pem").line(keys.certificate()).write();
    files
        .doc("usr/share/doc/lorem/README.txt")
        .line(
            "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor",
            "incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud",
            "exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure",
            "dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur.",
            "The password field must be at least 12 characters; the secret is never logged.",
            "Set token to the value printed by `shop-admin token create`.")
        .write();
    files
        .doc("srv/app/docs/keys.md")
        .line("# Keys", "", "Put the signing key in `keys/token-signing.pem`. It starts with")
        .line("`-----BEGIN ENCRYPTED PRIVATE KEY-----`; never commit it.")
        .write();
  }

  private static String publicKey(Keys keys) throws IOException {
    keys.openssh("decoy_ed25519", false);
    return keys.publicKey("decoy_ed25519");
  }

  private static String png(Tokens t) throws IOException {
    BufferedImage image = new BufferedImage(24, 24, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 24; x++) {
      for (int y = 0; y < 24; y++) {
        image.setRGB(x, y, t.nextInt(0xFFFFFF));
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return Base64.getEncoder().encodeToString(out.toByteArray());
  }
}
