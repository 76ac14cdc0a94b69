package dev.scrutineer.model;

import java.util.Objects;

/**
 * The name of a Java declaration as source code spells it, without resolving anything: {@code
 * com.example.shop.web.OrderController#search(String,String)}.
 *
 * <ul>
 *   <li>Types are dotted from the top-level type: {@code Outer.Inner}. A local type follows the
 *       member that declares it after {@code $}: {@code Outer#run()$Helper}.
 *   <li>Members follow their type after {@code #}: fields, enum constants and record components by
 *       name; methods and constructors (named like their type) with their parameter types erased
 *       and unqualified ({@code List<String>} is {@code List}, a type variable is its first bound
 *       or {@code Object}, {@code String...} is {@code String[]}); annotation members as {@code
 *       value()}; initializers as {@code static{}} and {@code {}}.
 *   <li>When a file declares the same name twice, later ones get {@code [2]}, {@code [3]}, ...
 * </ul>
 *
 * <p>A class rather than a record only to keep its qualified form once spelt: reports and the
 * linker ask tens of thousands of symbols for it, some several times.
 */
public final class Symbol {
  private final String packageName;
  private final String name;

  /** {@link #qualified()}, once asked for: a race spells the same string twice, nothing worse. */
  private String qualified;

  /**
   * @param packageName the package, empty for the unnamed package
   * @param name the rest, from the top-level type's simple name on
   */
  public Symbol(String packageName, String name) {
    this.packageName = Objects.requireNonNull(packageName, "packageName");
    this.name = Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a symbol needs a name");
    }
  }

  /** The package, empty for the unnamed package. */
  public String packageName() {
    return packageName;
  }

  /** The rest, from the top-level type's simple name on. */
  public String name() {
    return name;
  }

  /**
   * {@code 31 * packageName's + name's}, as a record's generated method would give, so every
   * iteration order of the maps keyed by symbols stays as it was.
   */
  @Override
  public int hashCode() {
    return 31 * packageName.hashCode() + name.hashCode();
  }

  @Override
  public boolean equals(Object other) {
    return this == other
        || other instanceof Symbol s && packageName.equals(s.packageName) && name.equals(s.name);
  }

  /** The fully qualified form: the package, a dot and the name. */
  public String qualified() {
    String spelt = qualified;
    if (spelt == null) {
      spelt = packageName.isEmpty() ? name : packageName + "." + name;
      qualified = spelt;
    }
    return spelt;
  }

  @Override
  public String toString() {
    return qualified();
  }
}
