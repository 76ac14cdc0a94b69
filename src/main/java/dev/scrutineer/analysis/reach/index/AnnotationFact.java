package dev.scrutineer.analysis.reach.index;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An annotation on a declaration or parameter, with the values a reach rule needs.
 *
 * @param name the annotation's name as written: {@code GetMapping} or {@code
 *     org.springframework.web.bind.annotation.GetMapping}
 * @param values each attribute ({@code value} for the single-element form) with its constant
 *     values: string literals unquoted, class literals as {@code Name.class}, enum constants and
 *     other expressions as written; arrays are flattened
 */
public record AnnotationFact(String name, Map<String, List<String>> values) {
  public AnnotationFact {
    Objects.requireNonNull(name, "name");
    values = Map.copyOf(values);
  }

  /** The simple name: {@code GetMapping} for either spelling. */
  public String simpleName() {
    return name.substring(name.lastIndexOf('.') + 1);
  }

  public List<String> value(String attribute) {
    return values.getOrDefault(attribute, List.of());
  }
}
