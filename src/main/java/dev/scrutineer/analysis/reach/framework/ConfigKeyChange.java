package dev.scrutineer.analysis.reach.framework;

import dev.scrutineer.model.Symbol;
import java.util.Objects;

/**
 * A configuration key whose value the change adds, edits or removes.
 *
 * @param key the full dotted key as written: {@code spring.datasource.url}; for a YAML line that
 *     only opens a section ({@code datasource:}), the section's key
 * @param path the configuration file, as {@link dev.scrutineer.model.FileChange#path()} names it
 * @param line the changed line at head; for a removed line, the head line where it used to be
 */
public record ConfigKeyChange(String key, String path, int line) {
  public ConfigKeyChange {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(path, "path");
  }

  /** The synthetic node that stands for this key in the reach graph: see {@link #node(String)}. */
  public Symbol node() {
    return node(key);
  }

  /**
   * The synthetic node for a configuration key: package empty, name {@code config:} and the key.
   * Members and types that read the key depend on it through {@code config-key} edges, so a reach
   * search seeded with the nodes of the changed keys finds them. No Java declaration can have this
   * name, since {@code :} is not part of a Java identifier.
   */
  public static Symbol node(String key) {
    return new Symbol("", CONFIG_PREFIX + key);
  }

  /** True for the nodes {@link #node(String)} makes. */
  public static boolean isNode(Symbol symbol) {
    return symbol.packageName().isEmpty() && symbol.name().startsWith(CONFIG_PREFIX);
  }

  static final String CONFIG_PREFIX = "config:";
}
