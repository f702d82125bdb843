package dev.bulkhead.core.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * Holds the implementations of one extension point, keyed by id, rejecting duplicate ids.
 *
 * @param <T> the extension point type
 */
public final class Registry<T> {
  private final Map<String, T> byId;

  private Registry(Map<String, T> byId) {
    this.byId = Collections.unmodifiableMap(byId);
  }

  /**
   * Builds a registry from the given implementations.
   *
   * @throws IllegalStateException when two share an id
   */
  public static <T> Registry<T> of(Iterable<? extends T> items, Function<T, String> id) {
    Map<String, T> map = new LinkedHashMap<>();
    for (T item : items) {
      T previous = map.putIfAbsent(id.apply(item), item);
      if (previous != null) {
        throw new IllegalStateException(
            "two "
                + item.getClass().getSimpleName()
                + " implementations share the id '"
                + id.apply(item)
                + "': "
                + previous.getClass().getName()
                + " and "
                + item.getClass().getName());
      }
    }
    return new Registry<>(map);
  }

  /** Loads every implementation of {@code type} on the class path with {@link ServiceLoader}. */
  public static <T> Registry<T> load(Class<T> type, Function<T, String> id) {
    return of(ServiceLoader.load(type, type.getClassLoader()), id);
  }

  /** Returns the implementations in discovery order. */
  public List<T> all() {
    return new ArrayList<>(byId.values());
  }

  /** Returns the implementation with the given id, or {@code null}. */
  public T get(String id) {
    return byId.get(id);
  }
}
