package dev.bulkhead.cli.corpus;

import dev.bulkhead.cli.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Generates the labelled directory corpus: realistic files with planted secrets of every rule
 * family and malicious content, beside decoys that only look like secrets.
 *
 * <p>Token bodies come from a seeded generator, so labels and files are the same on every run;
 * private keys are made fresh by openssl, ssh-keygen and gpg (their positions do not change).
 */
final class SecretCorpus {
  /** The seed every test uses. */
  static final long SEED = 20261128L;

  private SecretCorpus() {}

  /** Writes the corpus under {@code root} (created if missing) and returns its labels. */
  static List<Label> generate(Path root, long seed) throws IOException {
    Files.createDirectories(root);
    Path scratch = Files.createTempDirectory("bh-corpus-keys");
    try {
      Keys keys = new Keys(scratch);
      Tokens tokens = new Tokens(seed);
      CorpusFiles files = new CorpusFiles(root);
      CloudSecrets.write(files, tokens, keys);
      KeyFiles.write(files, keys);
      ServiceTokens.write(files, tokens, keys);
      AppSecrets.write(files, tokens);
      MalwareFiles.write(files, tokens);
      Decoys.write(files, tokens, keys);
      return files.labels();
    } finally {
      Processes.check(null, List.of("rm", "-rf", scratch.toString()), 60);
    }
  }
}
