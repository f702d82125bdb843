package dev.bulkhead.core.suppress;

import dev.bulkhead.core.sbom.Purl;
import java.util.List;

/**
 * Holds one product of a VEX statement with the subcomponents the statement is about within it.
 *
 * @param product the product's package URL
 * @param subcomponents the package URLs of its subcomponents the statement covers (the product's
 *     own and the statement's), empty when the statement is about the product itself
 */
public record VexProduct(Purl product, List<Purl> subcomponents) {
  /** Normalises the list to an immutable copy. */
  public VexProduct {
    subcomponents = List.copyOf(subcomponents);
  }

  /** Returns a product without subcomponents. */
  public static VexProduct of(Purl product) {
    return new VexProduct(product, List.of());
  }

  /** Tells whether the product is an image whose subcomponents only apply to that image. */
  boolean scopedToImage() {
    return VexTarget.isImage(product) && !subcomponents.isEmpty();
  }

  /**
   * Tells whether this product covers a package of the scanned target. An image product covers only
   * through its subcomponents and only when it is the target; a package product covers as itself or
   * through its subcomponents.
   */
  boolean covers(Purl pkg, VexTarget target) {
    if (VexTarget.isImage(product)) {
      return target.matches(product) && anyCovers(subcomponents, pkg);
    }
    return product.covers(pkg) || anyCovers(subcomponents, pkg);
  }

  private static boolean anyCovers(List<Purl> purls, Purl pkg) {
    for (Purl p : purls) {
      if (p.covers(pkg)) {
        return true;
      }
    }
    return false;
  }
}
