package dev.scrutineer.analysis.reach.index;

import dev.scrutineer.model.DeclarationKind;
import dev.scrutineer.model.Symbol;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A type the file declares.
 *
 * @param symbol named as {@link Symbol} specifies: {@code Outer.Inner}, {@code Outer#run()$Helper};
 *     an anonymous class is named after its enclosing member with {@code $1}, {@code $2}... in
 *     source order ({@code Shop#run()$1}; an enum constant's body is {@code Plan#GOLD$1}), and its
 *     members after it ({@code Shop#run()$1#compare(Object,Object)}); such symbols never come out
 *     of {@code ChangedDeclarations}, where that code is part of the enclosing member
 * @param kind a type kind of {@link DeclarationKind}
 * @param modifiers {@code public}, {@code abstract}, {@code static}, ...
 * @param supertypes extended and implemented types as written, erased: {@code Repository}, {@code
 *     java.io.Serializable}; for an anonymous class, the type it instantiates
 * @param annotations with their values, as {@link AnnotationFact} says
 * @param line the line of the type's name ({@code new} for an anonymous class)
 * @param members the type's own members in source order (not those of nested types)
 * @param lambdaParameters for an interface that extends nothing and declares one abstract method
 *     with parameters, the types of that method's parameters: a type parameter of the interface by
 *     its position ({@code ~0}, {@code ~1} for {@code FailableBiConsumer<T, U, E>} and its {@code
 *     accept(T, U)}, so a lambda given to a {@code FailableBiConsumer<Appendable, Type,
 *     IOException>} takes an {@code Appendable} first), any other type as {@code parameterTypes}
 *     writes it ({@code ResultSet}, {@code int} for {@code mapRow(ResultSet rs, int row)}). Empty
 *     for any other type.
 */
public record TypeFact(
    Symbol symbol,
    DeclarationKind kind,
    Set<String> modifiers,
    List<AnnotationFact> annotations,
    List<String> supertypes,
    int line,
    int endLine,
    List<MemberFact> members,
    List<String> lambdaParameters) {
  /** How {@code lambdaParameters} writes a type parameter, before its position: {@code ~0}. */
  public static final String TYPE_PARAMETER = "~";

  public TypeFact {
    Objects.requireNonNull(symbol, "symbol");
    if (!kind.isType()) {
      throw new IllegalArgumentException("not a type kind: " + kind);
    }
    modifiers = Set.copyOf(modifiers);
    annotations = List.copyOf(annotations);
    supertypes = List.copyOf(supertypes);
    members = List.copyOf(members);
    lambdaParameters = List.copyOf(lambdaParameters);
  }

  /** A type of which no lambda is known to be a value. */
  public TypeFact(
      Symbol symbol,
      DeclarationKind kind,
      Set<String> modifiers,
      List<AnnotationFact> annotations,
      List<String> supertypes,
      int line,
      int endLine,
      List<MemberFact> members) {
    this(symbol, kind, modifiers, annotations, supertypes, line, endLine, members, List.of());
  }
}
