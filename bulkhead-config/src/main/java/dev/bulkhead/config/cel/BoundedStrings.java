package dev.bulkhead.config.cel;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import java.util.List;

/**
 * The {@code join} and {@code replace} functions of the CEL strings extension, with the same
 * signatures and meaning, but refusing to build a string longer than the limit before allocating
 * it: one {@code replace('', s)} or {@code join} of a large list could otherwise exhaust memory in
 * a single step, before the {@link Budget} sees the result.
 *
 * @see <a
 *     href="https://github.com/google/cel-java/blob/main/extensions/src/main/java/dev/cel/extensions/README.md">CEL
 *     strings extension</a>
 */
final class BoundedStrings {
  private final int maxLength;

  BoundedStrings(int maxLength) {
    this.maxLength = maxLength;
  }

  static List<CelFunctionDecl> declarations() {
    return List.of(
        CelFunctionDecl.newFunctionDeclaration(
            "join",
            CelOverloadDecl.newMemberOverload(
                "bh_list_join", SimpleType.STRING, ListType.create(SimpleType.STRING)),
            CelOverloadDecl.newMemberOverload(
                "bh_list_join_string",
                SimpleType.STRING,
                ListType.create(SimpleType.STRING),
                SimpleType.STRING)),
        CelFunctionDecl.newFunctionDeclaration(
            "replace",
            CelOverloadDecl.newMemberOverload(
                "bh_string_replace",
                SimpleType.STRING,
                SimpleType.STRING,
                SimpleType.STRING,
                SimpleType.STRING),
            CelOverloadDecl.newMemberOverload(
                "bh_string_replace_int",
                SimpleType.STRING,
                SimpleType.STRING,
                SimpleType.STRING,
                SimpleType.STRING,
                SimpleType.INT)));
  }

  List<CelFunctionBinding> bindings() {
    final int max = maxLength;
    return List.of(
        CelFunctionBinding.from("bh_list_join", List.class, l -> join(l, "", max)),
        CelFunctionBinding.from(
            "bh_list_join_string", List.class, String.class, (l, s) -> join(l, s, max)),
        CelFunctionBinding.from(
            "bh_string_replace",
            List.of(String.class, String.class, String.class),
            args -> replace((String) args[0], (String) args[1], (String) args[2], -1, max)),
        CelFunctionBinding.from(
            "bh_string_replace_int",
            List.of(String.class, String.class, String.class, Long.class),
            args ->
                replace(
                    (String) args[0], (String) args[1], (String) args[2], (Long) args[3], max)));
  }

  static String join(List<?> list, String separator, int maxLength) throws CelEvaluationException {
    long length = 0;
    for (Object o : list) {
      length += o.toString().length() + (long) separator.length();
      check(length, maxLength);
    }
    StringBuilder b = new StringBuilder((int) length);
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        b.append(separator);
      }
      b.append(list.get(i));
    }
    return b.toString();
  }

  /** Replaces the first {@code n} occurrences ({@code n < 0}: all), as the extension does. */
  static String replace(String s, String target, String replacement, long n, int maxLength)
      throws CelEvaluationException {
    if (n == 0) {
      return s;
    }
    long limit = n < 0 ? Long.MAX_VALUE : n;
    long count = 0;
    if (target.isEmpty()) {
      count = Math.min(limit, s.codePointCount(0, s.length()) + 1L);
    } else {
      for (int i = s.indexOf(target);
          i >= 0 && count < limit;
          i = s.indexOf(target, i + target.length())) {
        count++;
      }
    }
    check(s.length() + count * (replacement.length() - (long) target.length()), maxLength);
    StringBuilder b = new StringBuilder();
    if (target.isEmpty()) {
      long done = 0;
      int i = 0;
      while (i <= s.length()) {
        if (done < count) {
          b.append(replacement);
          done++;
        }
        if (i == s.length()) {
          break;
        }
        int cp = s.codePointAt(i);
        b.appendCodePoint(cp);
        i += Character.charCount(cp);
      }
      return b.toString();
    }
    int from = 0;
    long done = 0;
    for (int i = s.indexOf(target); i >= 0 && done < count; i = s.indexOf(target, from)) {
      b.append(s, from, i).append(replacement);
      from = i + target.length();
      done++;
    }
    return b.append(s, from, s.length()).toString();
  }

  private static void check(long length, int maxLength) throws CelEvaluationException {
    if (length > maxLength) {
      throw new CelEvaluationException(
          "expression would build a string longer than " + maxLength + " characters");
    }
  }
}
