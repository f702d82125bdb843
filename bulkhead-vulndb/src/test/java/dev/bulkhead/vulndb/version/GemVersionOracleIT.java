package dev.bulkhead.vulndb.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compares {@link GemVersion} with RubyGems' {@code Gem::Version} (Debian's {@code ruby}) on the
 * table versions and thousands of generated pairs, in one ruby process.
 */
class GemVersionOracleIT {
  private static final int GENERATED = 6000;
  private static final long SEED = 20240614L;
  private static final String SCRIPT =
      """
      require 'rubygems'
      File.open(ARGV[1], 'w') do |out|
        File.foreach(ARGV[0]) do |line|
          a, b = line.chomp("\\n").split("\\t", -1)
          va = Gem::Version.correct?(a) ? 1 : 0
          vb = Gem::Version.correct?(b) ? 1 : 0
          c = va == 1 && vb == 1 ? (Gem::Version.new(a) <=> Gem::Version.new(b)) : 0
          out.puts "#{va} #{vb} #{c}"
        end
      end
      """;

  @TempDir Path dir;

  @Test
  void agreesWithRubyGemsOnTableAndGeneratedPairs() throws Exception {
    Oracle.require("ruby", "ruby");
    List<String> pool =
        new ArrayList<>(
            AscendingVersions.versions(AscendingVersions.load("gem-vectors/ascending.txt")));
    for (VersionPair p : VersionPair.load("gem-vectors/pairs.txt")) {
      pool.add(p.a());
      pool.add(p.b());
    }
    LanguageVersionGenerator gen = new LanguageVersionGenerator(SEED);
    pool.addAll(gen.gem(1500));
    List<String[]> pairs = gen.pairs(pool, GENERATED);

    Path in = OracleVerdicts.writePairs(dir, pairs);
    Path out = dir.resolve("answers.txt");
    Path script = dir.resolve("oracle.rb");
    Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
    Path log = dir.resolve("stdout.txt");
    int rc =
        Oracle.run(List.of("ruby", script.toString(), in.toString(), out.toString()), log, 120);
    assertThat(rc).as("ruby exit status; stderr: %s", Oracle.stderrBeside(log)).isZero();
    OracleVerdicts.assertAgree(
        "RubyGems", new GemVersion(), GemVersion::isValid, pairs, out, 4000, 100);
  }
}
