package dev.bulkhead.core.suppress;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.io.JsonFiles;
import dev.bulkhead.core.sbom.Purl;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads VEX documents: OpenVEX JSON (v0.0.1 and v0.2.0: string or object vulnerabilities, product
 * strings or objects with {@code @id}, {@code identifiers.purl} and {@code subcomponents}) and
 * CycloneDX JSON with {@code vulnerabilities[].analysis} (affects refs given as purls, as BOM-links
 * or as bom-refs of the document's own components).
 *
 * @see <a href="https://github.com/openvex/spec/blob/main/OPENVEX-SPEC.md">OpenVEX</a>
 * @see <a href="https://cyclonedx.org/capabilities/vex/">CycloneDX VEX</a>
 */
public final class VexReader {
  /** The largest VEX file accepted. */
  public static final long MAX_BYTES = 16L << 20;

  /** The most statements read from one VEX file. */
  public static final int MAX_STATEMENTS = 100_000;

  private VexReader() {}

  /**
   * Reads the statements of one VEX file, in document order.
   *
   * @param warnings receives statements skipped for naming no usable product
   * @throws BulkheadException naming the file when it is missing, too large, not JSON or neither
   *     format
   */
  public static List<VexStatement> read(Path file, Consumer<String> warnings)
      throws BulkheadException {
    JsonNode root = JsonFiles.read(file, MAX_BYTES, "VEX document");
    if (root.isObject() && root.path("statements").isArray()) {
      return openVex(file, root, warnings);
    }
    if (root.isObject() && "CycloneDX".equals(root.path("bomFormat").asText())) {
      return cycloneDx(file, root, warnings);
    }
    throw new BulkheadException(
        "VEX document "
            + file
            + " is neither OpenVEX (a \"statements\" array) nor CycloneDX (\"bomFormat\":"
            + " \"CycloneDX\" with \"vulnerabilities\"); pass an OpenVEX or CycloneDX VEX JSON file");
  }

  private static List<VexStatement> openVex(Path file, JsonNode root, Consumer<String> warnings)
      throws BulkheadException {
    List<VexStatement> out = new ArrayList<>();
    int n = 0;
    for (JsonNode s : root.path("statements")) {
      n++;
      limit(file, n);
      String where = file + " statement " + n;
      JsonNode vuln = s.path("vulnerability");
      String id;
      List<String> aliases = new ArrayList<>();
      if (vuln.isTextual()) {
        id = vuln.asText();
      } else {
        id = text(vuln, "name");
        if (id == null) {
          id = text(vuln, "@id");
        }
        vuln.path("aliases").forEach(a -> aliases.add(a.asText()));
      }
      s.path("aliases").forEach(a -> aliases.add(a.asText()));
      String status = VexStatement.normaliseStatus(text(s, "status"));
      if (id == null || status == null) {
        warnings.accept("VEX " + where + " names no vulnerability or no status; skipped");
        continue;
      }
      List<Purl> shared = new ArrayList<>();
      for (JsonNode sub : s.path("subcomponents")) {
        addPurl(shared, sub);
      }
      List<VexProduct> products = new ArrayList<>();
      for (JsonNode p : s.path("products")) {
        Purl product = purlOf(p);
        if (product == null) {
          continue; // a product Bulkhead cannot name: nothing in it can be matched
        }
        List<Purl> subs = new ArrayList<>();
        for (JsonNode sub : p.path("subcomponents")) {
          addPurl(subs, sub);
        }
        subs.addAll(shared);
        products.add(new VexProduct(product, subs));
      }
      if (!usable(products, where, id, warnings)) {
        continue;
      }
      String statement = text(s, "impact_statement");
      if (statement == null) {
        statement = text(s, "action_statement");
      }
      if (statement == null) {
        statement = text(s, "status_notes");
      }
      out.add(
          new VexStatement(
              id, aliases, products, status, text(s, "justification"), statement, where));
    }
    return out;
  }

  /**
   * Tells whether a statement has a product Bulkhead can apply; else warns that it is skipped. An
   * image ({@code pkg:oci}, {@code pkg:docker}) without subcomponents says nothing about packages.
   */
  private static boolean usable(
      List<VexProduct> products, String where, String id, Consumer<String> warnings) {
    if (products.isEmpty()) {
      warnings.accept(
          "VEX " + where + " (" + id + ") names no product with a package URL; skipped");
      return false;
    }
    List<String> images = new ArrayList<>();
    for (VexProduct p : products) {
      if (!VexTarget.isImage(p.product()) || !p.subcomponents().isEmpty()) {
        return true;
      }
      images.add(VexTarget.show(p.product()));
    }
    warnings.accept(
        "VEX "
            + where
            + " ("
            + id
            + ") names only the image "
            + String.join(", ", images)
            + " without subcomponents; skipped: Bulkhead applies statements to packages, so list"
            + " the affected packages as subcomponents of the image");
    return false;
  }

  private static void addPurl(List<Purl> purls, JsonNode p) {
    Purl purl = purlOf(p);
    if (purl != null) {
      purls.add(purl);
    }
  }

  private static Purl purlOf(JsonNode p) {
    String candidate;
    if (p.isTextual()) {
      candidate = p.asText();
    } else {
      candidate = text(p.path("identifiers"), "purl");
      if (candidate == null) {
        candidate = text(p, "@id");
      }
    }
    return Purl.parseOrNull(candidate);
  }

  private static List<VexStatement> cycloneDx(Path file, JsonNode root, Consumer<String> warnings)
      throws BulkheadException {
    Map<String, String> purlsByRef = new HashMap<>();
    collectRefs(root.path("metadata").path("component"), purlsByRef, 0);
    for (JsonNode c : root.path("components")) {
      collectRefs(c, purlsByRef, 0);
    }
    List<VexStatement> out = new ArrayList<>();
    int n = 0;
    for (JsonNode v : root.path("vulnerabilities")) {
      n++;
      limit(file, n);
      String where = file + " vulnerability " + n;
      String id = text(v, "id");
      JsonNode analysis = v.path("analysis");
      String state = text(analysis, "state");
      if (id == null || state == null) {
        continue; // a VDR entry without analysis states nothing
      }
      List<String> aliases = new ArrayList<>();
      v.path("references").forEach(r -> aliases.add(r.path("id").asText()));
      List<VexProduct> products = new ArrayList<>();
      for (JsonNode a : v.path("affects")) {
        Purl purl = Purl.parseOrNull(resolve(text(a, "ref"), purlsByRef));
        if (purl != null) {
          products.add(VexProduct.of(purl));
        }
      }
      if (products.isEmpty()) {
        warnings.accept(
            "VEX " + where + " (" + id + ") affects no component with a package URL; skipped");
        continue;
      }
      if (!usable(products, where, id, warnings)) {
        continue;
      }
      out.add(
          new VexStatement(
              id,
              aliases,
              products,
              statusOf(state),
              text(analysis, "justification"),
              text(analysis, "detail"),
              where));
    }
    return out;
  }

  /** Maps a CycloneDX analysis state to the OpenVEX status it means. */
  static String statusOf(String state) {
    switch (VexStatement.normaliseStatus(state)) {
      case "not_affected":
      case "false_positive":
        return VexStatement.NOT_AFFECTED;
      case "resolved":
      case "resolved_with_pedigree":
        return VexStatement.FIXED;
      case "exploitable":
        return VexStatement.AFFECTED;
      default:
        return VexStatement.UNDER_INVESTIGATION;
    }
  }

  private static String resolve(String ref, Map<String, String> purlsByRef) {
    if (ref == null) {
      return null;
    }
    String r = ref;
    if (r.startsWith("urn:cdx:")) {
      int hash = r.indexOf('#');
      if (hash < 0) {
        return null;
      }
      r = URLDecoder.decode(r.substring(hash + 1), StandardCharsets.UTF_8);
    }
    String purl = purlsByRef.get(r);
    return purl != null ? purl : r;
  }

  private static void collectRefs(JsonNode c, Map<String, String> purlsByRef, int depth) {
    if (!c.isObject() || depth > 50) {
      return;
    }
    String ref = text(c, "bom-ref");
    String purl = text(c, "purl");
    if (ref != null && purl != null) {
      purlsByRef.put(ref, purl);
    }
    for (JsonNode child : c.path("components")) {
      collectRefs(child, purlsByRef, depth + 1);
    }
  }

  private static void limit(Path file, int n) throws BulkheadException {
    if (n > MAX_STATEMENTS) {
      throw new BulkheadException(
          "VEX document " + file + " holds more than " + MAX_STATEMENTS + " statements; split it");
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || !v.isValueNode() || v.isNull() ? null : v.asText();
  }
}
