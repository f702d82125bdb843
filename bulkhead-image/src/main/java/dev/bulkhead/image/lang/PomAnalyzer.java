package dev.bulkhead.image.lang;

import dev.bulkhead.core.Package;
import dev.bulkhead.core.spi.AnalysisInput;
import dev.bulkhead.core.spi.AnalysisResult;
import dev.bulkhead.core.spi.Analyzer;
import dev.bulkhead.image.analyzer.Warnings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Lists the dependencies a Maven {@code pom.xml} declares ({@code project/dependencies}, not test
 * scope), for {@code bulkhead fs} on a source tree.
 *
 * <p>Versions are taken when literal or made of properties the file itself defines ({@code
 * <properties>}, {@code project.version}, {@code project.groupId}, {@code project.parent.version},
 * the parent's coordinates standing in for missing project ones); a dependency whose version is
 * missing (managed by a parent or BOM), a range, or refers to an unknown property is skipped, and
 * the count of those is one warning. The XML is read with DTDs and external entities disabled and
 * at most {@link #MAX_BYTES} bytes.
 */
public final class PomAnalyzer implements Analyzer {
  static final int MAX_BYTES = 4 * 1024 * 1024;
  private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]{1,200})\\}");

  @Override
  public String id() {
    return "maven-pom";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public boolean accepts(String path, long size) {
    return size <= MAX_BYTES
        && (path.equals("pom.xml") || path.endsWith("/pom.xml"))
        && !path.contains(".m2/repository/");
  }

  @Override
  public AnalysisResult analyze(AnalysisInput input) throws IOException {
    Warnings problems = new Warnings(input.path());
    byte[] bytes = Bounded.read(input.content(), MAX_BYTES, input.path());
    Pom pom;
    try {
      pom = parse(bytes);
    } catch (XMLStreamException e) {
      problems.add("not a readable pom.xml: " + firstLine(e.getMessage()));
      return new AnalysisResult(null, List.of(), problems.list());
    }
    Map<String, String> props = new HashMap<>(pom.properties);
    String groupId = pom.project.getOrDefault("groupId", pom.parent.get("groupId"));
    String version = pom.project.getOrDefault("version", pom.parent.get("version"));
    putIfValue(props, "project.groupId", groupId);
    putIfValue(props, "project.artifactId", pom.project.get("artifactId"));
    putIfValue(props, "project.version", version);
    putIfValue(props, "pom.version", version);
    putIfValue(props, "project.parent.version", pom.parent.get("version"));
    putIfValue(props, "project.parent.groupId", pom.parent.get("groupId"));
    List<Package> out = new ArrayList<>();
    int skipped = 0;
    for (Map<String, String> d : pom.dependencies) {
      if ("test".equals(d.get("scope"))) {
        continue;
      }
      String g = resolve(d.get("groupId"), props);
      String a = resolve(d.get("artifactId"), props);
      String v = resolve(d.get("version"), props);
      if (g == null || a == null || v == null || v.startsWith("[") || v.startsWith("(")) {
        skipped++;
        continue;
      }
      out.add(LangPackages.maven(g, a, v, input.path()));
    }
    if (skipped > 0) {
      problems.add(
          skipped
              + " declared dependencies have no version resolvable from this file alone"
              + " (managed by a parent or BOM, a range, or an unknown property); not listed");
    }
    return new AnalysisResult(null, out, problems.list());
  }

  private static void putIfValue(Map<String, String> m, String key, String value) {
    if (value != null && !value.isBlank()) {
      m.putIfAbsent(key, value);
    }
  }

  /** Substitutes properties (nested up to a few levels); null when any stays unresolved. */
  static String resolve(String value, Map<String, String> props) {
    if (value == null) {
      return null;
    }
    String v = value.strip();
    for (int depth = 0; depth < 5 && v.contains("${"); depth++) {
      Matcher m = PROPERTY.matcher(v);
      StringBuilder sb = new StringBuilder();
      while (m.find()) {
        String p = props.get(m.group(1));
        if (p == null) {
          return null;
        }
        m.appendReplacement(sb, Matcher.quoteReplacement(p.strip()));
      }
      m.appendTail(sb);
      v = sb.toString();
    }
    return v.isEmpty() || v.contains("${") || v.length() > 200 ? null : v;
  }

  private record Pom(
      Map<String, String> project,
      Map<String, String> parent,
      Map<String, String> properties,
      List<Map<String, String>> dependencies) {}

  private static Pom parse(byte[] bytes) throws XMLStreamException {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    Pom pom = new Pom(new HashMap<>(), new HashMap<>(), new HashMap<>(), new ArrayList<>());
    XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(bytes));
    try {
      Deque<String> stack = new ArrayDeque<>();
      Map<String, String> dependency = null;
      StringBuilder text = new StringBuilder();
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          stack.addLast(r.getLocalName());
          text.setLength(0);
          if (stack.size() > 64) {
            throw new XMLStreamException("elements nested more than 64 deep");
          }
          if (path(stack).equals("project/dependencies/dependency")) {
            dependency = new HashMap<>();
          }
        } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
          if (text.length() < 4096) {
            text.append(r.getText());
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          String p = path(stack);
          String value = text.toString().strip();
          if (stack.size() == 2 && p.startsWith("project/")) {
            pom.project.put(stack.peekLast(), value);
          } else if (stack.size() == 3 && p.startsWith("project/parent/")) {
            pom.parent.put(stack.peekLast(), value);
          } else if (stack.size() == 3 && p.startsWith("project/properties/")) {
            pom.properties.put(stack.peekLast(), value);
          } else if (dependency != null
              && stack.size() == 4
              && p.startsWith("project/dependencies/dependency/")) {
            dependency.put(stack.peekLast(), value);
          } else if (dependency != null && p.equals("project/dependencies/dependency")) {
            if (pom.dependencies.size() < LangPackagesLimits.MAX_PACKAGES) {
              pom.dependencies.add(dependency);
            }
            dependency = null;
          }
          stack.removeLast();
          text.setLength(0);
        }
      }
    } finally {
      r.close();
    }
    return pom;
  }

  private static String path(Deque<String> stack) {
    return String.join("/", stack);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    String one = s.replace('\n', ' ');
    return one.length() > 160 ? one.substring(0, 160) + "..." : one;
  }

  /** Bounds shared by the manifest readers. */
  static final class LangPackagesLimits {
    static final int MAX_PACKAGES = 100_000;

    private LangPackagesLimits() {}
  }
}
