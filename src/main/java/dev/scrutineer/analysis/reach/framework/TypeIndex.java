package dev.scrutineer.analysis.reach.framework;

import dev.scrutineer.analysis.reach.index.AnnotationFact;
import dev.scrutineer.analysis.reach.index.FileFacts;
import dev.scrutineer.analysis.reach.index.ImportFact;
import dev.scrutineer.analysis.reach.index.MemberFact;
import dev.scrutineer.analysis.reach.index.TypeFact;
import dev.scrutineer.model.DeclarationKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The types of every file, and the little name resolution framework rules need: a name as written
 * in a file to a type of the index, a type's supertypes, and annotations seen through the
 * annotation types the index declares (meta-annotations). Deliberately small: the graph's linker
 * does full scoping; here a name that does not resolve is simply left out.
 */
final class TypeIndex {
  /**
   * A type with the file that declares it. Compared by identity: the facts are large, and a type is
   * declared once.
   */
  static final class Entry {
    private final TypeFact type;
    private final FileFacts file;

    Entry(TypeFact type, FileFacts file) {
      this.type = type;
      this.file = file;
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
      String path = file.path();
      return path.startsWith("src/test/") || path.contains("/src/test/");
    }

    boolean declares(MemberFact member) {
      for (MemberFact m : type.members()) {
        if (m == member) {
          return true;
        }
      }
      return false;
    }

    @Override
    public String toString() {
      return type.symbol().toString();
    }
  }

  /** How deep meta-annotations are followed: {@code @A} on {@code @B} on {@code @GetMapping}. */
  private static final int META_DEPTH = 2;

  private final List<Entry> entries = new ArrayList<>();
  private final Map<String, Entry> byQualified = new HashMap<>();
  private final Map<String, List<Entry>> bySimple = new HashMap<>();
  private final Map<Entry, List<Entry>> ancestors = new HashMap<>();

  TypeIndex(Collection<FileFacts> files) {
    for (FileFacts file : files) {
      for (TypeFact type : file.types()) {
        Entry entry = new Entry(type, file);
        entries.add(entry);
        String name = type.symbol().name();
        if (name.indexOf('#') < 0) {
          byQualified.putIfAbsent(type.symbol().qualified(), entry);
          bySimple.computeIfAbsent(simpleName(name), k -> new ArrayList<>()).add(entry);
        }
      }
    }
  }

  List<Entry> entries() {
    return entries;
  }

  static String simpleName(String name) {
    int cut =
        Math.max(name.lastIndexOf('.'), Math.max(name.lastIndexOf('$'), name.lastIndexOf('#')));
    return name.substring(cut + 1);
  }

  /**
   * The type of the index that {@code written} names in {@code context}'s file: nested types of the
   * context and its outer types, single-type imports, the same package, on-demand imports, and last
   * a simple name that only one type of the index has. A name that an import binds to a type
   * outside the index resolves to nothing.
   */
  Optional<Entry> resolve(String written, Entry context) {
    // The rules resolve the same few names (annotations, supertypes) in each type again and again.
    return resolved
        .computeIfAbsent(context, k -> new HashMap<>())
        .computeIfAbsent(written, w -> find(w, context));
  }

  private final Map<Entry, Map<String, Optional<Entry>>> resolved = new HashMap<>();

  private Optional<Entry> find(String written, Entry context) {
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
    if (name.isEmpty()) {
      return Optional.empty();
    }
    FileFacts file = context.file();
    String pkg = file.packageName().isEmpty() ? "" : file.packageName() + ".";
    String contextName = context.type().symbol().name();
    if (contextName.indexOf('#') < 0) {
      for (String outer = contextName; !outer.isEmpty(); outer = outerOf(outer)) {
        Entry nested = byQualified.get(pkg + outer + "." + name);
        if (nested != null) {
          return Optional.of(nested);
        }
      }
    }
    int dot = name.indexOf('.');
    String first = dot < 0 ? name : name.substring(0, dot);
    String rest = dot < 0 ? "" : name.substring(dot);
    for (ImportFact imp : file.imports()) {
      if (!imp.isStatic() && !imp.onDemand() && simpleName(imp.name()).equals(first)) {
        return Optional.ofNullable(byQualified.get(imp.name() + rest));
      }
    }
    Entry samePackage = byQualified.get(pkg + name);
    if (samePackage != null) {
      return Optional.of(samePackage);
    }
    for (ImportFact imp : file.imports()) {
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
    List<Entry> candidates = bySimple.getOrDefault(simpleName(name), List.of());
    return candidates.size() == 1 && dot < 0 ? Optional.of(candidates.get(0)) : Optional.empty();
  }

  private static String outerOf(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(0, dot);
  }

  /** Every supertype of {@code entry} that the index declares, nearest first. */
  List<Entry> ancestors(Entry entry) {
    return ancestors.computeIfAbsent(entry, this::findAncestors);
  }

  private List<Entry> findAncestors(Entry entry) {
    List<Entry> out = new ArrayList<>();
    Set<Entry> seen = new HashSet<>();
    seen.add(entry);
    Deque<Entry> queue = new ArrayDeque<>(List.of(entry));
    while (!queue.isEmpty()) {
      Entry current = queue.removeFirst();
      for (String written : current.type().supertypes()) {
        resolve(written, current)
            .filter(seen::add)
            .ifPresent(
                found -> {
                  out.add(found);
                  queue.addLast(found);
                });
      }
    }
    return List.copyOf(out);
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
    if (annotations.isEmpty()) {
      return annotations; // most members: nothing to copy
    }
    List<AnnotationFact> out = new ArrayList<>(annotations);
    for (AnnotationFact annotation : annotations) {
      addMeta(annotation, annotation.values(), context, META_DEPTH, out, new HashSet<>());
    }
    return out;
  }

  private void addMeta(
      AnnotationFact annotation,
      Map<String, List<String>> useSite,
      Entry context,
      int depth,
      List<AnnotationFact> out,
      Set<Entry> seen) {
    if (depth == 0) {
      return;
    }
    Optional<Entry> declared = resolve(annotation.name(), context);
    if (declared.isEmpty()
        || declared.get().type().kind() != DeclarationKind.ANNOTATION_TYPE
        || !seen.add(declared.get())) {
      return;
    }
    for (AnnotationFact meta : declared.get().type().annotations()) {
      if (meta.name().startsWith("java.lang.annotation.")
          || JAVA_META.contains(meta.simpleName())) {
        continue;
      }
      Map<String, List<String>> merged = new LinkedHashMap<>(meta.values());
      merged.putAll(useSite);
      out.add(new AnnotationFact(meta.name(), merged));
      addMeta(meta, merged, declared.get(), depth - 1, out, seen);
    }
  }

  private static final Set<String> JAVA_META =
      Set.of("Target", "Retention", "Documented", "Inherited", "Repeatable", "AliasFor");

  /** The nearest supertype method, in the index, that {@code method} overrides. */
  Optional<MemberFact> overridden(Entry entry, MemberFact method) {
    for (Entry ancestor : ancestors(entry)) {
      for (MemberFact candidate : ancestor.type().members()) {
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
