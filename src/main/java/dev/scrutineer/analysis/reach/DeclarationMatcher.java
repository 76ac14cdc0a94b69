package dev.scrutineer.analysis.reach;

import dev.scrutineer.model.ChangedDeclaration;
import dev.scrutineer.model.DeclarationChange;
import dev.scrutineer.model.DeclarationKind;
import dev.scrutineer.model.Symbol;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pairs the declarations of a file's base and head versions and says how each pair changed.
 *
 * <p>Declarations pair by symbol. Two cases of a changed symbol still pair: a top-level type that
 * moved to another package (or, in a renamed file, was renamed) takes its members along, and a
 * method or constructor whose parameter types changed pairs with the one added in its place when
 * that is the only candidate on each side. Every pair is compared in full, by normalised text; the
 * diff's hunks are not used to pick candidates, because a diff can align unchanged lines across two
 * declarations that look alike.
 */
final class DeclarationMatcher {
  private DeclarationMatcher() {}

  static List<ChangedDeclaration> compare(
      String path, List<Declaration> before, List<Declaration> after, boolean renamedFile) {
    Map<Symbol, Declaration> afterBySymbol = new LinkedHashMap<>();
    after.forEach(d -> afterBySymbol.put(d.symbol(), d));
    Map<String, Symbol> moves = moves(before, after, renamedFile);

    List<ChangedDeclaration> changes = new ArrayList<>();
    Set<Declaration> paired = new HashSet<>();
    List<Declaration> removed = new ArrayList<>();
    for (Declaration old : before) {
      Declaration current = afterBySymbol.get(translate(old, moves));
      if (current != null && paired.add(current)) {
        classify(path, old, current, false).ifPresent(changes::add);
      } else {
        removed.add(old);
      }
    }
    List<Declaration> added = after.stream().filter(d -> !paired.contains(d)).toList();

    // A method whose parameter types changed: the only one of its name gone, the only one come.
    Map<String, List<Declaration>> gone = byOverloadKey(removed, moves);
    Map<String, List<Declaration>> come = byOverloadKey(added, Map.of());
    for (Map.Entry<String, List<Declaration>> entry : gone.entrySet()) {
      List<Declaration> candidates = come.getOrDefault(entry.getKey(), List.of());
      if (entry.getValue().size() == 1 && candidates.size() == 1) {
        Declaration old = entry.getValue().get(0);
        Declaration current = candidates.get(0);
        classify(path, old, current, true).ifPresent(changes::add);
        removed.remove(old);
        paired.add(current);
      }
    }
    for (Declaration current : added) {
      if (!paired.contains(current)) {
        changes.add(entry(path, current, Optional.empty(), DeclarationChange.ADDED));
      }
    }
    for (Declaration old : removed) {
      changes.add(entry(path, old, Optional.empty(), DeclarationChange.REMOVED));
    }
    // Stable: declarations on one line stay in source order.
    changes.sort(
        Comparator.comparing((ChangedDeclaration c) -> c.change() == DeclarationChange.REMOVED)
            .thenComparingInt(ChangedDeclaration::line));
    return changes;
  }

  private static Optional<ChangedDeclaration> classify(
      String path, Declaration old, Declaration current, boolean parametersChanged) {
    Optional<Symbol> oldSymbol =
        old.symbol().equals(current.symbol()) ? Optional.empty() : Optional.of(old.symbol());
    boolean typeMoved = current.kind().isType() && oldSymbol.isPresent();
    DeclarationChange change;
    if (parametersChanged
        || typeMoved
        || old.kind() != current.kind()
        || !old.signature().equals(current.signature())) {
      change = DeclarationChange.SIGNATURE_CHANGED;
    } else if (!old.body().equals(current.body())) {
      change = DeclarationChange.BODY_CHANGED;
    } else {
      return Optional.empty();
    }
    return Optional.of(entry(path, current, oldSymbol, change));
  }

  private static ChangedDeclaration entry(
      String path, Declaration declaration, Optional<Symbol> oldSymbol, DeclarationChange change) {
    return new ChangedDeclaration(
        path,
        declaration.symbol(),
        oldSymbol,
        declaration.kind(),
        change,
        declaration.line(),
        declaration.endLine());
  }

  /**
   * The top-level types that changed their qualified name, by old simple name: the same simple name
   * in another package, or, in a renamed file, the one type left on each side.
   */
  private static Map<String, Symbol> moves(
      List<Declaration> before, List<Declaration> after, boolean renamedFile) {
    List<Symbol> oldTypes = topLevelTypes(before);
    List<Symbol> newTypes = new ArrayList<>(topLevelTypes(after));
    List<Symbol> unmatched = new ArrayList<>();
    for (Symbol old : oldTypes) {
      if (!newTypes.remove(old)) {
        unmatched.add(old);
      }
    }
    Map<String, Symbol> moves = new HashMap<>();
    for (Symbol old : List.copyOf(unmatched)) {
      Optional<Symbol> sameName =
          newTypes.stream().filter(s -> s.name().equals(old.name())).findFirst();
      if (sameName.isPresent()) {
        moves.put(old.name(), sameName.get());
        newTypes.remove(sameName.get());
        unmatched.remove(old);
      }
    }
    if (renamedFile && unmatched.size() == 1 && newTypes.size() == 1) {
      moves.put(unmatched.get(0).name(), newTypes.get(0));
    }
    return moves;
  }

  private static List<Symbol> topLevelTypes(List<Declaration> declarations) {
    return declarations.stream()
        .filter(d -> d.owner().isEmpty() && d.kind().isType())
        .map(Declaration::symbol)
        .toList();
  }

  /** The symbol a base declaration would have in the head if its top-level type moved. */
  private static Symbol translate(Declaration old, Map<String, Symbol> moves) {
    Symbol target = moves.get(old.topLevel());
    if (target == null) {
      return old.symbol();
    }
    String name = old.symbol().name();
    String rest = name.substring(old.topLevel().length());
    if (old.kind() == DeclarationKind.CONSTRUCTOR && old.owner().equals(old.topLevel())) {
      // A constructor is named after its type.
      rest = "#" + target.name() + rest.substring(1 + old.topLevel().length());
    }
    return new Symbol(target.packageName(), target.name() + rest);
  }

  /** Methods and constructors by owner (as in the head), kind and name, parameters left out. */
  private static Map<String, List<Declaration>> byOverloadKey(
      List<Declaration> declarations, Map<String, Symbol> moves) {
    Map<String, List<Declaration>> groups = new LinkedHashMap<>();
    for (Declaration declaration : declarations) {
      if (!declaration.hasParameters()) {
        continue;
      }
      Symbol target = moves.get(declaration.topLevel());
      String owner =
          target == null
              ? declaration.owner()
              : target.name() + declaration.owner().substring(declaration.topLevel().length());
      String name =
          declaration.kind() == DeclarationKind.CONSTRUCTOR ? "<init>" : declaration.simpleName();
      String packageName =
          target == null ? declaration.symbol().packageName() : target.packageName();
      groups
          .computeIfAbsent(
              packageName + " " + owner + " " + declaration.kind() + " " + name,
              k -> new ArrayList<>())
          .add(declaration);
    }
    return groups;
  }
}
