package dev.bulkhead.config.dockerfile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed Dockerfile: every instruction in order, and the build stages they form.
 *
 * @param instructions all instructions, including ARGs before the first FROM
 * @param stages the stages in file order; the last one is the image that gets built by default
 */
public record Dockerfile(List<Instruction> instructions, List<Stage> stages) {
  private static final Pattern VAR =
      Pattern.compile(
          "\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?}|([A-Za-z_][A-Za-z0-9_]*))");

  public Dockerfile {
    instructions = List.copyOf(instructions);
    stages = List.copyOf(stages);
  }

  static Dockerfile of(List<Instruction> instructions) {
    Map<String, String> globalArgs = new HashMap<>();
    List<Stage> stages = new ArrayList<>();
    Instruction from = null;
    List<Instruction> body = new ArrayList<>();
    for (Instruction i : instructions) {
      if (i.keyword().equals("FROM")) {
        if (from != null) {
          stages.add(stage(stages.size(), from, body, globalArgs));
        }
        from = i;
        body = new ArrayList<>();
      } else if (from == null) {
        if (i.keyword().equals("ARG")) {
          for (KeyValues.Pair p : KeyValues.parse(i.args(), false)) {
            globalArgs.put(p.key(), p.value());
          }
        }
      } else {
        body.add(i);
      }
    }
    if (from != null) {
      stages.add(stage(stages.size(), from, body, globalArgs));
    }
    return new Dockerfile(instructions, stages);
  }

  private static Stage stage(
      int index, Instruction from, List<Instruction> body, Map<String, String> args) {
    String a = from.args();
    int start = 0;
    while (start < a.length() && Character.isWhitespace(a.charAt(start))) {
      start++;
    }
    int end = start;
    while (end < a.length() && !Character.isWhitespace(a.charAt(end))) {
      end++;
    }
    String image = substitute(a.substring(start, end), args);
    String[] rest = a.substring(end).strip().split("\\s+");
    String name = null;
    if (rest.length >= 2 && rest[0].equalsIgnoreCase("AS")) {
      name = rest[1].toLowerCase(Locale.ROOT);
    }
    return new Stage(index, from, image, start, name, List.copyOf(body));
  }

  /**
   * Replaces {@code $NAME}, {@code ${NAME}}, {@code ${NAME:-default}} and {@code ${NAME:+alt}} with
   * build-argument defaults; returns {@code null} when a variable has no known value.
   */
  static String substitute(String word, Map<String, String> args) {
    Matcher m = VAR.matcher(word);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(4);
      String value = args.get(name);
      String op = m.group(2);
      String alt = m.group(3);
      String result;
      if (op == null) {
        result = value;
      } else if (op.endsWith("-")) {
        boolean unset = value == null || (op.startsWith(":") && value.isEmpty());
        result = unset ? alt : value;
      } else {
        boolean set = value != null && !(op.startsWith(":") && value.isEmpty());
        result = set ? alt : "";
      }
      if (result == null) {
        return null;
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(result));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** The stage named {@code name} (case-insensitive) before position {@code before}, or null. */
  public Stage stageNamed(String name, int before) {
    for (int i = Math.min(before, stages.size()) - 1; i >= 0; i--) {
      Stage s = stages.get(i);
      if (s.name() != null && s.name().equalsIgnoreCase(name)) {
        return s;
      }
    }
    return null;
  }

  /** The stage {@code s} is built on, when its base image names an earlier stage, else null. */
  public Stage parent(Stage s) {
    return s.image() == null ? null : stageNamed(s.image(), s.index());
  }
}
