package dev.scrutineer.analysis.reach;

import com.sun.source.tree.AnnotatedTypeTree;
import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeParameterTree;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.type.TypeKind;

/**
 * The type variables in scope at a declaration, with their first bounds, so parameter types can be
 * erased as the compiler erases them: {@code T} is its first bound, or {@code Object}.
 */
public final class TypeScope {
  public static final TypeScope EMPTY = new TypeScope(Map.of(), null);

  /** Bounds that refer to each other ({@code <A extends B, B extends A>}) stop here. */
  private static final int MAX_DEPTH = 16;

  /** Each variable's bounds, empty when it has none. */
  private final Map<String, List<? extends Tree>> variables;

  private final TypeScope enclosing;

  /** Each primitive kind's keyword ({@code int}), spelt once rather than for every type erased. */
  private static final Map<TypeKind, String> PRIMITIVES = new EnumMap<>(TypeKind.class);

  static {
    for (TypeKind kind : TypeKind.values()) {
      PRIMITIVES.put(kind, kind.name().toLowerCase(Locale.ROOT));
    }
  }

  private TypeScope(Map<String, List<? extends Tree>> variables, TypeScope enclosing) {
    this.variables = variables;
    this.enclosing = enclosing;
  }

  /** This scope with {@code parameters} declared inside it, shadowing outer names. */
  public TypeScope with(List<? extends TypeParameterTree> parameters) {
    if (parameters.isEmpty()) {
      return this;
    }
    Map<String, List<? extends Tree>> declared = new HashMap<>();
    for (TypeParameterTree parameter : parameters) {
      declared.put(parameter.getName().toString(), parameter.getBounds());
    }
    return new TypeScope(declared, this);
  }

  /** The erasure of a type as written, with simple names: {@code java.util.List<T>} is List. */
  public String erase(Tree type) {
    return erase(type, 0);
  }

  private String erase(Tree type, int depth) {
    if (type instanceof PrimitiveTypeTree primitive) {
      return PRIMITIVES.get(primitive.getPrimitiveTypeKind());
    }
    if (type instanceof ArrayTypeTree array) {
      return erase(array.getType(), depth) + "[]";
    }
    if (type instanceof ParameterizedTypeTree parameterized) {
      return erase(parameterized.getType(), depth);
    }
    if (type instanceof AnnotatedTypeTree annotated) {
      return erase(annotated.getUnderlyingType(), depth);
    }
    if (type instanceof MemberSelectTree select) {
      return select.getIdentifier().toString();
    }
    if (type instanceof IdentifierTree identifier) {
      String name = identifier.getName().toString();
      Optional<List<? extends Tree>> bounds = lookup(name);
      if (bounds.isEmpty()) {
        return name;
      }
      return bounds.get().isEmpty() || depth >= MAX_DEPTH
          ? "Object"
          : erase(bounds.get().get(0), depth + 1);
    }
    return type == null ? "" : type.toString();
  }

  /** Whether {@code name} is a type variable of this scope or an enclosing one. */
  public boolean isVariable(String name) {
    return lookup(name).isPresent();
  }

  /** The bounds of the type variable {@code name}; empty when no type variable has that name. */
  private Optional<List<? extends Tree>> lookup(String name) {
    for (TypeScope scope = this; scope != null; scope = scope.enclosing) {
      List<? extends Tree> bounds = scope.variables.get(name);
      if (bounds != null) {
        return Optional.of(bounds);
      }
    }
    return Optional.empty();
  }
}
