package dev.scrutineer.analysis.reach.graph;

import dev.scrutineer.analysis.reach.graph.Linker.T;
import dev.scrutineer.analysis.reach.index.FileFacts;
import dev.scrutineer.analysis.reach.index.ImportFact;
import dev.scrutineer.analysis.reach.index.MemberFact;
import dev.scrutineer.analysis.reach.index.TypeFact;
import dev.scrutineer.model.Symbol;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

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
 *       resolving elsewhere now, or, its file's imports changed, naming a type outside the index on
 *       one side), its name and every member name of its supertypes and subtypes, on both sides,
 *       and its subtypes' names: calls dispatch into it, or through it, by those. Of a type added
 *       with no library type among its supertypes, the methods of a name too common to link by name
 *       alone ({@code build}, {@code get}) do not count: a call to one reaches it only through a
 *       name that counts already, and is escalated otherwise, whatever the methods;
 *   <li>for a type added or removed, the files where its simple name reaches it (its package and
 *       importers, or its enclosing type's family and importers) or that also mention a name of its
 *       container, which may qualify it; elsewhere that name is another type's. There, too, the
 *       members whose parameter or declared types spell it: it may hide another type of that name,
 *       or stop hiding one, which decides where chains through those members lead;
 *   <li>when a simple name comes to be, or stops being, the name of some type of the index, the
 *       members whose parameter or declared types spell it: a lambda is known to fit a parameter
 *       only when its type is a JDK functional interface no type of the index shares a name with.
 * </ul>
 *
 * <p>A member named in the first or the last item is only looked up where its declaring type's
 * family is (its supertypes, the library types they extend, its subtypes): a file that names the
 * member but writes none of those types' names links to it only if it names it loosely, with no
 * written type to look it up in (see {@link Mentions}), or declares one of those types.
 *
 * <p>Which files mention which names is kept with the base ({@link Mentions}). Copying an edge
 * whose target has gone would mean this reasoning missed a case: {@link Stale} is thrown rather
 * than a wrong graph returned.
 */
final class Relink {
  /** The base's edges do not fit the head: link everything instead. */
  static final class Stale extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stale(String message) {
      super(message);
    }
  }

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

  /** A type on both sides, or only in the head ({@code base} -1). */
  private record Owner(T head, int base) {}

  /**
   * Names of members whose lookups changed, by the type that declares them: only a file that looks
   * a member up in that type's family, or looks it up loosely, can link to it (see {@link
   * #naming}).
   */
  private final Map<Owner, Set<String>> members = new HashMap<>();

  private Set<String> membersOf(T head, int base) {
    return members.computeIfAbsent(new Owner(head, base), k -> new HashSet<>());
  }

  /**
   * The files whose lookups of {@code memberNames} in {@code owner} can have changed. A member is
   * looked up in a type whose name its file writes (a variable's declared type, the start of a
   * chain, a static import), or loosely (see {@link Mentions}). Written types reach {@code owner}'s
   * member only when they are in its family: its supertypes (whose calls dispatch to it), the
   * library types they extend (whose calls dispatch to it too), and its subtypes (which inherit
   * it); unqualified lookups in that family are loose, or in its own files.
   */
  private Set<String> naming(Owner owner, Set<String> memberNames) {
    Mentions mentions = base.mentions;
    Set<String> familyNames = new HashSet<>();
    List<String> familyFiles = new ArrayList<>();
    List<T> family = new ArrayList<>(Hierarchy.closure(owner.head()));
    family.addAll(Hierarchy.subtypes(owner.head()));
    for (T t : family) {
      familyNames.add(t.simpleName);
      familyNames.addAll(t.externalSupers);
      familyFiles.add(t.file.path());
    }
    if (owner.base() >= 0) {
      List<Integer> baseFamily = baseClosure(owner.base(), false);
      baseFamily.addAll(baseClosure(owner.base(), true));
      for (int b : baseFamily) {
        familyNames.add(TypeNames.simpleName(nodes.symbols()[b]));
        familyFiles.add(nodes.paths()[b]);
      }
    }
    BitSet looking = mentions.mentioning(familyNames);
    for (String path : familyFiles) {
      int file = mentions.indexOf(path);
      if (file >= 0) { // a file the base lacks mentions nothing in it: it is linked as changed
        looking.set(file);
      }
    }
    BitSet files = mentions.mentioning(memberNames);
    files.and(looking);
    files.or(mentions.looselyNaming(memberNames));
    return mentions.paths(files);
  }

  /**
   * The files to link again, once {@code linker} has declared the head and resolved its supertypes.
   */
  Set<String> scope(Linker linker) {
    translate(linker);
    Set<String> names = new HashSet<>();
    Set<String> relink = new HashSet<>(changedPaths);
    List<Symbol> comeOrGone = new ArrayList<>();
    for (T t : linker.allTypes()) {
      int b = baseOf[t.id];
      if (b < 0) {
        comeOrGone.add(t.fact.symbol());
      }
      if (b < 0
          || !nodes.paths()[b].equals(t.file.path())
          || !sameSupers(t, b)
          || !sameSuperclass(t, b)
          || headerChanged(t, b)) {
        hierarchyChanged(t, b, names, relink);
      } else if (changedPaths.contains(t.file.path())) {
        membersChanged(t, b, names, relink);
      }
    }
    int added = comeOrGone.size();
    for (int b = 0; b < nodes.symbols().length; b++) {
      if (nodes.owners()[b] == -1 && headOf[b] < 0) {
        comeOrGone.add(nodes.symbols()[b]);
        hierarchyChanged(null, b, names, relink); // a type the head no longer has
      }
    }
    Set<String> typeNames = newTypeNames(comeOrGone, added, linker);
    Map<String, List<Visibility>> comeOrGoneByName = bySimpleName(comeOrGone, linker);
    Set<String> lambdaTypes = lambdasMayChange(comeOrGoneByName, linker);
    names.addAll(lambdaTypes); // the lambdas given to variables of the type
    typeNames.addAll(lambdaTypes);
    if (!typeNames.isEmpty()) {
      // A lambda is known to fit a parameter only if no type of the index has its type's name; a
      // lambda passed to a method takes its parameters' types from the interface the method takes.
      Predicate<String> spells = remembered(spellsOneOf(typeNames));
      for (T t : spelling(typeNames, linker)) {
        retyped(t.fact, spells, membersOf(t, baseOf[t.id]));
      }
      for (TypeFact type : replacedTypes.values()) {
        T head = linker.type(type.symbol().qualified());
        retyped(type, spells, head == null ? names : membersOf(head, baseOf[head.id]));
      }
    }
    renamed(comeOrGoneByName, linker, names);
    named(comeOrGone, linker, relink);
    relink.addAll(base.mentions.of(names));
    members.forEach((owner, memberNames) -> relink.addAll(naming(owner, memberNames)));
    return relink;
  }

  /**
   * The files that can name a type added or removed: those that mention its simple name where it
   * reaches them, or mention a name that qualifies it too. Elsewhere that name is another type's.
   */
  private void named(List<Symbol> comeOrGone, Linker linker, Set<String> files) {
    Map<String, FileFacts> byPath = null;
    for (Symbol type : comeOrGone) {
      if (local(type)) {
        continue; // seen in its own file only, which is linked again
      }
      if (byPath == null) {
        byPath = new HashMap<>();
        for (T t : linker.allTypes()) {
          byPath.putIfAbsent(t.file.path(), t.file);
        }
      }
      Visibility visibility = visibility(type, linker);
      Mentions mentions = base.mentions;
      BitSet qualifying = mentions.mentioning(visibility.qualifiers());
      BitSet naming = mentions.mentioning(Set.of(TypeNames.simpleName(type)));
      for (int i = naming.nextSetBit(0); i >= 0; i = naming.nextSetBit(i + 1)) {
        FileFacts file = byPath.get(mentions.paths[i]);
        if (file == null || qualifying.get(i) || visibility.reaches(file)) {
          files.add(mentions.paths[i]);
        }
      }
    }
  }

  /**
   * Where a type added or removed is named by its simple name: in its package and the files that
   * import it or its package (a top-level type); in its enclosing type, that type's subtypes and
   * the files that import it or import from its enclosing type (a member type); and wherever its
   * package's or enclosing type's name qualifies it ({@code Outer.Inner}).
   *
   * @param pkg its package, for a top-level type; null for a member type
   * @param container its package or its enclosing type, as an import names them
   * @param files the files of its enclosing type and that type's subtypes, on both sides
   * @param qualifiers the simple names that qualify it: its package's last segment, or its
   *     enclosing type's and that type's subtypes'
   */
  private record Visibility(
      String pkg, String container, String qualified, Set<String> files, Set<String> qualifiers) {
    boolean reaches(FileFacts file) {
      if (file.packageName().equals(pkg) || files.contains(file.path())) {
        return true;
      }
      for (ImportFact i : file.imports()) {
        if (i.onDemand() ? i.name().equals(container) : i.name().equals(qualified)) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * A type added or removed changes what its name means where it is visible (a type of a package
   * hides the one an on-demand import gave): the members declared there whose parameter or declared
   * types spell it may now be of another type, which decides where chains through them lead and
   * which overloads are the most specific.
   */
  private void renamed(
      Map<String, List<Visibility>> bySimpleName, Linker linker, Set<String> names) {
    if (bySimpleName.isEmpty()) {
      return;
    }
    // Most written types spell none of those names: that is found once per distinct spelling.
    Predicate<String> spells = remembered(spellsOneOf(bySimpleName.keySet()));
    for (T t : spelling(bySimpleName.keySet(), linker)) {
      retyped(
          t.fact,
          written -> spells.test(written) && renamedIn(written, t.file, bySimpleName),
          membersOf(t, baseOf[t.id]));
    }
  }

  /** Where each type added or removed is visible, by simple name. */
  private Map<String, List<Visibility>> bySimpleName(List<Symbol> comeOrGone, Linker linker) {
    Map<String, List<Visibility>> bySimpleName = new HashMap<>();
    for (Symbol type : comeOrGone) {
      if (!local(type)) { // a local type is seen in its own file, linked again
        bySimpleName
            .computeIfAbsent(TypeNames.simpleName(type), k -> new ArrayList<>())
            .add(visibility(type, linker));
      }
    }
    return bySimpleName;
  }

  /**
   * The head's types whose members' parameter or declared types may spell one of {@code
   * simpleNames}: those of the files that mention one of them (the base's mentions count every word
   * of those types), and of the files the change replaced. No other member spells one.
   */
  private List<T> spelling(Set<String> simpleNames, Linker linker) {
    Set<String> files = base.mentions.of(simpleNames);
    files.addAll(changedPaths);
    List<T> types = new ArrayList<>();
    for (T t : linker.allTypes()) {
      if (files.contains(t.file.path())) {
        types.add(t);
      }
    }
    return types;
  }

  /** Of each type added or removed: both {@link #renamed} and {@link #named} ask. */
  private final Map<Symbol, Visibility> visibilities = new HashMap<>();

  private Visibility visibility(Symbol type, Linker linker) {
    return visibilities.computeIfAbsent(type, t -> visibilityOf(t, linker));
  }

  private Visibility visibilityOf(Symbol type, Linker linker) {
    String name = type.name();
    int dot = name.lastIndexOf('.');
    String pkg = type.packageName();
    if (dot < 0) {
      return new Visibility(
          pkg, pkg, type.qualified(), Set.of(), Set.of(pkg.substring(pkg.lastIndexOf('.') + 1)));
    }
    String outer = (pkg.isEmpty() ? "" : pkg + ".") + name.substring(0, dot);
    Set<String> files = new HashSet<>();
    Set<String> qualifiers = new HashSet<>();
    T head = linker.type(outer);
    if (head != null) {
      files.add(head.file.path());
      qualifiers.add(head.simpleName);
      for (T s : Hierarchy.subtypes(head)) {
        files.add(s.file.path());
        qualifiers.add(s.simpleName);
      }
    }
    // The base's type of that name: the head's own, paired by symbol, or else one removed.
    int outerInBase = head != null ? baseOf[head.id] : baseTypeNamed(outer);
    if (outerInBase >= 0) {
      List<Integer> family = baseClosure(outerInBase, true);
      family.add(outerInBase);
      for (int s : family) {
        files.add(nodes.paths()[s]);
        qualifiers.add(TypeNames.simpleName(nodes.symbols()[s]));
      }
    }
    return new Visibility(null, outer, type.qualified(), files, qualifiers);
  }

  /** The base's node of the type named {@code qualified}; -1 when it has none. */
  private int baseTypeNamed(String qualified) {
    for (int b = 0; b < nodes.symbols().length; b++) {
      if (nodes.owners()[b] == -1 && isNamed(nodes.symbols()[b], qualified)) {
        return b; // one node per symbol
      }
    }
    return -1;
  }

  /**
   * Whether {@code symbol}'s qualified name is {@code qualified}, without spelling it: this is
   * asked of every type of the base.
   */
  private static boolean isNamed(Symbol symbol, String qualified) {
    String pkg = symbol.packageName();
    String name = symbol.name();
    if (pkg.isEmpty()) {
      return name.equals(qualified);
    }
    return qualified.length() == pkg.length() + 1 + name.length()
        && qualified.endsWith(name)
        && qualified.charAt(pkg.length()) == '.'
        && qualified.startsWith(pkg);
  }

  /**
   * Whether {@code written}, a type written in {@code file}, names one of the types added or
   * removed, by its simple name where that is visible or qualified by a name of its container.
   */
  private static boolean renamedIn(
      String written, FileFacts file, Map<String, List<Visibility>> bySimpleName) {
    return TypeNames.anyWord(
        written,
        (word, start) -> {
          String qualifier = qualifierBefore(written, start);
          return bySimpleName.getOrDefault(word, List.of()).stream()
              .anyMatch(
                  v -> qualifier == null ? v.reaches(file) : v.qualifiers().contains(qualifier));
        });
  }

  /**
   * The word before the dot at {@code start - 1} ({@code Outer} of {@code Outer.Inner}), if any.
   */
  private static String qualifierBefore(String written, int start) {
    if (start == 0 || written.charAt(start - 1) != '.') {
      return null;
    }
    int end = start - 1;
    int from = end;
    while (from > 0 && Character.isJavaIdentifierPart(written.charAt(from - 1))) {
      from--;
    }
    return written.substring(from, end);
  }

  /**
   * The simple names of the interfaces whose lambdas' parameters may have other types now: those of
   * the files the change replaced, and those whose parameter types spell a type added or removed
   * where it is visible (they are resolved where the interface is written). A lambda passed to a
   * method taking one, in a file that need not name it, is typed by them.
   */
  private Set<String> lambdasMayChange(
      Map<String, List<Visibility>> comeOrGoneByName, Linker linker) {
    Set<String> names = new HashSet<>();
    for (TypeFact before : replacedTypes.values()) {
      if (!before.lambdaParameters().isEmpty()) {
        names.add(TypeNames.simpleName(before.symbol()));
      }
    }
    Predicate<String> spells = remembered(spellsOneOf(comeOrGoneByName.keySet()));
    for (T t : linker.allTypes()) {
      List<String> parameters = t.fact.lambdaParameters();
      if (!parameters.isEmpty()
          && (changedPaths.contains(t.file.path())
              || anyOf(
                  parameters,
                  written ->
                      spells.test(written) && renamedIn(written, t.file, comeOrGoneByName)))) {
        names.add(t.simpleName);
      }
    }
    return names;
  }

  /**
   * Of the simple names of types added or removed (the first {@code added} of {@code comeOrGone}
   * added), those only one side has a type of: the type names the index has are no longer the same.
   */
  private static Set<String> newTypeNames(List<Symbol> comeOrGone, int added, Linker linker) {
    // The base's types are the head's, less those added, with those removed: counted by name.
    Map<String, Integer> gained = new HashMap<>();
    for (int i = 0; i < comeOrGone.size(); i++) {
      gained.merge(TypeNames.simpleName(comeOrGone.get(i)), i < added ? 1 : -1, Integer::sum);
    }
    Set<String> changed = new HashSet<>();
    gained.forEach(
        (name, count) -> {
          int head = linker.typesNamed(name);
          if ((head - count > 0) != (head > 0)) {
            changed.add(name);
          }
        });
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

  /**
   * Whether {@code t} extends the type the base's {@code b} extended. With the same supertypes it
   * can differ only in a cycle of them, which a type added or removed elsewhere can make resolve in
   * another order, and so break at another place.
   */
  private boolean sameSuperclass(T t, int b) {
    int was = base.superclasses[b];
    return t.superclass == null ? was < 0 : baseOf[t.superclass.id] == was;
  }

  /**
   * A replaced type whose kind, modifiers or written supertypes differ from the base's {@code b},
   * or whose supertypes outside the index may: its file's imports changed, and on one side it names
   * a supertype that is not a type of the index ({@code extends E}, and {@code E} imported now).
   */
  private boolean headerChanged(T t, int b) {
    if (!changedPaths.contains(t.file.path())) {
      return false;
    }
    TypeFact before = replacedTypes.get(t.fact.symbol());
    if (before == null
        || before.kind() != t.fact.kind()
        || !before.modifiers().equals(t.fact.modifiers())
        || !before.supertypes().equals(t.fact.supertypes())) {
      return true;
    }
    List<ImportFact> imported = replacedImports.get(t.file.path());
    return imported != null
        && !imported.equals(t.file.imports())
        && (base.superOffsets[b + 1] - base.superOffsets[b] < before.supertypes().size()
            || t.supers.size() < t.fact.supertypes().size());
  }

  /**
   * A type added, removed or moved in the hierarchy ({@code head} null when removed, {@code b} -1
   * when added).
   */
  private void hierarchyChanged(T head, int b, Set<String> names, Set<String> files) {
    if (head != null) {
      if (b >= 0 || local(head.fact.symbol())) {
        names.add(head.simpleName); // else see named()
      }
      files.add(head.file.path());
      for (T s : Hierarchy.closure(head)) {
        if (s == head && b < 0 && !Hierarchy.inheritsFromLibrary(head)) {
          addedMemberNames(head, names);
        } else {
          memberNames(s, names);
        }
      }
      for (T s : Hierarchy.subtypes(head)) {
        names.add(s.simpleName);
        files.add(s.file.path());
        memberNames(s, names);
      }
    }
    if (b >= 0) {
      if (head != null || local(nodes.symbols()[b])) {
        names.add(TypeNames.simpleName(nodes.symbols()[b])); // else see named()
      }
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
    Set<String> own = membersOf(head, b);
    List<ImportFact> imports = replacedImports.get(head.file.path());
    if (!head.file.imports().equals(imports)) {
      // The same parameter types may now name other types, which decide between overloads.
      Set<String> reimported = reimported(imports, head.file.imports());
      if (reimported == null) {
        memberNames(head, own);
        baseMemberNames(b, own);
      } else {
        retyped(head.fact, reimported, own);
        retyped(before, reimported, own);
      }
    }
    Map<Symbol, MemberFact> old = new HashMap<>();
    before.members().forEach(m -> old.putIfAbsent(m.symbol(), m));
    boolean construction = false;
    for (MemberFact m : head.fact.members()) {
      MemberFact was = old.remove(m.symbol());
      if (was == null || !sameShape(was, m)) {
        own.add(m.name());
        construction |= constructs(m) || was != null && constructs(was);
      }
    }
    for (MemberFact gone : old.values()) {
      own.add(gone.name());
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
    retyped(type, spellsOneOf(reimported), names);
  }

  /** Whether a written type spells one of {@code simpleNames}. */
  private static Predicate<String> spellsOneOf(Set<String> simpleNames) {
    return written -> TypeNames.anyWord(written, (word, start) -> simpleNames.contains(word));
  }

  /** {@code test}, asked once per distinct written type: the same few hundred recur. */
  private static Predicate<String> remembered(Predicate<String> test) {
    Map<String, Boolean> known = new HashMap<>();
    return written -> known.computeIfAbsent(written, test::test);
  }

  /**
   * The names of {@code type}'s members with a parameter or declared type that is {@code naming}.
   */
  private static void retyped(TypeFact type, Predicate<String> naming, Set<String> names) {
    for (MemberFact m : type.members()) {
      if (naming.test(m.type())
          || anyOf(m.parameterTypes(), naming)
          || anyOf(m.genericParameterTypes(), naming)) {
        names.add(m.name());
      }
    }
  }

  private static boolean anyOf(List<String> written, Predicate<String> naming) {
    for (String type : written) {
      if (naming.test(type)) {
        return true;
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
        && a.genericParameterTypes().equals(b.genericParameterTypes())
        && a.varargs() == b.varargs()
        && a.references().isEmpty() == b.references().isEmpty()
        && a.type().equals(b.type())
        && a.returnsSelf() == b.returnsSelf();
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

  /**
   * The member names of a type added that no library type dispatches to, but for methods of an
   * {@link Linker#AMBIGUOUS_NAMES ambiguous} name: a call to one reaches it only on a receiver
   * typed through its name, a supertype's (whose member names count) or a chain through a member
   * that is changed too; on any other receiver such a call is escalated, whatever the methods.
   */
  private static void addedMemberNames(T t, Set<String> names) {
    for (String name : t.methods.keySet()) {
      if (!Linker.AMBIGUOUS_NAMES.contains(name)) {
        names.add(name);
      }
    }
    names.addAll(t.fields.keySet());
  }

  /** A local or anonymous type: {@code Outer#run()$Helper}. */
  private static boolean local(Symbol type) {
    return type.name().indexOf('$') >= 0;
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

  /** Head nodes whose edges are the base's, by node; null until the first. */
  private boolean[] copied;

  /**
   * Head node {@code id} keeps the base's edges, which {@link CodeGraph} merges in (see {@link
   * #baseEdgesTo}), and the base's escalations, emitted here.
   */
  void copy(Linker linker, int id) {
    int b = baseOf[id];
    if (b < 0) {
      throw new Stale("no base node for " + linker.symbols.get(id));
    }
    if (copied == null) {
      copied = new boolean[baseOf.length];
    }
    copied[id] = true;
    for (int s = base.skippedOffsets[b]; s < base.skippedOffsets[b + 1]; s++) {
      Linker.Skipped k = base.skipped[s];
      linker.skipped.add(new Linker.Skipped(id, k.name(), k.arity(), k.candidates(), k.line()));
    }
  }

  /** How many edges the base has: no more than that are copied. */
  int baseEdgeCount() {
    return base.from.length;
  }

  /**
   * The copied edges to head node {@code to}, as the base has them, their sources translated:
   * appended to {@code out} as {@code from, via << 8 | confidence, line}, by source.
   *
   * @return how many
   */
  int baseEdgesTo(int to, IntList out) {
    int b = baseOf[to];
    if (b < 0 || copied == null) {
      return 0;
    }
    int count = 0;
    int last = -1;
    boolean sorted = true;
    for (int e = base.offsets[b]; e < base.offsets[b + 1]; e++) {
      int from = headOf[base.from[e]];
      if (from < 0 || !copied[from]) {
        continue; // a source linked again, whose edges the linker found afresh
      }
      int label = base.labels[e];
      out.add(from);
      out.add((label >>> 2) << 8 | label & 3);
      out.add(base.lines[e]);
      sorted &= from > last;
      last = from;
      count++;
    }
    if (!sorted) {
      sortTriples(out, out.size() - 3 * count, count);
    }
    return count;
  }

  /**
   * {@link #baseEdgesTo(int, IntList)} written to the columns of a graph from {@code at} on.
   *
   * @return how many; -1 when their sources are not in ascending order, and then what was written
   *     is to be overwritten
   */
  int baseEdgesTo(int to, int[] from, byte[] via, byte[] confidence, int[] lines, int at) {
    int b = baseOf[to];
    if (b < 0 || copied == null) {
      return 0;
    }
    int next = at;
    int last = -1;
    for (int e = base.offsets[b]; e < base.offsets[b + 1]; e++) {
      int source = headOf[base.from[e]];
      if (source < 0 || !copied[source]) {
        continue; // a source linked again, whose edges the linker found afresh
      }
      if (source <= last) {
        return -1;
      }
      last = source;
      int label = base.labels[e];
      from[next] = source;
      via[next] = (byte) (label >>> 2);
      confidence[next] = (byte) (label & 3);
      lines[next] = base.lines[e];
      next++;
    }
    return next - at;
  }

  /** Sorts the last {@code count} triples of {@code list}, from {@code at}, by their first int. */
  private static void sortTriples(IntList list, int at, int count) {
    int[] a = list.array();
    Integer[] order = new Integer[count];
    for (int i = 0; i < count; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Integer.compare(a[at + 3 * x], a[at + 3 * y]));
    int[] copy = Arrays.copyOfRange(a, at, at + 3 * count);
    for (int i = 0; i < count; i++) {
      System.arraycopy(copy, 3 * order[i], a, at + 3 * i, 3);
    }
  }

  /**
   * Checks that no copied edge leads to a declaration the head no longer has: that would mean the
   * scope missed a file.
   *
   * @throws Stale when one does
   */
  void checkCopiedTargets() {
    if (copied == null) {
      return;
    }
    for (int b = 0; b < headOf.length; b++) {
      if (headOf[b] >= 0) {
        continue;
      }
      for (int e = base.offsets[b]; e < base.offsets[b + 1]; e++) {
        int from = headOf[base.from[e]];
        if (from >= 0 && copied[from]) {
          throw new Stale(nodes.symbols()[base.from[e]] + " depends on " + nodes.symbols()[b]);
        }
      }
    }
  }
}
