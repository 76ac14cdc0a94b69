package dev.scrutineer.analysis.reach.graph;

import dev.scrutineer.analysis.reach.graph.Linker.T;
import dev.scrutineer.analysis.reach.index.FileFacts;
import dev.scrutineer.analysis.reach.index.ImportFact;
import dev.scrutineer.analysis.reach.index.MemberFact;
import dev.scrutineer.analysis.reach.index.TypeFact;
import dev.scrutineer.model.Confidence;
import dev.scrutineer.model.Symbol;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Links a side of a change from the {@link LinkedBase} of the other: the files the change replaced
 * are linked again, and so is every file one of whose lookups could now give another answer; every
 * other file's edges are copied from the base.
 *
 * <p>The linker looks declarations up by name only (types by simple or dotted name, members by
 * name, dispatch through resolved hierarchies), so a file's links can change only if it mentions a
 * name whose lookup changed. Those names are:
 *
 * <ul>
 *   <li>the members the change adds, removes or reshapes (kind, modifiers, parameters, whether a
 *       field has an initializer), and, when a file's imports changed, each member of its types
 *       whose parameter or declared types spell a name imported or no longer imported (the imports
 *       say which types those are, which decides between overloads), or every member when an
 *       on-demand import changed;
 *   <li>for a type whose constructors or initializers changed, its name and its subtypes' (their
 *       construction runs its code);
 *   <li>for a type added, removed, or whose resolved supertypes differ (written differently, or
 *       resolving elsewhere now), its name and every member name of its supertypes and subtypes, on
 *       both sides, and its subtypes' names: calls dispatch into it, or through it, by those;
 *   <li>when a simple name comes to be, or stops being, the name of some type of the index, the
 *       members whose parameter or declared types spell it: a lambda is known to fit a parameter
 *       only when its type is a JDK functional interface no type of the index shares a name with.
 * </ul>
 *
 * Which files mention which names is kept with the base ({@link Mentions}). Copying an edge whose
 * target has gone would mean this reasoning missed a case: {@link Stale} is thrown rather than a
 * wrong graph returned.
 */
final class Relink {
  /** The base's edges do not fit the head: link everything instead. */
  static final class Stale extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stale(String message) {
      super(message);
    }
  }

  private static final Confidence[] CONFIDENCES = Confidence.values();

  private final LinkedBase base;

  /** The base's declarations, numbered as when it was linked. */
  private final Nodes nodes;

  private final Map<Symbol, TypeFact> replacedTypes = new HashMap<>();

  /** The imports of each replaced file, by path. */
  private final Map<String, List<ImportFact>> replacedImports = new HashMap<>();

  private final Set<String> changedPaths;

  /** Head node of each base node, -1 when it has none. */
  private int[] headOf;

  /** Base node of each head node, -1 when it is new. */
  private int[] baseOf;

  /** Base types by supertype, built on first use. */
  private Map<Integer, List<Integer>> baseSubs;

  /**
   * @param base the linked base
   * @param baseFiles the facts {@code base} was linked from
   * @param changedPaths the paths of the files the change touches, on both sides: changed, added,
   *     deleted, renamed
   * @throws Stale when {@code baseFiles} do not number as the linked ones did
   */
  Relink(LinkedBase base, Collection<FileFacts> baseFiles, Set<String> changedPaths) {
    this.base = Objects.requireNonNull(base, "base");
    this.nodes = Nodes.of(baseFiles, Set.of(base.redeclared));
    if (nodes.symbols().length != base.nodeCount || nodes.hash() != base.nodesHash) {
      throw new Stale("the base's declarations are not those it was linked with");
    }
    this.changedPaths = Set.copyOf(changedPaths);
    for (FileFacts file : baseFiles) {
      if (this.changedPaths.contains(file.path())) {
        replacedImports.put(file.path(), file.imports());
        for (TypeFact type : file.types()) {
          replacedTypes.putIfAbsent(type.symbol(), type);
        }
      }
    }
  }

  // ---------------------------------------------------------------- which files

  /**
   * The files to link again, once {@code linker} has declared the head and resolved its supertypes.
   */
  Set<String> scope(Linker linker) {
    translate(linker);
    Set<String> names = new HashSet<>();
    Set<String> relink = new HashSet<>(changedPaths);
    Set<String> comeOrGone = new HashSet<>();
    for (T t : linker.allTypes()) {
      int b = baseOf[t.id];
      if (b < 0) {
        comeOrGone.add(t.simpleName);
      }
      if (b < 0
          || !nodes.paths()[b].equals(t.file.path())
          || !sameSupers(t, b)
          || headerChanged(t)) {
        hierarchyChanged(t, b, names, relink);
      } else if (changedPaths.contains(t.file.path())) {
        membersChanged(t, b, names, relink);
      }
    }
    for (int b = 0; b < nodes.symbols().length; b++) {
      if (nodes.owners()[b] == -1 && headOf[b] < 0) {
        comeOrGone.add(TypeNames.simpleName(nodes.symbols()[b]));
        hierarchyChanged(null, b, names, relink); // a type the head no longer has
      }
    }
    Set<String> typeNames = newTypeNames(comeOrGone, linker);
    if (!typeNames.isEmpty()) {
      // A lambda is known to fit a parameter only if no type of the index has its type's name.
      for (T t : linker.allTypes()) {
        retyped(t.fact, typeNames, names);
      }
      replacedTypes.values().forEach(type -> retyped(type, typeNames, names));
    }
    relink.addAll(base.mentions.of(names));
    return relink;
  }

  /**
   * Of the simple names of types added or removed, those only one side has a type of: the type
   * names the index has are no longer the same.
   */
  private Set<String> newTypeNames(Set<String> comeOrGone, Linker linker) {
    if (comeOrGone.isEmpty()) {
      return Set.of();
    }
    Set<String> base = new HashSet<>();
    for (int b = 0; b < nodes.symbols().length; b++) {
      if (nodes.owners()[b] == -1) {
        base.add(TypeNames.simpleName(nodes.symbols()[b]));
      }
    }
    Set<String> changed = new HashSet<>();
    for (String name : comeOrGone) {
      if (base.contains(name) != linker.declaresTypeNamed(name)) {
        changed.add(name);
      }
    }
    return changed;
  }

  /**
   * Pairs base and head nodes by symbol. Both number the files in the same order, and an unchanged
   * file's declarations are the same objects on both sides, so the next head node is tried first
   * (the head numbers a symbol once, so the node holding that very object is the one its lookup
   * would give); only around changed files does a symbol need looking up.
   */
  private void translate(Linker linker) {
    List<Symbol> symbols = linker.symbols;
    baseOf = new int[symbols.size()];
    Arrays.fill(baseOf, -1);
    headOf = new int[nodes.symbols().length];
    Map<Symbol, Integer> ids = linker.ids;
    int next = 0;
    for (int b = 0; b < headOf.length; b++) {
      Symbol symbol = nodes.symbols()[b];
      int h;
      if (next < symbols.size() && symbols.get(next) == symbol) {
        h = next;
      } else {
        Integer found = ids.get(symbol);
        h = found == null ? -1 : found;
      }
      headOf[b] = h;
      if (h >= 0) {
        next = h + 1;
        if (baseOf[h] < 0) {
          baseOf[h] = b;
        }
      }
    }
  }

  private boolean sameSupers(T t, int b) {
    int from = base.superOffsets[b];
    int count = base.superOffsets[b + 1] - from;
    if (count != t.supers.size()) {
      return false;
    }
    for (int i = 0; i < count; i++) {
      if (baseOf[t.supers.get(i).id] != base.supers[from + i]) {
        return false;
      }
    }
    return true;
  }

  /** A replaced type whose kind, modifiers or written supertypes differ from the base's. */
  private boolean headerChanged(T t) {
    if (!changedPaths.contains(t.file.path())) {
      return false;
    }
    TypeFact before = replacedTypes.get(t.fact.symbol());
    return before == null
        || before.kind() != t.fact.kind()
        || !before.modifiers().equals(t.fact.modifiers())
        || !before.supertypes().equals(t.fact.supertypes());
  }

  /**
   * A type added, removed or moved in the hierarchy ({@code head} null when removed, {@code b} -1
   * when added).
   */
  private void hierarchyChanged(T head, int b, Set<String> names, Set<String> files) {
    if (head != null) {
      names.add(head.simpleName);
      files.add(head.file.path());
      for (T s : Hierarchy.closure(head)) {
        memberNames(s, names);
      }
      for (T s : Hierarchy.subtypes(head)) {
        names.add(s.simpleName);
        files.add(s.file.path());
        memberNames(s, names);
      }
    }
    if (b >= 0) {
      names.add(TypeNames.simpleName(nodes.symbols()[b]));
      for (int s : baseClosure(b, false)) {
        baseMemberNames(s, names);
      }
      for (int s : baseClosure(b, true)) {
        names.add(TypeNames.simpleName(nodes.symbols()[s]));
        baseMemberNames(s, names);
      }
    }
  }

  /**
   * A replaced type in the same place in the hierarchy: the names of members added, removed or
   * reshaped, and its construction's when that changed.
   */
  private void membersChanged(T head, int b, Set<String> names, Set<String> files) {
    TypeFact before = replacedTypes.get(head.fact.symbol());
    if (before == null) { // declared in another file of the base: treat as new
      hierarchyChanged(head, b, names, files);
      return;
    }
    List<ImportFact> imports = replacedImports.get(head.file.path());
    if (!head.file.imports().equals(imports)) {
      // The same parameter types may now name other types, which decide between overloads.
      Set<String> reimported = reimported(imports, head.file.imports());
      if (reimported == null) {
        memberNames(head, names);
        baseMemberNames(b, names);
      } else {
        retyped(head.fact, reimported, names);
        retyped(before, reimported, names);
      }
    }
    Map<Symbol, MemberFact> old = new HashMap<>();
    before.members().forEach(m -> old.putIfAbsent(m.symbol(), m));
    boolean construction = false;
    for (MemberFact m : head.fact.members()) {
      MemberFact was = old.remove(m.symbol());
      if (was == null || !sameShape(was, m)) {
        names.add(m.name());
        construction |= constructs(m) || was != null && constructs(was);
      }
    }
    for (MemberFact gone : old.values()) {
      names.add(gone.name());
      construction |= constructs(gone);
    }
    if (construction) {
      names.add(head.simpleName);
      for (T s : Hierarchy.subtypes(head)) {
        names.add(s.simpleName);
      }
      for (int s : baseClosure(b, true)) {
        names.add(TypeNames.simpleName(nodes.symbols()[s]));
      }
    }
  }

  /**
   * The simple names an import change can give another meaning in its file: the last segment of
   * each single import added or removed (a static one may import a nested type); {@code null},
   * meaning any name, when an on-demand import was added or removed.
   */
  private static Set<String> reimported(List<ImportFact> before, List<ImportFact> after) {
    Set<ImportFact> changed = new HashSet<>(before);
    changed.addAll(after);
    changed.removeIf(i -> before.contains(i) && after.contains(i));
    Set<String> names = new HashSet<>();
    for (ImportFact i : changed) {
      if (i.onDemand()) {
        return null;
      }
      names.add(i.name().substring(i.name().lastIndexOf('.') + 1));
    }
    return names;
  }

  /**
   * The names of {@code type}'s members whose parameter or declared types spell one of {@code
   * reimported}; a constructor is looked up by its type's name.
   */
  private static void retyped(TypeFact type, Set<String> reimported, Set<String> names) {
    for (MemberFact m : type.members()) {
      if (spells(m.type(), reimported)
          || m.parameterTypes().stream().anyMatch(p -> spells(p, reimported))) {
        names.add(m.name());
      }
    }
  }

  /**
   * Whether a written type ({@code Map.Entry<K, List<V>>[]}) has one of {@code names} as a word.
   */
  private static boolean spells(String written, Set<String> names) {
    int start = -1;
    for (int i = 0; i <= written.length(); i++) {
      boolean part = i < written.length() && Character.isJavaIdentifierPart(written.charAt(i));
      if (part && start < 0) {
        start = i;
      } else if (!part && start >= 0) {
        if (names.contains(written.substring(start, i))) {
          return true;
        }
        start = -1;
      }
    }
    return false;
  }

  /**
   * What other files' lookups see of a member: its declared or return type too, which resolves the
   * calls chained on it ({@code Strings.CS.contains(..)}, {@code builder().limit(5)}).
   */
  private static boolean sameShape(MemberFact a, MemberFact b) {
    return a.kind() == b.kind()
        && a.name().equals(b.name())
        && a.modifiers().equals(b.modifiers())
        && a.parameterTypes().equals(b.parameterTypes())
        && a.varargs() == b.varargs()
        && a.references().isEmpty() == b.references().isEmpty()
        && a.type().equals(b.type());
  }

  /** Code that runs when its type is constructed or initialized. */
  private static boolean constructs(MemberFact m) {
    return switch (m.kind()) {
      case CONSTRUCTOR, INSTANCE_INITIALIZER, STATIC_INITIALIZER -> true;
      case FIELD -> true; // an initializer runs in every constructor
      default -> false;
    };
  }

  private static void memberNames(T t, Set<String> names) {
    names.addAll(t.methods.keySet());
    names.addAll(t.fields.keySet());
  }

  /** A base type's member names: its members are the nodes right after it. */
  private void baseMemberNames(int b, Set<String> names) {
    for (int m = b + 1; m < nodes.owners().length && nodes.owners()[m] == b; m++) {
      names.add(memberName(nodes.symbols()[m]));
    }
  }

  /** The base's supertype closure of type {@code b} (itself first), or its subtypes. */
  private List<Integer> baseClosure(int b, boolean down) {
    List<Integer> out = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    ArrayDeque<Integer> work = new ArrayDeque<>();
    work.add(b);
    while (!work.isEmpty()) {
      int t = work.poll();
      if (!seen.add(t)) {
        continue;
      }
      if (t != b || !down) {
        out.add(t);
      }
      if (down) {
        work.addAll(baseSubs().getOrDefault(t, List.of()));
      } else {
        for (int i = base.superOffsets[t]; i < base.superOffsets[t + 1]; i++) {
          work.add(base.supers[i]);
        }
      }
    }
    return out;
  }

  private Map<Integer, List<Integer>> baseSubs() {
    if (baseSubs == null) {
      baseSubs = new HashMap<>();
      for (int t = 0; t < nodes.symbols().length; t++) {
        for (int i = base.superOffsets[t]; i < base.superOffsets[t + 1]; i++) {
          baseSubs.computeIfAbsent(base.supers[i], k -> new ArrayList<>()).add(t);
        }
      }
    }
    return baseSubs;
  }

  /** {@code find} of {@code Outer#find(long)}. */
  private static String memberName(Symbol member) {
    String name = member.name();
    int hash = name.lastIndexOf('#');
    int paren = name.indexOf('(', hash);
    return name.substring(hash + 1, paren < 0 ? name.length() : paren);
  }

  // ---------------------------------------------------------------- copying

  /** Emits the base's edges and escalations of head node {@code id}, in the base's order. */
  void replay(Linker linker, int id) {
    int b = baseOf[id];
    if (b < 0) {
      throw new Stale("no base node for " + linker.symbols.get(id));
    }
    for (int e = base.edgeOffsets[b]; e < base.edgeOffsets[b + 1]; e++) {
      int to = headOf[base.to[e]];
      if (to < 0) {
        throw new Stale(linker.symbols.get(id) + " depends on " + nodes.symbols()[base.to[e]]);
      }
      int label = base.labels[e];
      linker.edge(id, to, label >>> 2, CONFIDENCES[label & 3], base.lines[e]);
    }
    for (int s = base.skippedOffsets[b]; s < base.skippedOffsets[b + 1]; s++) {
      Linker.Skipped k = base.skipped[s];
      linker.skipped.add(new Linker.Skipped(id, k.name(), k.arity(), k.candidates(), k.line()));
    }
  }
}
