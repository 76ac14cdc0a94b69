package dev.scrutineer.analysis.reach.index;

import dev.scrutineer.model.DeclarationKind;
import dev.scrutineer.model.Symbol;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A member of a type: method, constructor, field, initializer, enum constant, record component or
 * annotation member. Code in lambdas, anonymous and local classes inside a member counts as the
 * member's own references (those classes are also {@link TypeFact}s whose members list the same
 * references again, so a linker can use either).
 *
 * @param symbol named as {@link Symbol} specifies
 * @param name the simple name: {@code search}, the type's name for a constructor, {@code static{}}
 * @param parameterTypes erased, as written (methods and constructors; empty otherwise): qualified
 *     when the source qualifies them ({@code java.util.List}), unlike the symbol; a type variable
 *     is its first bound, {@code T...} is {@code T[]}
 * @param varargs the last parameter is {@code T...}
 * @param type the return type (methods, annotation members), declared type (fields, components),
 *     the enum's simple name (enum constants), as written with a parameterized type's arguments
 *     ({@code List<Owner>}; a type variable is its first bound, a wildcard its upper bound or
 *     {@code ?}); empty for constructors and initializers
 * @param parameterAnnotations annotations of each parameter, in order
 * @param references what the member's code refers to, in source order, including its signature
 *     (annotations, parameter, return and thrown types)
 * @param genericParameterTypes the parameter types with a parameterized type's arguments, as {@code
 *     type} writes them ({@code Consumer<HttpHeaders>}), which type the parameters of a lambda
 *     passed as one; empty when no parameter has type arguments
 * @param returnsSelf the method returns a type variable of its class bounded by that class's own
 *     type ({@code B} of {@code Builder<B extends Builder<B>>}): the type of its receiver, for a
 *     builder typed by itself, though {@code type} is the bound
 */
public record MemberFact(
    Symbol symbol,
    DeclarationKind kind,
    String name,
    Set<String> modifiers,
    List<AnnotationFact> annotations,
    List<String> parameterTypes,
    boolean varargs,
    String type,
    List<List<AnnotationFact>> parameterAnnotations,
    int line,
    int endLine,
    List<Reference> references,
    List<String> genericParameterTypes,
    boolean returnsSelf) {
  public MemberFact {
    Objects.requireNonNull(symbol, "symbol");
    if (kind.isType() || kind == DeclarationKind.FILE) {
      throw new IllegalArgumentException("not a member kind: " + kind);
    }
    Objects.requireNonNull(name, "name");
    modifiers = Set.copyOf(modifiers);
    annotations = List.copyOf(annotations);
    parameterTypes = List.copyOf(parameterTypes);
    Objects.requireNonNull(type, "type");
    List<List<AnnotationFact>> copies = new ArrayList<>(parameterAnnotations.size());
    for (List<AnnotationFact> p : parameterAnnotations) {
      copies.add(List.copyOf(p));
    }
    parameterAnnotations = List.copyOf(copies);
    if (!(references instanceof FactsCodec.LazyReferences)) { // immutable, read when asked for
      references = List.copyOf(references);
    }
    genericParameterTypes = List.copyOf(genericParameterTypes);
    if (!genericParameterTypes.isEmpty() && genericParameterTypes.size() != parameterTypes.size()) {
      throw new IllegalArgumentException("a generic type for each parameter, or none");
    }
  }

  /** A member none of whose parameters has type arguments. */
  public MemberFact(
      Symbol symbol,
      DeclarationKind kind,
      String name,
      Set<String> modifiers,
      List<AnnotationFact> annotations,
      List<String> parameterTypes,
      boolean varargs,
      String type,
      List<List<AnnotationFact>> parameterAnnotations,
      int line,
      int endLine,
      List<Reference> references) {
    this(
        symbol,
        kind,
        name,
        modifiers,
        annotations,
        parameterTypes,
        varargs,
        type,
        parameterAnnotations,
        line,
        endLine,
        references,
        List.of(),
        false);
  }

  /** Parameter {@code i}'s type with its type arguments, if it has any. */
  public String genericParameterType(int i) {
    return genericParameterTypes.isEmpty() ? parameterTypes.get(i) : genericParameterTypes.get(i);
  }

  /**
   * The references, for one pass over them: when they have not been read yet, they are read for it
   * and not kept, so that a scan of many members does not hold all their references.
   */
  public List<Reference> referencesOnce() {
    return references instanceof FactsCodec.LazyReferences lazy ? lazy.once() : references;
  }
}
