package dev.bulkhead.core.suppress;

import dev.bulkhead.core.sbom.Purl;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * States the status of one vulnerability for some products, as an OpenVEX statement or a CycloneDX
 * VEX {@code analysis} does.
 *
 * @param vulnerability the vulnerability id the statement names
 * @param aliases other ids of the same vulnerability the statement names
 * @param products the products the statement covers, each with its subcomponents (versionless
 *     package URLs cover every version)
 * @param status {@link #NOT_AFFECTED}, {@link #FIXED}, {@link #AFFECTED} or {@link
 *     #UNDER_INVESTIGATION}
 * @param justification the justification, or {@code null}
 * @param statement the impact or action statement (CycloneDX {@code detail}), or {@code null}
 * @param source the VEX file and the statement's position in it
 */
public record VexStatement(
    String vulnerability,
    List<String> aliases,
    List<VexProduct> products,
    String status,
    String justification,
    String statement,
    String source) {
  /** No component of the product is affected. */
  public static final String NOT_AFFECTED = "not_affected";

  /** The product contains a fix. */
  public static final String FIXED = "fixed";

  /** The product is affected. */
  public static final String AFFECTED = "affected";

  /** Not known yet. */
  public static final String UNDER_INVESTIGATION = "under_investigation";

  /** Normalises the lists to immutable copies. */
  public VexStatement {
    aliases = List.copyOf(aliases);
    products = List.copyOf(products);
  }

  /** Tells whether this statement silences a finding: {@code not_affected} or {@code fixed}. */
  public boolean suppresses() {
    return NOT_AFFECTED.equals(status) || FIXED.equals(status);
  }

  /** Tells whether one of the products covers a package of the scanned target. */
  boolean covers(Purl pkg, VexTarget target) {
    if (pkg == null) {
      return false;
    }
    for (VexProduct product : products) {
      if (product.covers(pkg, target)) {
        return true;
      }
    }
    return false;
  }

  /** Returns the image products with subcomponents that are not the scanned target. */
  List<Purl> otherImages(VexTarget target) {
    List<Purl> out = new ArrayList<>();
    for (VexProduct product : products) {
      if (product.scopedToImage() && !target.matches(product.product())) {
        out.add(product.product());
      }
    }
    return out;
  }

  static String normaliseStatus(String s) {
    return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
  }
}
