package dev.scrutineer.analysis.reach.framework;

import dev.scrutineer.analysis.reach.index.AnnotationFact;
import dev.scrutineer.analysis.reach.index.FileFacts;
import dev.scrutineer.analysis.reach.index.ImportFact;
import dev.scrutineer.analysis.reach.index.MemberFact;
import dev.scrutineer.analysis.reach.index.TypeFact;
import dev.scrutineer.model.DeclarationKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The types of every file, and the little name resolution framework rules need: a name as written
 * in a file to a type of the index, a type's supertypes, and annotations seen through the
 * annotation types the index declares (meta-annotations). Deliberately small: the graph's linker
 * does full scoping; here a name that does not resolve is simply left out.
 *
 * <p>Every answer comes from the types that share a simple name with the name looked up, so the
 * index can record which simple names some work looked up ({@link #reading}): that work gives the
 * same answers in another code base whose types of those names are declared the same. Answers kept
 * for later ({@link #ancestors}, meta-annotations, {@link Memo}) keep the names they looked up, and
 * count them as looked up again whenever they are used.
 */
final class TypeIndex {
  /**
   * A type with the file that declares it. Compared by identity: the facts are large, and a type is
   * declared once.
   */
  static final class Entry {
    private final TypeFact type;
    private final FileFacts file;
    private final Scope scope;
    private final String qualified;
    private final int position;
    // Worked out on first use, kept here rather than in maps keyed by entry: the rules ask for
    // them for every member, and a field costs no lookup.
    private Map<String, Optional<Entry>> resolved;
    private List<Entry> ancestors;
    private Set<String> ancestorReads;
    private Map<String, List<MemberFact>> methodsByName;

    Entry(TypeFact type, FileFacts file, Scope scope, int position) {
      this.type = type;
      this.file = file;
      this.scope = scope;
      this.qualified = type.symbol().qualified();
      this.position = position;
    }

    TypeFact type() {
      return type;
    }

    FileFacts file() {
      return file;
    }

    String simpleName() {
      return TypeIndex.simpleName(type.symbol().name());
    }

    boolean isTestFile() {
      return scope.testFile;
    }

    boolean declares(MemberFact member) {
      for (MemberFact m : type.members()) {
        if (m == member) {
          return true;
        }
      }
      return false;
    }

    /**
     * The methods named {@code name}, in declaration order. Looking up overrides by name instead of
     * comparing every member of every supertype keeps that cost linear in the members.
     */
    List<MemberFact> methodsNamed(String name) {
      if (methodsByName == null) {
        methodsByName = new HashMap<>();
        for (MemberFact m : type.members()) {
          if (m.kind() == DeclarationKind.METHOD) {
            methodsByName.computeIfAbsent(m.name(), k -> new ArrayList<>(1)).add(m);
          }
        }
      }
      return methodsByName.getOrDefault(name, List.of());
    }

    /** Where it stands in {@link #entries()}. */
    int position() {
      return position;
    }

    /** Its position: as unique as identity, and cheaper than an identity hash. */
    @Override
    public int hashCode() {
      return position;
    }

    @Override
    public boolean equals(Object other) {
      return this == other;
    }

    @Override
    public String toString() {
      return type.symbol().toString();
    }
  }

  /**
   * A value worked out once per type and kept by position, with the simple names looked up to work
   * it out: each later use counts them as looked up too.
   */
  final class Memo<V> {
    private final Object[] values = new Object[entries.size()];
    private final List<Set<String>> reads = new ArrayList<>(entries.size());

    private Memo() {
      for (int i = 0; i < values.length; i++) {
        reads.add(null);
      }
    }

    @SuppressWarnings("unchecked")
    V get(Entry entry, Function<Entry, V> work) {
      int at = entry.position;
      if (values[at] == null) {
        Set<String> read = new HashSet<>();
        values[at] = reading(read, () -> work.apply(entry));
        reads.set(at, read);
      } else {
        noteAll(reads.get(at));
      }
      return (V) values[at];
    }
  }

  /** A memo of values per type of this index; the values may not be null. */
  <V> Memo<V> memo() {
    return new Memo<>();
  }

  /** The simple names looked up by the work being recorded; null while none is. */
  private Set<String> reads;

  /**
   * Runs {@code work}, adding to {@code into} the simple name of every name it looks up, whether
   * any type has it or not (one may be added), and adding those to the work this runs inside of.
   */
  <T> T reading(Set<String> into, Supplier<T> work) {
    Set<String> outer = reads;
    reads = into;
    try {
      return work.get();
    } finally {
      reads = outer;
      if (outer != null) {
        outer.addAll(into);
      }
    }
  }

  private void noteAll(Set<String> names) {
    if (reads != null && !names.isEmpty()) {
      reads.addAll(names);
    }
  }

  /** How deep meta-annotations are followed: {@code @A} on {@code @B} on {@code @GetMapping}. */
  private static final int META_DEPTH = 2;

  private final List<Entry> entries = new ArrayList<>();
  private final Map<String, Entry> byQualified = new HashMap<>();
  private final Map<String, List<Entry>> bySimple = new HashMap<>();

  TypeIndex(Collection<FileFacts> files) {
    for (FileFacts file : files) {
      add(file);
    }
  }

  /**
   * One file's types. The rules do their work in a method called once per file, type or member,
   * never in one loop over the whole index: the JIT compiles a method after a few hundred calls,
   * while a long loop inside a single call runs interpreted until on-stack replacement.
   */
  private void add(FileFacts file) {
    Scope scope = new Scope(file);
    for (TypeFact type : file.types()) {
      Entry entry = new Entry(type, file, scope, entries.size());
      entries.add(entry);
      String name = type.symbol().name();
      if (name.indexOf('#') < 0) {
        byQualified.putIfAbsent(entry.qualified, entry);
        bySimple.computeIfAbsent(simpleName(name), k -> new ArrayList<>()).add(entry);
      }
    }
  }

  List<Entry> entries() {
    return entries;
  }

  /** What follows the last {@code .}, {@code $} or {@code #}: one scan, not one per separator. */
  static String simpleName(String name) {
    int cut = name.length() - 1;
    while (cut >= 0 && !isSeparator(name.charAt(cut))) {
      cut--;
    }
    return name.substring(cut + 1);
  }

  private static boolean isSeparator(char c) {
    return c == '.' || c == '$' || c == '#';
  }

  /**
   * The type of the index that {@code written} names in {@code context}'s file: nested types of the
   * context and its outer types, single-type imports, the same package, on-demand imports, and last
   * a simple name that only one type of the index has. A name that an import binds to a type
   * outside the index resolves to nothing.
   */
  Optional<Entry> resolve(String written, Entry context) {
    Written name = writtenNames.get(written);
    if (name == null) {
      String typeName = typeName(written);
      String simple = simpleName(typeName);
      name = new Written(typeName, simple, bySimple.getOrDefault(simple, List.of()));
      writtenNames.put(written, name);
    }
    if (reads != null) {
      reads.add(name.simple());
    }
    if (name.candidates().isEmpty()) {
      return Optional.empty();
    }
    // The rules resolve the same few names (annotations, supertypes) in each type again and again.
    if (context.resolved == null) {
      context.resolved = new HashMap<>();
    }
    Optional<Entry> found = context.resolved.get(written);
    if (found == null) {
      found = find(name, context);
      context.resolved.put(written, found);
    }
    return found;
  }

  /**
   * A name as written, read once for every file: the type name it stands for and the types of the
   * index with that simple name. Every way of resolving ends at one of those types, so most names
   * written ({@code Override}, {@code String}, {@code List}) are answered at once: no type of the
   * index has their simple name.
   */
  private record Written(String name, String simple, List<Entry> candidates) {}

  private final Map<String, Written> writtenNames = new HashMap<>();

  /** The type a name as written stands for: {@code List} for {@code List<String>[]}. */
  private static String typeName(String written) {
    String name = written.trim();
    if (name.endsWith(".class")) {
      name = name.substring(0, name.length() - ".class".length());
    }
    int generic = name.indexOf('<');
    if (generic >= 0) {
      name = name.substring(0, generic);
    }
    while (name.endsWith("[]")) {
      name = name.substring(0, name.length() - 2);
    }
    return name;
  }

  private Optional<Entry> find(Written written, Entry context) {
    String name = written.name();
    Scope scope = context.scope;
    String contextName = context.type().symbol().name();
    if (contextName.indexOf('#') < 0) {
      // A nested type of the context or of an outer type: pkg.Outer.Inner.name.
      for (int end = contextName.length(); end > 0; end = contextName.lastIndexOf('.', end - 1)) {
        Entry nested = named(written.candidates(), scope.pkg, contextName, end, name);
        if (nested != null) {
          return Optional.of(nested);
        }
      }
    }
    // The rest depends on the file only: its types (and their local classes) share the answer.
    return scope.resolved.computeIfAbsent(name, k -> findInFile(k, scope, written.candidates()));
  }

  /**
   * The type {@code byQualified} holds for {@code pkg + outer.substring(0, end) + "." + name},
   * found among the types with its simple name instead of building that string: the first of them,
   * as {@code byQualified} keeps the first type of a name.
   */
  private static Entry named(
      List<Entry> candidates, String pkg, String outer, int end, String name) {
    int length = pkg.length() + end + 1 + name.length();
    for (int i = 0; i < candidates.size(); i++) {
      Entry candidate = candidates.get(i);
      String q = candidate.qualified;
      if (q.length() == length
          && q.startsWith(pkg)
          && q.regionMatches(pkg.length(), outer, 0, end)
          && q.charAt(pkg.length() + end) == '.'
          && q.endsWith(name)) {
        return candidate;
      }
    }
    return null;
  }

  private Optional<Entry> findInFile(String name, Scope scope, List<Entry> candidates) {
    int dot = name.indexOf('.');
    String first = dot < 0 ? name : name.substring(0, dot);
    String imported = scope.singleImports().get(first);
    if (imported != null) {
      return Optional.ofNullable(
          byQualified.get(dot < 0 ? imported : imported + name.substring(dot)));
    }
    Entry samePackage = byQualified.get(scope.pkg + name);
    if (samePackage != null) {
      return Optional.of(samePackage);
    }
    for (ImportFact imp : scope.file.imports()) {
      if (!imp.isStatic() && imp.onDemand()) {
        Entry found = byQualified.get(imp.name() + "." + name);
        if (found != null) {
          return Optional.of(found);
        }
      }
    }
    Entry qualified = byQualified.get(name);
    if (qualified != null) {
      return Optional.of(qualified);
    }
    return candidates.size() == 1 && dot < 0 ? Optional.of(candidates.get(0)) : Optional.empty();
  }

  /** A file's package, imports and kind, shared by the types it declares. */
  private static final class Scope {
    private final FileFacts file;
    private final String pkg;
    private final boolean testFile;
    private final Map<String, Optional<Entry>> resolved = new HashMap<>();
    private Map<String, String> singleImports;

    Scope(FileFacts file) {
      this.file = file;
      this.pkg = file.packageName().isEmpty() ? "" : file.packageName() + ".";
      String path = file.path();
      this.testFile = path.startsWith("src/test/") || path.contains("/src/test/");
    }

    /** Single-type imports by simple name; the first import of a name is the one that binds. */
    Map<String, String> singleImports() {
      if (singleImports == null) {
        singleImports = new HashMap<>(2 * file.imports().size());
        for (ImportFact imp : file.imports()) {
          if (!imp.isStatic() && !imp.onDemand()) {
            singleImports.putIfAbsent(simpleName(imp.name()), imp.name());
          }
        }
      }
      return singleImports;
    }
  }

  /** Every supertype of {@code entry} that the index declares, nearest first. */
  List<Entry> ancestors(Entry entry) {
    if (entry.ancestors == null) {
      Set<String> read = new HashSet<>();
      entry.ancestors = reading(read, () -> findAncestors(entry));
      entry.ancestorReads = read;
    } else {
      noteAll(entry.ancestorReads);
    }
    return entry.ancestors;
  }

  private List<Entry> findAncestors(Entry entry) {
    if (entry.type().supertypes().isEmpty()) {
      return List.of();
    }
    // Breadth first, with the list found so far as the queue: few types have more than a handful
    // of ancestors, so neither a queue nor a set pays for itself.
    List<Entry> out = new ArrayList<>();
    Entry current = entry;
    for (int next = 0; current != null; current = next < out.size() ? out.get(next++) : null) {
      for (String written : current.type().supertypes()) {
        Entry found = resolve(written, current).orElse(null);
        if (found != null && found != entry && !out.contains(found)) {
          out.add(found);
        }
      }
    }
    return out.isEmpty() ? List.of() : List.copyOf(out);
  }

  /**
   * The simple names of every supertype, in the index or not ({@code HttpServlet}), with the names
   * as written ({@code GreeterGrpc.GreeterImplBase}) too.
   */
  Set<String> ancestorNames(Entry entry) {
    Set<String> out = new LinkedHashSet<>();
    List<Entry> chain = new ArrayList<>();
    chain.add(entry);
    chain.addAll(ancestors(entry));
    for (Entry e : chain) {
      for (String written : e.type().supertypes()) {
        out.add(written);
        out.add(simpleName(written));
      }
    }
    return out;
  }

  /**
   * The annotations, followed by those they stand for: for an annotation whose type the index
   * declares, that type's own annotations, to {@value #META_DEPTH} levels. A meta-annotation takes
   * the attributes the use site sets, as {@code @AliasFor} usually makes it do.
   */
  List<AnnotationFact> expand(List<AnnotationFact> annotations, Entry context) {
    List<AnnotationFact> out = null;
    // Indexed loops here and in the rules' checks of annotations: they run for every member, and
    // the quick JIT tier allocates an iterator for each for-each loop.
    for (int i = 0; i < annotations.size(); i++) {
      AnnotationFact annotation = annotations.get(i);
      List<AnnotationFact> meta = metaAnnotations(annotation, context);
      if (!meta.isEmpty()) {
        if (out == null) {
          out = new ArrayList<>(annotations);
        }
        out.addAll(meta);
      }
    }
    return out == null ? annotations : out; // most annotations stand for nothing more: no copy
  }

  /**
   * What one annotation stands for. It depends only on the annotation type it resolves to and the
   * attributes the use site sets, so it is worked out once for each such pair: the same few
   * annotations ({@code Nullable}, {@code Test}) are on most members.
   */
  private List<AnnotationFact> metaAnnotations(AnnotationFact annotation, Entry context) {
    Entry declared = resolve(annotation.name(), context).orElse(null);
    if (declared == null || declared.type().kind() != DeclarationKind.ANNOTATION_TYPE) {
      return List.of();
    }
    MetaKey key = new MetaKey(declared, annotation.values());
    Meta meta = metaAnnotations.get(key);
    if (meta == null) {
      Set<String> read = new HashSet<>();
      List<AnnotationFact> found =
          reading(
              read,
              () -> {
                List<AnnotationFact> out = new ArrayList<>();
                addMeta(declared, key.useSite(), META_DEPTH, out, new HashSet<>());
                return List.copyOf(out);
              });
      meta = new Meta(found, read);
      metaAnnotations.put(key, meta);
    } else {
      noteAll(meta.reads());
    }
    return meta.annotations();
  }

  /** What an annotation stands for, and the simple names looked up to find it. */
  private record Meta(List<AnnotationFact> annotations, Set<String> reads) {}

  /** An annotation type with the attributes its use site sets. */
  private record MetaKey(Entry declared, Map<String, List<String>> useSite) {
    // Written out, as in Symbol: a record's generated methods dispatch through method handles.
    @Override
    public int hashCode() {
      return 31 * declared.hashCode() + useSite.hashCode();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof MetaKey k && declared == k.declared && useSite.equals(k.useSite);
    }
  }

  private final Map<MetaKey, Meta> metaAnnotations = new HashMap<>();

  private void addMeta(
      Entry declared,
      Map<String, List<String>> useSite,
      int depth,
      List<AnnotationFact> out,
      Set<Entry> seen) {
    if (!seen.add(declared)) {
      return;
    }
    for (AnnotationFact meta : declared.type().annotations()) {
      if (meta.name().startsWith("java.lang.annotation.")
          || JAVA_META.contains(meta.simpleName())) {
        continue;
      }
      Map<String, List<String>> merged = new LinkedHashMap<>(meta.values());
      merged.putAll(useSite);
      out.add(new AnnotationFact(meta.name(), merged));
      if (depth > 1) {
        resolve(meta.name(), declared)
            .filter(type -> type.type().kind() == DeclarationKind.ANNOTATION_TYPE)
            .ifPresent(type -> addMeta(type, merged, depth - 1, out, seen));
      }
    }
  }

  private static final Set<String> JAVA_META =
      Set.of("Target", "Retention", "Documented", "Inherited", "Repeatable", "AliasFor");

  /** The nearest supertype method, in the index, that {@code method} overrides. */
  Optional<MemberFact> overridden(Entry entry, MemberFact method) {
    for (Entry ancestor : ancestors(entry)) {
      for (MemberFact candidate : ancestor.methodsNamed(method.name())) {
        if (sameSignature(candidate, method)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /** The type that declares {@code member} among {@code entry} and its ancestors. */
  Optional<Entry> declaring(Entry entry, MemberFact member) {
    if (entry.declares(member)) {
      return Optional.of(entry);
    }
    return ancestors(entry).stream().filter(a -> a.declares(member)).findFirst();
  }

  static boolean sameSignature(MemberFact a, MemberFact b) {
    if (a.kind() != DeclarationKind.METHOD
        || b.kind() != DeclarationKind.METHOD
        || !a.name().equals(b.name())
        || a.parameterTypes().size() != b.parameterTypes().size()) {
      return false;
    }
    for (int i = 0; i < a.parameterTypes().size(); i++) {
      if (!simpleName(a.parameterTypes().get(i)).equals(simpleName(b.parameterTypes().get(i)))) {
        return false;
      }
    }
    return true;
  }
}
