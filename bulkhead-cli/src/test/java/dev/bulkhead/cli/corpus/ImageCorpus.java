package dev.bulkhead.cli.corpus;

import dev.bulkhead.cli.TestImages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds a three-layer docker-archive that leaks secrets the way real builds do: a {@code .env}
 * copied in one layer and deleted (whiteout) by the next, an npm token passed as a build argument
 * into history, and a Stripe key in the image environment.
 */
final class ImageCorpus {
  /** The file the second layer adds and the third deletes. */
  static final String DELETED_ENV = "srv/app/.env";

  private ImageCorpus() {}

  /**
   * What the archive holds: its path, labels, the diff ids of its three layers, and the secret
   * values planted in its metadata.
   */
  record Built(
      Path archive, List<Label> labels, List<String> diffIds, List<String> metadataSecrets) {}

  /** Writes the image under {@code work} and returns it with its labels. */
  static Built build(Path work, long seed) throws IOException {
    Tokens t = new Tokens(seed + 1);
    CorpusFiles base = new CorpusFiles(work.resolve("layer0"));
    base.doc("etc/hostname").line("shop-api").write();
    base.doc("srv/app/README.md").line("# shop-api", "", "Runs the shop API.").write();

    CorpusFiles app = new CorpusFiles(work.resolve("layer1"));
    app.doc("srv/app/package.json").line("{\"name\":\"shop-api\",\"version\":\"2.14.1\"}").write();
    app.doc(DELETED_ENV)
        .line("NODE_ENV=production")
        .secret(Families.AWS, "AWS_ACCESS_KEY_ID=" + t.awsKeyId())
        .secret(Families.AWS, "AWS_SECRET_ACCESS_KEY=" + t.awsSecret())
        .write();

    CorpusFiles cleanup = new CorpusFiles(work.resolve("layer2"));
    cleanup.write("srv/app/.wh..env", new byte[0]);
    cleanup.doc("srv/app/node_modules/express/package.json").line("{\"name\":\"express\"}").write();

    String npmToken = "npm_" + t.alnum(36);
    String stripe = "sk_live_" + t.alnum(99);
    List<TestImages.Step> steps =
        List.of(
            TestImages.Step.layer(base.root(), "/bin/sh -c #(nop) ADD file:4d3b1c0e9a in / "),
            TestImages.Step.empty("ARG NPM_TOKEN"),
            TestImages.Step.layer(app.root(), "COPY . /srv/app # buildkit"),
            TestImages.Step.layer(
                cleanup.root(),
                "RUN |1 NPM_TOKEN="
                    + npmToken
                    + " /bin/sh -c echo \"//registry.npmjs.org/:_authToken=$NPM_TOKEN\""
                    + " > .npmrc && npm ci --omit=dev && rm -f .npmrc .env # buildkit"),
            TestImages.Step.empty("ENV STRIPE_API_KEY=" + stripe),
            TestImages.Step.empty("CMD [\"node\" \"server.js\"]"));
    List<String> env =
        List.of(
            "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "NODE_ENV=production",
            "STRIPE_API_KEY=" + stripe);
    Path archive = work.resolve("leaky-image.tar");
    TestImages.ImageConfig config =
        new TestImages.ImageConfig(
            env,
            List.of("node", "server.js"),
            Map.of("org.opencontainers.image.title", "shop-api"),
            "2026-11-01T10:00:00Z",
            "bulkhead-corpus/leaky:latest");
    List<String> diffIds = TestImages.dockerArchive(steps, config, archive);

    List<Label> labels = new ArrayList<>(app.labels());
    labels.add(Label.of("history[3]", 0, Families.NPM));
    labels.add(Label.of("history[4]", 0, Families.STRIPE));
    labels.add(Label.of("config:Env", 0, Families.STRIPE));
    return new Built(archive, labels, diffIds, List.of(npmToken, stripe));
  }
}
