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
 * @param packageName the package, empty for the unnamed package
 * @param name the rest, from the top-level type's simple name on
 */
public record Symbol(String packageName, String name) {
  public Symbol {
    Objects.requireNonNull(packageName, "packageName");
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a symbol needs a name");
    }
  }

  /**
   * The hash a record's generated method gives ({@code 31 * packageName's + name's}), written out:
   * symbols are the keys of maps of hundreds of thousands of entries, and the generated method
   * dispatches through method handles on every call. The same value keeps every iteration order.
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
    return packageName.isEmpty() ? name : packageName + "." + name;
  }

  @Override
  public String toString() {
    return qualified();
  }
}
