package dev.bulkhead.config.dockerfile;

import dev.bulkhead.config.model.ConfigFinding;
import dev.bulkhead.config.model.Location;
import dev.bulkhead.config.model.ResourceRef;
import dev.bulkhead.config.model.Rule;
import dev.bulkhead.config.spi.ConfigParseException;
import dev.bulkhead.config.spi.ConfigScanner;
import dev.bulkhead.config.spi.ScannedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks Dockerfiles ({@code Dockerfile}, {@code *.Dockerfile}, {@code Containerfile}...). */
public final class DockerfileScanner implements ConfigScanner {
  private static final Pattern NAME =
      Pattern.compile("(?i)(docker|container)file([.-].*)?|.*[.-](docker|container)file");
  private static final Pattern FIRST_INSTRUCTION = Pattern.compile("(?im)^\\s*(FROM|ARG)\\s+\\S+");
  private static final Pattern PIPE_TO_SHELL =
      Pattern.compile(
          "\\b(curl|wget)\\b[^;&\\n]{0,400}?(?<!\\|)\\|(?!\\|)&?\\s*(?:sudo\\s+(?:-\\S++\\s+)*+)?"
              + "(?:env\\s+(?:[^\\s=]++=\\S*+\\s+)*+)?(?:/usr)?(?:/local)?(?:/bin/)?"
              + "(?:ba|z|k|da|a|fi)?sh\\b|\\b(curl|wget)\\b[^;&\\n]{0,400}?(?<!\\|)\\|(?!\\|)&?\\s*"
              + "(?:sudo\\s+)?(?:/usr/bin/)?(?:python[0-9.]*|perl|ruby|node)\\b"
              + "|\\b(?:ba|z|k|da|a)?sh\\s+(?:-\\w+\\s+)*(?:-c\\s+)?[\"']?(?:\\$\\(|<\\()\\s*(curl|wget)\\b");
  private static final Pattern SUDO =
      Pattern.compile("(?:^|[;&|(`\\n]|\\$\\(|\\bthen\\b|\\bdo\\b|\\belse\\b)\\s*sudo(?:\\s|$)");
  private static final Pattern APT_INSTALL =
      Pattern.compile("\\bapt(?:-get)?\\s+(?:-\\S+\\s+)*install\\b");
  private static final Pattern APT_CLEAN =
      Pattern.compile("\\brm\\s+[^;&|\\n]{0,400}/var/lib/apt/lists");
  private static final Pattern WORD = Pattern.compile("\\S+");
  private static final Pattern URL =
      Pattern.compile("(?i)^(?:https?|ftp)://\\S+|^git@\\S+|^git://\\S+");

  private final List<ScannedResource> scanned = new ArrayList<>();

  @Override
  public List<ScannedResource> scannedResources() {
    return List.copyOf(scanned);
  }

  @Override
  public String fileKind() {
    return "dockerfile";
  }

  @Override
  public List<Rule> rules() {
    return DockerfileRules.ALL;
  }

  @Override
  public boolean accepts(String fileName, String head) {
    if (NAME.matcher(fileName).matches()) {
      return !fileName.toLowerCase(Locale.ROOT).endsWith(".dockerignore");
    }
    if (!fileName.equals("-")) {
      return false;
    }
    Matcher m = FIRST_INSTRUCTION.matcher(head);
    return m.find() && !head.contains("apiVersion:");
  }

  @Override
  public List<ConfigFinding> scan(String file, String text) throws ConfigParseException {
    Dockerfile df = DockerfileParser.parse(file, text);
    List<ConfigFinding> out = new ArrayList<>();
    for (Stage s : df.stages()) {
      ResourceRef ref = ref(s);
      scanned.add(new ScannedResource(ref, at(file, s.from())));
      checkBase(file, df, s, ref, out);
      for (Instruction i : s.instructions()) {
        switch (i.keyword()) {
          case "RUN":
            checkRun(file, i, ref, out);
            break;
          case "ADD":
            checkAdd(file, i, ref, out);
            break;
          case "ENV":
          case "ARG":
            checkSecrets(file, i, ref, out);
            break;
          default:
            break;
        }
      }
    }
    for (Instruction i : df.instructions()) {
      if (i.keyword().equals("ARG")
          && df.stages().stream().noneMatch(s -> s.from().line() < i.line())) {
        checkSecrets(file, i, new ResourceRef("Dockerfile", null, "global"), out);
      }
    }
    if (!df.stages().isEmpty()) {
      Stage last = df.stages().get(df.stages().size() - 1);
      checkUser(file, df, last, out);
      checkHealthcheck(file, df, last, out);
    }
    return out;
  }

  private static ResourceRef ref(Stage s) {
    return new ResourceRef(
        "DockerfileStage", null, s.name() != null ? s.name() : "stage " + s.index());
  }

  private static Location at(String file, Instruction i, int offset) {
    if (i.args().isEmpty()) {
      return new Location(file, i.line(), i.column());
    }
    return new Location(file, i.positions().lineAt(offset), i.positions().columnAt(offset));
  }

  private static Location at(String file, Instruction i) {
    return new Location(file, i.line(), i.column());
  }

  private static void checkBase(
      String file, Dockerfile df, Stage s, ResourceRef ref, List<ConfigFinding> out) {
    String image = s.image();
    if (image == null
        || image.isEmpty()
        || image.equalsIgnoreCase("scratch")
        || df.parent(s) != null) {
      return;
    }
    if (image.contains("@")) {
      return;
    }
    int slash = image.lastIndexOf('/');
    int colon = image.lastIndexOf(':');
    String tag = colon > slash ? image.substring(colon + 1) : null;
    String why;
    if (tag == null) {
      why = "has no tag, so it means " + image + ":latest";
    } else if (tag.equals("latest")) {
      why = "uses the latest tag";
    } else {
      return;
    }
    out.add(
        ConfigFinding.of(
            DockerfileRules.UNPINNED_BASE,
            at(file, s.from(), s.imageOffset()),
            ref,
            "FROM " + image + " " + why + "; pin a version tag (and digest)"));
  }

  private static void checkRun(
      String file, Instruction i, ResourceRef ref, List<ConfigFinding> out) {
    String cmd = i.commandText();
    Matcher pipe = PIPE_TO_SHELL.matcher(cmd);
    if ((cmd.contains("curl") || cmd.contains("wget")) && pipe.find()) {
      out.add(
          ConfigFinding.of(
              DockerfileRules.PIPE_TO_SHELL,
              atCommand(file, i, pipe.start()),
              ref,
              "RUN pipes a download into an interpreter: " + excerpt(pipe.group())));
    }
    Matcher sudo = SUDO.matcher(cmd);
    if (cmd.contains("sudo") && sudo.find()) {
      int off = cmd.indexOf("sudo", sudo.start());
      out.add(
          ConfigFinding.of(
              DockerfileRules.SUDO,
              atCommand(file, i, off),
              ref,
              "RUN calls sudo; use USER to switch users instead"));
    }
    Matcher apt = APT_INSTALL.matcher(cmd);
    if (cmd.contains("apt") && apt.find() && !APT_CLEAN.matcher(cmd).find() && !listsMounted(i)) {
      out.add(
          ConfigFinding.of(
              DockerfileRules.APT_LISTS,
              atCommand(file, i, apt.start()),
              ref,
              "RUN runs apt-get install without rm -rf /var/lib/apt/lists/* in the same step"));
    }
  }

  private static boolean listsMounted(Instruction i) {
    String m = i.flags().getOrDefault("mount", "");
    for (String one : m.split("\n")) {
      if (one.contains("/var/lib/apt/lists")
          && (one.contains("type=cache") || one.contains("type=tmpfs"))) {
        return true;
      }
    }
    return false;
  }

  /** The position of character {@code cmdOffset} of {@link Instruction#commandText()}. */
  private static Location atCommand(String file, Instruction i, int cmdOffset) {
    int head = i.json() != null ? String.join(" ", i.json()).length() : i.args().length();
    if (cmdOffset < head) {
      return at(file, i, i.json() != null ? 0 : cmdOffset);
    }
    int off = cmdOffset - head;
    for (Instruction.Heredoc h : i.heredocs()) {
      off--; // the newline before each body
      if (off < h.body().length()) {
        String before = h.body().substring(0, Math.max(0, off));
        int nl = before.lastIndexOf('\n');
        int lineInBody = (int) before.chars().filter(c -> c == '\n').count();
        return new Location(file, h.line() + lineInBody, off - nl);
      }
      off -= h.body().length();
    }
    return at(file, i);
  }

  private static String excerpt(String s) {
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() > 120 ? one.substring(0, 117) + "..." : one;
  }

  private static void checkAdd(
      String file, Instruction i, ResourceRef ref, List<ConfigFinding> out) {
    if (i.flags().containsKey("checksum")) {
      return;
    }
    List<String> words = new ArrayList<>();
    List<Integer> offsets = new ArrayList<>();
    if (i.json() != null) {
      words.addAll(i.json());
      i.json().forEach(w -> offsets.add(Math.max(0, i.args().indexOf(w))));
    } else {
      Matcher m = WORD.matcher(i.args());
      while (m.find()) {
        words.add(m.group());
        offsets.add(m.start());
      }
    }
    for (int k = 0; k < words.size() - 1; k++) {
      if (URL.matcher(words.get(k)).find()) {
        out.add(
            ConfigFinding.of(
                DockerfileRules.ADD_URL,
                at(file, i, offsets.get(k)),
                ref,
                "ADD fetches " + excerpt(words.get(k)) + " without a checksum"));
      }
    }
  }

  private static void checkSecrets(
      String file, Instruction i, ResourceRef ref, List<ConfigFinding> out) {
    boolean env = i.keyword().equals("ENV");
    for (KeyValues.Pair p : KeyValues.parse(i.args(), env)) {
      String why = SecretNames.why(p.key(), p.value(), env);
      if (why != null) {
        out.add(
            ConfigFinding.of(
                DockerfileRules.SECRET_IN_ENV,
                at(file, i, p.offset()),
                ref,
                i.keyword() + " " + p.key() + " " + why));
      }
    }
  }

  private static void checkUser(String file, Dockerfile df, Stage last, List<ConfigFinding> out) {
    Stage s = last;
    for (int guard = 0; s != null && guard <= df.stages().size(); guard++) {
      Instruction user = null;
      for (Instruction i : s.instructions()) {
        if (i.keyword().equals("USER")) {
          user = i;
        }
      }
      if (user != null) {
        String name = user.args().strip().split("\\s+")[0];
        String u = name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
        if (u.equals("root") || u.equals("0") || u.equalsIgnoreCase("ContainerAdministrator")) {
          out.add(
              ConfigFinding.of(
                  DockerfileRules.ROOT_USER,
                  at(file, user, 0),
                  ref(last),
                  "the final image runs as USER "
                      + name
                      + (s == last ? "" : " (set in stage " + ref(s).name() + ")")
                      + "; switch to an unprivileged user"));
        }
        return;
      }
      s = df.parent(s);
    }
    out.add(
        ConfigFinding.of(
            DockerfileRules.ROOT_USER,
            at(file, last.from()),
            ref(last),
            "the final stage (FROM "
                + (last.image() == null ? last.from().args().strip() : last.image())
                + ") sets no USER, so the container runs as root unless the base image sets one"));
  }

  private static void checkHealthcheck(
      String file, Dockerfile df, Stage last, List<ConfigFinding> out) {
    Stage s = last;
    for (int guard = 0; s != null && guard <= df.stages().size(); guard++) {
      Instruction hc = null;
      for (Instruction i : s.instructions()) {
        if (i.keyword().equals("HEALTHCHECK")) {
          hc = i;
        }
      }
      if (hc != null) {
        if (hc.args().strip().toUpperCase(Locale.ROOT).startsWith("NONE")) {
          out.add(
              ConfigFinding.of(
                  DockerfileRules.NO_HEALTHCHECK,
                  at(file, hc),
                  ref(last),
                  "HEALTHCHECK NONE disables the health check of the final image"));
        }
        return;
      }
      s = df.parent(s);
    }
    out.add(
        ConfigFinding.of(
            DockerfileRules.NO_HEALTHCHECK,
            at(file, last.from()),
            ref(last),
            "the final stage defines no HEALTHCHECK"));
  }
}
