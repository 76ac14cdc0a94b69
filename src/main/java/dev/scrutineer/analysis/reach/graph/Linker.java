package dev.scrutineer.analysis.reach.graph;

import dev.scrutineer.analysis.reach.index.AnnotationFact;
import dev.scrutineer.analysis.reach.index.FileFacts;
import dev.scrutineer.analysis.reach.index.ImportFact;
import dev.scrutineer.analysis.reach.index.MemberFact;
import dev.scrutineer.analysis.reach.index.Reference;
import dev.scrutineer.analysis.reach.index.Reference.Receiver;
import dev.scrutineer.analysis.reach.index.TypeFact;
import dev.scrutineer.model.Confidence;
import dev.scrutineer.model.DeclarationKind;
import dev.scrutineer.model.Symbol;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Resolves every {@link Reference} of the index to declarations with Java's scoping rules and
 * class-hierarchy analysis, without a build, and emits the edges of a {@link CodeGraph}. One use:
 * build, call {@link #link}, read the results.
 */
final class Linker {
  /**
   * Names that almost every class answers to (Object's methods, collection and accessor idioms): a
   * call to one of them on a receiver of unknown type says nothing about its target.
   */
  static final Set<String> AMBIGUOUS_NAMES =
      Set.of(
          "get",
          "set",
          "equals",
          "hashCode",
          "toString",
          "size",
          "isEmpty",
          "add",
          "put",
          "remove",
          "contains",
          "clear",
          "iterator",
          "stream",
          "of",
          "length",
          "getClass",
          "close",
          "compareTo",
          "clone",
          "name",
          "getName",
          "value",
          "build");

  /** More name-only candidates than this and a fallback reference escalates instead. */
  static final int MAX_FALLBACK = 50;

  /**
   * The labels the linker itself emits, with fixed ids (their index), so that emitting one of the
   * millions of edges costs no map lookup; extra edges' labels get ids after them.
   */
  private static final List<String> OWN_VIAS =
      List.of("type", "member-of", "override", "new", "call", "class-literal", "field");

  private static final int TYPE = 0;
  private static final int MEMBER_OF = 1;
  private static final int OVERRIDE = 2;
  private static final int NEW = 3;
  private static final int CALL = 4;
  private static final int CLASS_LITERAL = 5;
  private static final int FIELD = 6;

  private static final Confidence HIGH = Confidence.HIGH;
  private static final Confidence MEDIUM = Confidence.MEDIUM;
  private static final Confidence LOW = Confidence.LOW;

  /** A declared type with what linking derives about it. */
  static final class T {
    final TypeFact fact;
    final FileFacts file;
    final int id;
    final String qualified;
    final String simpleName;

    /** The lexically enclosing type; null for top-level types. */
    T outer;

    /** For local and anonymous types, the member whose code declares them. */
    M enclosingMember;

    final List<T> supers = new ArrayList<>();
    T superclass;
    final List<T> subs = new ArrayList<>();

    /** Supertypes outside the index, by simple name: {@code Runnable}. */
    final List<String> externalSupers = new ArrayList<>();

    /** A supertype outside the index is no JDK type, so its own supertypes are unknown. */
    boolean opaqueSuper;

    /** {@link Arguments#supertypeNames}, once asked for; null until then. */
    Set<String> supertypeNames;

    final Map<String, List<M>> methods = new LinkedHashMap<>();
    final Map<String, M> fields = new HashMap<>();
    final List<M> constructors = new ArrayList<>();
    final List<M> instanceInits = new ArrayList<>();
    M staticInit;
    // Simple names resolved in this type's scope, with and without inherited member types: two
    // maps rather than a "+name" key, which would build a string per lookup.
    final Map<String, Object> scopeCache = new HashMap<>();
    final Map<String, Object> ownScopeCache = new HashMap<>();

    /** Types named {@code qualified + "." + suffix}, by suffix; filled on first use. */
    Map<String, T> byDottedSuffix;

    /** Where receiver chains starting at this type end, by chain; filled on first use. */
    Map<String, Chains.Reached> chains;

    /**
     * Where receiver chains written in this type's code end that start at a JDK type, or at a
     * lambda whose type's arguments are written here.
     */
    Map<String, Chains.Reached> writtenChains;

    /** The JDK types names written in this type's file stand for; filled on first use. */
    Map<String, Optional<Class<?>>> jdkTypes;

    /** {@link Arguments#canonical} of the arguments of calls in this type's code, by arguments. */
    Map<String, List<String>> canonicalArguments;

    /** {@link Arguments#supertypeNames} of the types written in this type's code; on first use. */
    Map<String, Set<String>> argumentSupertypes;

    List<T> subtypeClosure;

    /**
     * The node of each of {@code fact.members()}, by position: its own, or the first declaration of
     * the same symbol.
     */
    final M[] memberNodes;

    boolean supersResolved;

    /** Supertype closure, filled once every supertype is resolved. */
    List<T> closure;

    T(TypeFact fact, FileFacts file, int id) {
      this.fact = fact;
      this.file = file;
      this.id = id;
      this.qualified = fact.symbol().qualified();
      this.simpleName = TypeNames.simpleName(fact.symbol());
      this.memberNodes = new M[fact.members().size()];
    }

    boolean isInterface() {
      return fact.kind() == DeclarationKind.INTERFACE
          || fact.kind() == DeclarationKind.ANNOTATION_TYPE;
    }
  }

  /** A declared member. */
  static final class M {
    final MemberFact fact;
    final T owner;
    final int id;
    final List<String> params;

    /** Name and erased parameters, built on first use: few members are ever looked up by it. */
    private String signature;

    /** Class-hierarchy dispatch of calls to this method, by receiver type; null until one. */
    Map<T, int[]> dispatch;

    /** The local and anonymous types its code declares; empty for most members. */
    List<T> localTypes = List.of();

    M(MemberFact fact, T owner, int id, Map<String, String> simpleTypes) {
      this.fact = fact;
      this.owner = owner;
      this.id = id;
      List<String> written = fact.parameterTypes();
      String[] simple = new String[written.size()];
      for (int i = 0; i < simple.length; i++) {
        simple[i] = simpleTypes.computeIfAbsent(written.get(i), TypeNames::simpleType);
      }
      this.params = List.of(simple);
    }

    String signature() {
      if (signature == null) {
        signature = fact.name() + "(" + String.join(",", params) + ")";
      }
      return signature;
    }

    boolean isStatic() {
      return fact.modifiers().contains("static");
    }

    boolean isVirtual() {
      return fact.kind() == DeclarationKind.METHOD
          && !fact.modifiers().contains("static")
          && !fact.modifiers().contains("private");
    }

    boolean acceptsArity(int arity) {
      int n = params.size();
      return arity < 0 || (fact.varargs() ? arity >= n - 1 : arity == n);
    }
  }

  /**
   * A reference the linker refused to fan out by name alone; {@link #UNCOUNTED} candidates for a
   * method of an {@link #AMBIGUOUS_NAMES ambiguous} name, counted once every type is declared
   * ({@link #candidates}).
   */
  record Skipped(int from, String name, int arity, int candidates, int line) {
    static final int UNCOUNTED = -1;
  }

  // Nodes.
  final ArrayList<Symbol> symbols = new ArrayList<>();
  final ArrayList<String> paths = new ArrayList<>();
  final IntList lines = new IntList();
  final IntList owners = new IntList();
  final ArrayList<DeclarationKind> kinds = new ArrayList<>();
  Map<Symbol, Integer> ids = new HashMap<>();

  /** Symbols declared again after their node was made; few, and kept with a linked base. */
  final Set<Symbol> redeclared = new HashSet<>();

  // Edges, as parallel columns; CodeGraph sorts and deduplicates them.
  final IntList edgeFrom = new IntList();
  final IntList edgeTo = new IntList();
  final IntList edgeVia = new IntList();
  final IntList edgeConfidence = new IntList();
  final IntList edgeLine = new IntList();
  final List<String> vias = new ArrayList<>(OWN_VIAS);
  private final Map<String, Integer> viaIds = new HashMap<>();

  /** How many of the edges the linker found itself: the extra edges follow them. */
  int ownEdges;

  /** What the edges of the nodes not linked again are copied from; null for a full link. */
  Relink relinked;

  final List<Skipped> skipped = new ArrayList<>();
  int ignoredExtraEdges;

  /** How many files were linked from their references rather than copied. */
  int linkedFiles;

  /** Why a base given to relink from did not fit; null when none was given or it fitted. */
  String unfitBase;

  private final Map<String, T> types = new HashMap<>();

  /** The type of the index named {@code qualified}; null when there is none. */
  T type(String qualified) {
    return types.get(qualified);
  }

  private final List<T> allTypes = new ArrayList<>();

  /** How many types of the index have each simple name. */
  private final Map<String, Integer> simpleNames = new HashMap<>();

  /** Whether some type of the index has the simple name {@code simple}. */
  boolean declaresTypeNamed(String simple) {
    return simpleNames.containsKey(simple);
  }

  /** How many types of the index have the simple name {@code simple}. */
  int typesNamed(String simple) {
    return simpleNames.getOrDefault(simple, 0);
  }

  /** Every declared type, in declaration order. */
  List<T> allTypes() {
    return allTypes;
  }

  /** Members by node id; null for types. */
  private M[] members = new M[0];

  /** {@link #simpleType} of parameter types: the same few hundred are written again and again. */
  private final Map<String, String> simpleTypes = new HashMap<>();

  /** Where receiver and argument chains lead. */
  final Chains chains = new Chains(this);

  /** What calls' arguments say about the overloads they mean. */
  private final Arguments arguments = new Arguments(this);

  /**
   * {@link JdkTypes#type} of {@code written} in {@code where}'s file, remembered per type: chains
   * and arguments name the same few again and again.
   */
  static Optional<Class<?>> jdkType(T where, String written) {
    if (where.jdkTypes == null) {
      where.jdkTypes = new HashMap<>();
    }
    return where.jdkTypes.computeIfAbsent(written, w -> JdkTypes.type(w, where.file));
  }

  /** {@link #simpleType} of {@code written}, remembered. */
  String simple(String written) {
    return simpleTypes.computeIfAbsent(written, TypeNames::simpleType);
  }

  private final Map<String, List<T>> typesByExternalSuper = new HashMap<>();
  private final Map<String, List<M>> methodsByName = new HashMap<>();
  private final Map<String, List<M>> fieldsByName = new HashMap<>();

  void link(Collection<FileFacts> files, Supplier<? extends Collection<Edge>> extraEdges) {
    link(files, extraEdges, null);
  }

  /**
   * Links {@code files}; with {@code relink}, only the files it scopes are linked and the others'
   * edges are copied from its base.
   *
   * @throws Relink.Stale when the base's edges do not fit these files
   */
  void link(
      Collection<FileFacts> files, Supplier<? extends Collection<Edge>> extraEdges, Relink relink) {
    declare(files);
    nest();
    for (T t : allTypes) {
      resolveSupertypes(t);
    }
    for (T t : allTypes) {
      t.scopeCache.clear(); // lookups made while supertypes were still unresolved
      t.ownScopeCache.clear();
    }
    Set<String> scope = relink == null ? null : relink.scope(this);
    linkedFiles =
        scope == null
            ? files.size()
            : (int) files.stream().filter(f -> scope.contains(f.path())).count();
    for (T t : allTypes) {
      if (scope == null || scope.contains(t.file.path())) {
        linkType(t);
      } else {
        // The same order of sources as linkType's: each node's escalations, the type's first.
        relink.copy(this, t.id);
        for (M m : t.memberNodes) {
          if (m != null && m.owner == t) {
            relink.copy(this, m.id);
          }
        }
      }
    }
    relinked = relink;
    ownEdges = edgeTo.size();
    for (Edge e : extraEdges.get()) {
      Integer from = ids.get(e.from());
      Integer to = ids.get(e.to());
      if (from == null || to == null) {
        ignoredExtraEdges++;
      } else {
        edge(from, to, via(e.via()), e.confidence(), e.line());
      }
    }
  }

  /**
   * What {@link LinkedBase} keeps of this linker's work: {@code graph} must be the graph of this
   * linker, linked without extra edges.
   */
  LinkedBase snapshot(CodeGraph graph) {
    if (vias.size() != OWN_VIAS.size()) {
      throw new IllegalStateException("a linked base holds the linker's own edges only");
    }
    int n = symbols.size();
    int[] superOffsets = new int[n + 1];
    for (T t : allTypes) {
      superOffsets[t.id + 1] = t.supers.size();
    }
    for (int i = 0; i < n; i++) {
      superOffsets[i + 1] += superOffsets[i];
    }
    int[] supers = new int[superOffsets[n]];
    for (T t : allTypes) {
      for (int i = 0; i < t.supers.size(); i++) {
        supers[superOffsets[t.id] + i] = t.supers.get(i).id;
      }
    }
    int[] superclasses = new int[n];
    Arrays.fill(superclasses, -1);
    for (T t : allTypes) {
      if (t.superclass != null) {
        superclasses[t.id] = t.superclass.id;
      }
    }
    byte[] labels = new byte[graph.from.length];
    for (int e = 0; e < labels.length; e++) {
      labels[e] = (byte) (graph.via[e] << 2 | graph.confidence[e]);
    }
    int[] skippedOffsets = new int[n + 1];
    for (Skipped s : skipped) {
      skippedOffsets[s.from() + 1]++;
    }
    for (int i = 0; i < n; i++) {
      skippedOffsets[i + 1] += skippedOffsets[i];
    }
    int[] skippedFill = Arrays.copyOf(skippedOffsets, n);
    Skipped[] bySource = new Skipped[skipped.size()];
    for (Skipped s : skipped) {
      bySource[skippedFill[s.from()]++] = s;
    }
    return new LinkedBase(
        n,
        Nodes.hash(symbols, owners.array()),
        redeclared.toArray(new Symbol[0]),
        superOffsets,
        supers,
        superclasses,
        graph.offsets,
        graph.from,
        labels,
        graph.edgeLines,
        skippedOffsets,
        bySource);
  }

  // ---------------------------------------------------------------- declarations

  private int node(Symbol symbol, String path, int line, DeclarationKind kind, int owner) {
    int id = symbols.size();
    Integer known = ids.putIfAbsent(symbol, id); // one hash lookup per node, not two
    if (known != null) {
      redeclared.add(symbol);
      return known; // the same symbol declared twice (a copied file): one node
    }
    symbols.add(symbol);
    paths.add(path);
    lines.add(line);
    owners.add(owner);
    kinds.add(kind);
    return id;
  }

  private void declare(Collection<FileFacts> files) {
    // Sized for every declaration up front: rehashing a map of a few hundred thousand symbols
    // again and again as it grows costs more than counting them first.
    int declarations = 0;
    for (FileFacts file : files) {
      for (TypeFact type : file.types()) {
        declarations += 1 + type.members().size();
      }
    }
    ids = new HashMap<>(Math.max(16, declarations * 4 / 3 + 1));
    members = new M[declarations]; // node ids never reach the number of declarations
    symbols.ensureCapacity(declarations);
    paths.ensureCapacity(declarations);
    kinds.ensureCapacity(declarations);
    lines.ensureCapacity(declarations);
    owners.ensureCapacity(declarations);
    for (FileFacts file : files) {
      for (TypeFact type : file.types()) {
        int before = symbols.size();
        int id = node(type.symbol(), file.path(), type.line(), type.kind(), -1);
        if (id < before) {
          continue;
        }
        T t = new T(type, file, id);
        types.put(t.qualified, t);
        allTypes.add(t);
        simpleNames.merge(t.simpleName, 1, Integer::sum);
        List<MemberFact> facts = type.members();
        for (int i = 0; i < facts.size(); i++) {
          MemberFact member = facts.get(i);
          int mBefore = symbols.size();
          int mid = node(member.symbol(), file.path(), member.line(), member.kind(), id);
          if (mid < mBefore) {
            t.memberNodes[i] = members[mid]; // the first declaration of this symbol
            continue;
          }
          M m = new M(member, t, mid, simpleTypes);
          members[mid] = m;
          t.memberNodes[i] = m;
          switch (member.kind()) {
            case METHOD, ANNOTATION_MEMBER -> {
              t.methods.computeIfAbsent(member.name(), k -> new ArrayList<>()).add(m);
              methodsByName.computeIfAbsent(member.name(), k -> new ArrayList<>()).add(m);
            }
            case CONSTRUCTOR -> t.constructors.add(m);
            case FIELD, ENUM_CONSTANT, RECORD_COMPONENT -> {
              t.fields.putIfAbsent(member.name(), m);
              fieldsByName.computeIfAbsent(member.name(), k -> new ArrayList<>()).add(m);
              if (member.kind() == DeclarationKind.FIELD
                  && !m.isStatic()
                  && !member.references().isEmpty()) {
                t.instanceInits.add(m);
              }
            }
            case INSTANCE_INITIALIZER -> t.instanceInits.add(m);
            case STATIC_INITIALIZER -> t.staticInit = m;
            default -> {}
          }
        }
      }
    }
  }

  /**
   * Finds each type's lexically enclosing type or member from the symbol names: the longest prefix
   * that is a type (followed by {@code .}) or a member (followed by {@code $}).
   */
  private void nest() {
    for (T t : allTypes) {
      String q = t.qualified;
      String pkg = t.fact.symbol().packageName();
      int start = pkg.isEmpty() ? 0 : pkg.length() + 1;
      for (int i = q.length() - 1; i > pkg.length(); i--) {
        char c = q.charAt(i);
        if (c == '.') {
          T outer = types.get(q.substring(0, i));
          if (outer != null) {
            t.outer = outer;
            break;
          }
        } else if (c == '$' && i > start && q.charAt(i - 1) != '.') {
          // A '$' that begins a name ($trange is a legal class name) separates nothing.
          Integer mid =
              ids.get(new Symbol(pkg, q.substring(pkg.isEmpty() ? 0 : pkg.length() + 1, i)));
          M m = mid == null ? null : members[mid];
          if (m != null) {
            t.enclosingMember = m;
            t.outer = m.owner;
            if (m.localTypes.isEmpty()) {
              m.localTypes = new ArrayList<>();
            }
            m.localTypes.add(t);
            break;
          }
        }
      }
    }
  }

  private void resolveSupertypes(T t) {
    if (t.supersResolved) {
      return;
    }
    t.supersResolved = true;
    // A type's header is in the scope around it: its own nested types are not visible there, but
    // the member types its enclosing types declare or inherit are, so theirs come first.
    for (T o = t.outer; o != null; o = o.outer) {
      resolveSupertypes(o);
    }
    for (String written : t.fact.supertypes()) {
      T s = resolveType(written, t.outer, t.enclosingMember, true);
      if (s == null && t.outer == null) {
        s = inFileScope(written, t);
      }
      if (s != null && s != t) {
        resolveSupertypes(s); // its supertypes hold the member types it passes on
        t.supers.add(s);
        s.subs.add(t);
        if (!s.isInterface() && !t.isInterface() && !extendsFrom(s, t)) {
          t.superclass = s;
        }
      } else if (s == null) {
        externalSuper(t, TypeNames.simpleType(written));
        Optional<List<String>> jdk = JdkTypes.find(written, t.file);
        jdk.ifPresent(inherited -> inherited.forEach(name -> externalSuper(t, name)));
        t.opaqueSuper |= jdk.isEmpty();
      }
    }
  }

  /**
   * A supertype of the top-level type {@code t} as its file reads it: the first segment from the
   * file's imports and package, each later one a member type of the one before ({@code
   * DefaultPrettyPrinter.NopIndenter}); null when the file names no such type of the index.
   */
  private T inFileScope(String written, T t) {
    String[] segments = TypeNames.rawType(written).split("\\.");
    T walk = typeNames.inFile(segments[0], t);
    for (int i = 1; walk != null && i < segments.length; i++) {
      resolveSupertypes(walk); // its member types include those it inherits
      walk = typeNames.nested(walk, segments[i], true);
    }
    return walk;
  }

  /** Records a supertype of {@code t} outside the index, by simple name, once. */
  private void externalSuper(T t, String simple) {
    if (!t.externalSupers.contains(simple)) {
      t.externalSupers.add(simple);
      typesByExternalSuper.computeIfAbsent(simple, k -> new ArrayList<>()).add(t);
    }
  }

  /**
   * {@code t} is {@code s} or one of its superclasses. Javac rejects cyclic inheritance, but names
   * resolved without a build can still form a cycle, and the walks up the superclass chain must
   * end.
   */
  private static boolean extendsFrom(T s, T t) {
    for (T c = s; c != null; c = c.superclass) {
      if (c == t) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- type names

  private final TypeNames typeNames = new TypeNames(types);

  /** {@link TypeNames#resolve}. */
  T resolveType(String written, T ctx, M member, boolean inherit) {
    return typeNames.resolve(written, ctx, member, inherit);
  }

  // ---------------------------------------------------------------- edges

  private int via(String via) {
    int own = OWN_VIAS.indexOf(via);
    if (own >= 0) {
      return own;
    }
    return viaIds.computeIfAbsent(
        via,
        v -> {
          vias.add(v);
          return vias.size() - 1;
        });
  }

  private void edge(int from, int to, int via, Confidence confidence, int line) {
    if (from == to) {
      return;
    }
    edgeFrom.add(from);
    edgeTo.add(to);
    edgeVia.add(via);
    edgeConfidence.add(confidence.ordinal());
    edgeLine.add(line);
  }

  private void linkType(T t) {
    for (T s : t.supers) {
      edge(t.id, s.id, TYPE, HIGH, t.fact.line());
    }
    if (t.enclosingMember != null) {
      // A local or anonymous class is part of the code of the member that declares it.
      edge(t.id, t.enclosingMember.id, MEMBER_OF, HIGH, t.fact.line());
    }
    annotations(t.id, t.fact.annotations(), t.outer, t.enclosingMember, t.fact.line());
    List<MemberFact> facts = t.fact.members();
    for (int k = 0; k < facts.size(); k++) {
      MemberFact fact = facts.get(k);
      M m = t.memberNodes[k];
      if (m == null || m.owner != t) {
        continue;
      }
      edge(m.id, t.id, MEMBER_OF, HIGH, fact.line());
      annotations(m.id, fact.annotations(), t, m, fact.line());
      if (m.isVirtual()) {
        for (T s : Hierarchy.closure(t)) {
          if (s == t) {
            continue;
          }
          for (M base : s.methods.getOrDefault(fact.name(), List.of())) {
            if (base.isVirtual() && Hierarchy.overridesBase(m, base)) {
              edge(m.id, base.id, OVERRIDE, HIGH, fact.line());
            }
          }
        }
      }
      if (fact.kind() == DeclarationKind.CONSTRUCTOR) {
        implicitConstructorWork(m);
      }
      for (Reference r : fact.references()) {
        reference(m, r);
      }
    }
  }

  private void annotations(int from, List<AnnotationFact> annotations, T ctx, M member, int line) {
    for (AnnotationFact a : annotations) {
      T type = resolveType(a.name(), ctx, member, true);
      if (type != null) {
        edge(from, type.id, TYPE, HIGH, line);
      }
    }
  }

  /**
   * What javac puts in a constructor besides its own code: field initializers and initializer
   * blocks, and the superclass's no-argument constructor, unless it starts with {@code this(...)}
   * or {@code super(...)}.
   */
  private void implicitConstructorWork(M ctor) {
    boolean delegates = false;
    for (Reference r : ctor.fact.references()) {
      if (r.kind() == Reference.ReferenceKind.NEW
          && (r.receiver() == Receiver.THIS
              || r.receiver() == Receiver.SUPER
              || r.name().equals("this")
              || r.name().equals("super"))) {
        delegates = true;
      }
    }
    if (delegates) {
      return;
    }
    for (M init : ctor.owner.instanceInits) {
      edge(ctor.id, init.id, NEW, HIGH, ctor.fact.line());
    }
    if (ctor.owner.superclass != null) {
      construct(ctor.id, ctor.owner.superclass, 0, ctor.fact.line(), false);
    }
  }

  /**
   * {@code from} creates a {@code t} with {@code arity} arguments: its matching constructors, or
   * for an implicit default constructor the type, its initializers and its superclass's
   * construction.
   */
  private void construct(int from, T t, int arity, int line, boolean viaType) {
    construct(from, t, arity, line, viaType, ctors -> ctors);
  }

  /** As above, with {@code narrow} picking among the constructors that accept the arity. */
  private void construct(
      int from, T t, int arity, int line, boolean viaType, UnaryOperator<List<M>> narrow) {
    List<M> ctors =
        narrow.apply(t.constructors.stream().filter(c -> c.acceptsArity(arity)).toList());
    if (t.constructors.isEmpty()) {
      if (viaType) {
        edge(from, t.id, NEW, HIGH, line);
      }
      for (M init : t.instanceInits) {
        edge(from, init.id, NEW, HIGH, line);
      }
      if (t.superclass != null) {
        construct(from, t.superclass, 0, line, false);
      }
    } else {
      Confidence c = ctors.size() == 1 ? HIGH : MEDIUM;
      for (M ctor : ctors) {
        edge(from, ctor.id, NEW, c, line);
      }
    }
  }

  /**
   * A {@code static {}} block runs before the first use of its class or a subclass, except from
   * code of that class (or a subclass), which only runs once it is initialized.
   */
  private void initialization(M from, T t, int line) {
    List<T> own = null;
    for (T s = t; s != null; s = s.superclass) {
      if (s.staticInit != null) {
        if (own == null) {
          own = Hierarchy.closure(from.owner);
        }
        if (!own.contains(s)) {
          edge(from.id, s.staticInit.id, CALL, HIGH, line);
        }
      }
    }
  }

  /**
   * The innermost local or anonymous class of {@code m} whose lines hold {@code line}: the
   * extractor gives their code to {@code m}, so unqualified names and {@code super} there are
   * looked up in that class first. Null when the reference is in {@code m}'s own code.
   */
  T scopeAt(M m, int line) {
    T best = null;
    for (T l : m.localTypes) {
      if (l.fact.line() <= line
          && line <= l.fact.endLine()
          && (best == null
              || l.fact.endLine() - l.fact.line() < best.fact.endLine() - best.fact.line())) {
        best = l;
      }
    }
    return best;
  }

  private void reference(M m, Reference r) {
    T ctx = m.owner;
    int line = r.line();
    switch (r.kind()) {
      case TYPE, CLASS_LITERAL -> {
        T t = resolveType(r.name(), ctx, m, true);
        if (t != null) {
          edge(
              m.id,
              t.id,
              r.kind() == Reference.ReferenceKind.TYPE ? TYPE : CLASS_LITERAL,
              HIGH,
              line);
        }
      }
      case NEW -> newReference(m, r);
      case CALL -> call(m, r);
      case METHOD_REFERENCE -> methodReference(m, r);
      case FIELD -> fieldReference(m, r);
    }
  }

  private void newReference(M m, Reference r) {
    T ctx = m.owner;
    T target;
    if (r.receiver() == Receiver.THIS || r.name().equals("this")) {
      target = ctx;
    } else if (r.receiver() == Receiver.SUPER || r.name().equals("super")) {
      target = ctx.superclass;
    } else {
      target = resolveType(r.receiverType().orElse(r.name()), ctx, m, true);
    }
    if (target == null) {
      return;
    }
    construct(m.id, target, r.arity(), r.line(), true, ctors -> arguments.overloads(ctors, m, r));
    initialization(m, target, r.line());
  }

  private void call(M m, Reference r) {
    T local = scopeAt(m, r.line());
    T ctx = local != null ? local : m.owner;
    switch (r.receiver()) {
      case THIS -> {
        // Outer.this.m() is a call on the enclosing Outer.
        T self = r.receiverType().map(t -> resolveType(t, ctx, m, true)).orElse(ctx);
        if (!callOn(m, r, self == null ? ctx : self, true)) {
          fallback(m, r);
        }
      }
      case NONE -> {
        for (T t = ctx; t != null; t = t.outer) {
          if (callOn(m, r, t, true)) {
            return;
          }
        }
        if (!staticImports(m, r) && !Hierarchy.inheritsFromLibrary(ctx)) {
          fallback(m, r);
        }
      }
      case SUPER -> {
        for (T s = ctx.superclass; s != null; s = s.superclass) {
          List<M> found = arguments.overloads(Hierarchy.methods(s, r.name(), r.arity()), m, r);
          if (!found.isEmpty()) {
            link(m, found, r, CALL);
            return;
          }
        }
        for (T s : ctx.supers) {
          List<M> found = arguments.overloads(Hierarchy.methods(s, r.name(), r.arity()), m, r);
          if (!found.isEmpty()) {
            link(m, found, r, CALL); // I.super.m(): a default method
            return;
          }
        }
      }
      case NAME, EXPRESSION, CHAIN -> {
        Qualified q = qualified(m, r);
        if (q.type() != null) {
          if (!callOn(m, r, q.type(), true) && q.self() != null) {
            callOn(m, r, q.self(), true); // a builder typed by itself: see Chains.Reached
          }
        } else if (q.library() != null) {
          libraryDispatch(m, r, q.library(), q.jdk());
        } else if (r.receiverType().orElse("").endsWith("#" + Chains.ITERATION)) {
          // Whatever iterator() is on, it returns an Iterator.
          libraryDispatch(m, r, "Iterator", null);
        } else {
          fallback(m, r);
        }
      }
    }
  }

  /**
   * The type a qualified reference's receiver has: an index type, or the simple name of a library
   * type; both null when the file does not say it, or a chain cannot be followed (see {@link
   * #chained}).
   */
  private record Qualified(T type, String library, Class<?> jdk, T self) {
    static final Qualified UNKNOWN = new Qualified(null, null, null);

    Qualified(T type, String library, Class<?> jdk) {
      this(type, library, jdk, null);
    }
  }

  /** What a {@link Receiver#NAME}, {@link Receiver#EXPRESSION} or chain reference is on. */
  private Qualified qualified(M m, Reference r) {
    if (r.receiver() == Receiver.CHAIN) {
      return chained(m, r);
    }
    if (r.receiverType().isEmpty()) {
      return Qualified.UNKNOWN;
    }
    String written = r.receiverType().get();
    T t = resolveType(written, m.owner, m, true);
    return t != null
        ? new Qualified(t, null, null)
        : new Qualified(null, simpleTypes.computeIfAbsent(written, TypeNames::simpleType), null);
  }

  /**
   * Follows a {@link Receiver#CHAIN} from its start, through each field's declared type and each
   * method's return type (the same for every overload of that arity, or the chain is unknown), into
   * the JDK's types too (see {@link JdkTypes#step}); a chain ending in {@code Object}, a type
   * variable's erasure, is unknown too.
   */
  private Qualified chained(M m, Reference r) {
    Chains.Reached end = chains.reached(m, r.receiverType().orElse(""));
    if (end.type() != null) {
      return new Qualified(end.type(), null, null, end.self());
    }
    if (end.jdk() != null) {
      // Object is a type variable's erasure, which could be anything; an array or a primitive
      // has no method of the index.
      return end.jdk() == Object.class
          ? Qualified.UNKNOWN
          : new Qualified(null, end.jdk().getSimpleName(), end.jdk());
    }
    return end.library() != null ? new Qualified(null, end.library(), null) : Qualified.UNKNOWN;
  }

  /** Links a call to the methods of {@code t} that accept it, with dispatch; false if none. */
  private boolean callOn(M m, Reference r, T t, boolean dispatch) {
    List<M> found = arguments.overloads(Hierarchy.methods(t, r.name(), r.arity()), m, r);
    if (found.isEmpty()) {
      return dispatch && inheritedFromJdk(m, r, t);
    }
    link(m, found, r, CALL);
    if (dispatch) {
      for (M target : found) {
        for (int d : Hierarchy.dispatch(t, target)) {
          edge(m.id, d, CALL, MEDIUM, r.line());
        }
      }
    }
    return true;
  }

  /**
   * A call on {@code t} of a method only a JDK type it extends declares ({@code
   * forEachRemaining(..)} in an interface extending {@code Iterator}): it runs the implementations
   * {@code t}'s subtypes declare or inherit, by dispatch. False when no JDK supertype declares a
   * public method of that name and arity, and nothing is linked then.
   */
  private boolean inheritedFromJdk(M m, Reference r, T t) {
    if (r.arity() < 0 || !declaredByJdkSupertype(t, r.name(), r.arity())) {
      return false;
    }
    Set<M> targets = new LinkedHashSet<>();
    for (T sub : Hierarchy.subtypes(t)) {
      for (M target : Hierarchy.methods(sub, r.name(), r.arity())) {
        if (target.isVirtual()) {
          targets.add(target);
        }
      }
    }
    for (M target : targets) {
      edge(m.id, target.id, CALL, MEDIUM, r.line());
    }
    return true;
  }

  /** Whether a JDK type {@code t} or its supertypes extend has a public method so named. */
  private boolean declaredByJdkSupertype(T t, String name, int arity) {
    for (T s : Hierarchy.closure(t)) {
      for (String written : s.fact.supertypes()) {
        if (s.externalSupers.contains(simple(written))) {
          Optional<Class<?>> library = jdkType(s, written);
          if (library.isPresent() && JdkTypes.methods(library.get(), name, arity) > 0) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private void link(M m, List<M> targets, Reference r, int via) {
    Confidence c = targets.size() == 1 ? HIGH : MEDIUM;
    for (M target : targets) {
      int v = target.fact.kind() == DeclarationKind.RECORD_COMPONENT ? FIELD : via;
      edge(m.id, target.id, v, c, r.line());
      if (target.isStatic()) {
        initialization(m, target.owner, r.line());
      }
    }
  }

  /** {@code import static a.B.m} and {@code import static a.B.*}. */
  private boolean staticImports(M m, Reference r) {
    boolean found = false;
    for (ImportFact imp : m.owner.file.imports()) {
      if (!imp.isStatic()) {
        continue;
      }
      T owner;
      if (imp.onDemand()) {
        owner = types.get(imp.name());
      } else if (TypeNames.endsWithSegment(imp.name(), r.name())) {
        owner = types.get(imp.name().substring(0, imp.name().length() - r.name().length() - 1));
      } else {
        continue;
      }
      if (owner == null) {
        continue;
      }
      if (r.kind() == Reference.ReferenceKind.FIELD) {
        M f = Hierarchy.field(owner, r.name());
        if (f != null && f.isStatic() || f != null && owner.isInterface()) {
          edge(m.id, f.id, FIELD, HIGH, r.line());
          initialization(m, f.owner, r.line());
          return true;
        }
        if (f != null && f.fact.kind() == DeclarationKind.ENUM_CONSTANT) {
          edge(m.id, f.id, FIELD, HIGH, r.line());
          return true;
        }
      } else {
        List<M> ms =
            Hierarchy.methods(owner, r.name(), r.arity()).stream().filter(M::isStatic).toList();
        if (!ms.isEmpty()) {
          link(m, ms, r, CALL);
          found = true;
          if (!imp.onDemand()) {
            return true;
          }
        }
      }
    }
    return found;
  }

  /**
   * A call on a type outside the index ({@code Runnable.run()}, {@code Supplier.get()}): the index
   * types that implement it may run, by dispatch. Low confidence: such interfaces are implemented
   * everywhere and called from everywhere ({@code Assert.notNull(x, supplier)}), so without
   * argument types these edges would make every change reach every caller of every utility.
   */
  private void libraryDispatch(M m, Reference r, String libraryType, Class<?> jdk) {
    List<T> direct = typesByExternalSuper.get(libraryType);
    if (direct == null) {
      return;
    }
    // Every for-each loop asks for an Iterator's hasNext() and next(): the targets are found once.
    List<M> targets =
        libraryTargets.computeIfAbsent(
            new LibraryCall(libraryType, r.name(), r.arity()), k -> libraryTargets(direct, k));
    if (r.kind() == Reference.ReferenceKind.METHOD_REFERENCE) {
      targets = referenced(targets, m, r); // input::read passed as a function of three arguments
    } else if (!r.arguments().isEmpty() && overloaded(m, r, jdk)) {
      // Writer's write(char[],int,int) or write(String,int,int): the arguments choose the method
      // the implementations override. Not with one method: an override of Comparator<T>'s
      // compare(T,T) takes T's type argument, which the call's arguments need not be.
      targets = arguments.fitting(libraryType, targets, m, r);
    }
    for (M target : targets) {
      edge(m.id, target.id, CALL, LOW, r.line());
    }
  }

  /**
   * Whether the JDK type a call is on, {@code jdk} or the one its receiver's declared type names,
   * has several methods of the call's name and arity.
   */
  private static boolean overloaded(M m, Reference r, Class<?> jdk) {
    Class<?> on =
        jdk != null || r.receiver() == Receiver.CHAIN
            ? jdk
            : r.receiverType().flatMap(written -> jdkType(m.owner, written)).orElse(null);
    return on != null && JdkTypes.overloaded(on, r.name(), r.arity());
  }

  private record LibraryCall(String type, String name, int arity) {}

  private final Map<LibraryCall, List<M>> libraryTargets = new HashMap<>();

  /**
   * The methods a call on a library type may run: those its implementors declare or inherit, as one
   * may inherit its implementation from a superclass that does not implement the library type
   * ({@code EmptyListIterator}'s {@code previous()} from {@code AbstractEmptyIterator}).
   */
  private List<M> libraryTargets(List<T> direct, LibraryCall call) {
    Set<M> targets = new LinkedHashSet<>();
    for (T t : implementors.computeIfAbsent(call.type(), k -> implementors(direct))) {
      for (M target : Hierarchy.methods(t, call.name(), call.arity())) {
        if (target.isVirtual()) {
          targets.add(target);
        }
      }
    }
    return List.copyOf(targets);
  }

  /** The index types implementing a library type, directly or not; cached per library type. */
  private final Map<String, List<T>> implementors = new HashMap<>();

  private static List<T> implementors(List<T> direct) {
    Set<T> all = new LinkedHashSet<>();
    for (T d : direct) {
      all.add(d);
      all.addAll(Hierarchy.subtypes(d));
    }
    return List.copyOf(all);
  }

  private void methodReference(M m, Reference r) {
    T t;
    if (r.receiver() == Receiver.THIS || r.receiver() == Receiver.NONE) {
      t = m.owner;
    } else if (r.receiver() == Receiver.SUPER) {
      t = m.owner.superclass;
    } else {
      Qualified q = qualified(m, r);
      if (q.library() != null && !r.name().equals("new")) {
        // Supplier::get, Map.Entry::getValue: as a call on the library type, which may run the
        // index's implementations.
        libraryDispatch(m, r, q.library(), q.jdk());
        return;
      }
      if (q.type() == null && q.library() == null) {
        fallback(m, r);
        return;
      }
      t = q.type();
    }
    if (t == null) {
      return;
    }
    if (r.name().equals("new")) {
      construct(m.id, t, -1, r.line(), true);
      return;
    }
    List<M> found = referenced(Hierarchy.methods(t, r.name(), -1), m, r);
    if (found.isEmpty()) {
      return;
    }
    for (M target : found) {
      edge(m.id, target.id, CALL, found.size() == 1 ? HIGH : MEDIUM, r.line());
      for (int d : Hierarchy.dispatch(t, target)) {
        edge(m.id, d, CALL, MEDIUM, r.line());
      }
    }
  }

  /**
   * The methods a method reference can name, by the parameters the functional interface it is
   * passed as takes: a static or bound method takes as many, a method of a type named {@code
   * Type::method} one fewer (the first is its receiver). All of them when that is not known, or
   * none fits.
   */
  private List<M> referenced(List<M> methods, M m, Reference r) {
    if (methods.size() < 2 || r.arguments().isEmpty()) {
      return methods;
    }
    int n = arguments.referencedArity(m, r);
    if (n < 0) {
      return methods;
    }
    boolean typeName = r.receiver() == Receiver.NAME; // or a variable: both are kept
    List<M> fitting = new ArrayList<>();
    for (M method : methods) {
      if (method.acceptsArity(n)
          || typeName && !method.isStatic() && n > 0 && method.acceptsArity(n - 1)) {
        fitting.add(method);
      }
    }
    return fitting.isEmpty() ? methods : fitting;
  }

  private void fieldReference(M m, Reference r) {
    T local = scopeAt(m, r.line());
    T ctx = local != null ? local : m.owner;
    switch (r.receiver()) {
      case THIS -> fieldOn(m, r, ctx);
      case SUPER -> {
        if (ctx.superclass != null) {
          fieldOn(m, r, ctx.superclass);
        }
      }
      case NONE -> {
        for (T t = ctx; t != null; t = t.outer) {
          if (fieldOn(m, r, t)) {
            return;
          }
        }
        if (staticImports(m, r)) {
          return;
        }
        // An enum constant in a switch label is written without its type.
        for (M f : fieldsByName.getOrDefault(r.name(), List.of())) {
          if (f.fact.kind() == DeclarationKind.ENUM_CONSTANT) {
            edge(m.id, f.id, FIELD, LOW, r.line());
          }
        }
      }
      case NAME, EXPRESSION, CHAIN -> {
        Qualified q = qualified(m, r);
        if (q.type() != null) {
          fieldOn(m, r, q.type());
        } else if (q.library() == null) {
          fallback(m, r);
        }
      }
    }
  }

  private boolean fieldOn(M m, Reference r, T t) {
    M f = Hierarchy.field(t, r.name());
    if (f == null) {
      return false;
    }
    edge(m.id, f.id, FIELD, HIGH, r.line());
    if (f.isStatic() || f.fact.kind() == DeclarationKind.ENUM_CONSTANT) {
      initialization(m, f.owner, r.line());
    }
    return true;
  }

  /**
   * Name-only fallback for a receiver of unknown type: every method (or field) of that name and
   * arity in the index, with low confidence, unless the name is ambiguous or has more than {@link
   * #MAX_FALLBACK} candidates; then nothing is linked and the reference is recorded in {@link
   * #skipped}.
   */
  private void fallback(M m, Reference r) {
    boolean isField = r.kind() == Reference.ReferenceKind.FIELD;
    if (!isField && AMBIGUOUS_NAMES.contains(r.name())) {
      // Escalated whatever the methods of that name: a change that adds one (a builder's build())
      // then links no caller again, as only the count differs, and that is taken from the head.
      skipped.add(new Skipped(m.id, r.name(), r.arity(), Skipped.UNCOUNTED, r.line()));
      return;
    }
    List<M> candidates = fallbackCandidates(isField, r.name(), isField ? 0 : r.arity());
    if (!isField && !r.arguments().isEmpty()) {
      candidates = arguments.fitting(null, candidates, m, r);
    }
    if (candidates.isEmpty()) {
      return;
    }
    if (candidates.size() > MAX_FALLBACK) {
      skipped.add(new Skipped(m.id, r.name(), r.arity(), candidates.size(), r.line()));
      return;
    }
    int via = isField ? FIELD : CALL;
    for (M c : candidates) {
      edge(m.id, c.id, via, LOW, r.line());
    }
  }

  /** A name-only lookup; the same name and arity recur across thousands of call sites. */
  private record FallbackKey(boolean isField, String name, int arity) {}

  private final Map<FallbackKey, List<M>> fallbackCandidates = new HashMap<>();

  private List<M> fallbackCandidates(boolean isField, String name, int arity) {
    return fallbackCandidates.computeIfAbsent(
        new FallbackKey(isField, name, arity), this::fallbackCandidates);
  }

  /** How many methods of the index {@code s} could be a call to. */
  int candidates(Skipped s) {
    return s.candidates() == Skipped.UNCOUNTED
        ? fallbackCandidates(false, s.name(), s.arity()).size()
        : s.candidates();
  }

  private List<M> fallbackCandidates(FallbackKey key) {
    List<M> pool =
        (key.isField() ? fieldsByName : methodsByName).getOrDefault(key.name(), List.of());
    List<M> candidates = new ArrayList<>();
    for (M c : pool) {
      if (key.isField() || c.acceptsArity(key.arity())) {
        candidates.add(c);
      }
    }
    return candidates;
  }
}
