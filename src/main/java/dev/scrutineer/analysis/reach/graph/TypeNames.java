package dev.scrutineer.analysis.reach.graph;

import dev.scrutineer.analysis.reach.graph.Linker.M;
import dev.scrutineer.analysis.reach.graph.Linker.T;
import dev.scrutineer.analysis.reach.index.FileFacts;
import dev.scrutineer.analysis.reach.index.ImportFact;
import dev.scrutineer.model.Symbol;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Type names as a file writes them, resolved to the index's types by Java's scoping rules: local
 * types, the type itself and its member types (inherited too), each enclosing type, single-type
 * imports, the package, on-demand imports. Each scope remembers what its names resolved to.
 */
final class TypeNames {
  /** The index's types by qualified name. */
  private final Map<String, T> types;

  TypeNames(Map<String, T> types) {
    this.types = types;
  }

  /** {@code Inner} of {@code Outer.Inner}, {@code Helper} of {@code Outer#run()$Helper}. */
  static String simpleName(Symbol type) {
    String name = type.name();
    return name.substring(Math.max(name.lastIndexOf('.'), name.lastIndexOf('$')) + 1);
  }

  /**
   * Strips generics, array brackets and varargs dots: {@code Map.Entry<K,V>[]} → {@code Map.Entry}.
   */
  static String rawType(String written) {
    String s = written;
    int lt = s.indexOf('<');
    if (lt >= 0) {
      s = s.substring(0, lt);
    }
    int br = s.indexOf('[');
    if (br >= 0) {
      s = s.substring(0, br);
    }
    if (s.endsWith("...")) {
      s = s.substring(0, s.length() - 3);
    }
    return s.strip();
  }

  /** The unqualified erased name, as {@link Symbol} spells parameter types. */
  static String simpleType(String written) {
    String s = written.strip();
    int lt = s.indexOf('<');
    String suffix = "";
    if (lt >= 0) {
      int gt = s.lastIndexOf('>');
      suffix = gt >= 0 ? s.substring(gt + 1) : "";
      s = s.substring(0, lt);
    }
    s = s + suffix;
    s = s.replace("...", "[]").replace(" ", "");
    int br = s.indexOf('[');
    String base = br >= 0 ? s.substring(0, br) : s;
    String dims = br >= 0 ? s.substring(br) : "";
    return base.substring(base.lastIndexOf('.') + 1) + dims;
  }

  /**
   * Resolves a type name as written in the scope of {@code ctx} (and, for local types, {@code
   * member}); null when it is not a type of the index (a library type, java.lang, a type variable).
   */
  T resolve(String written, T ctx, M member, boolean inherit) {
    String raw = rawType(written);
    if (raw.isEmpty()) {
      return null;
    }
    int dot = raw.indexOf('.');
    if (dot < 0) {
      return resolveSimple(raw, ctx, member, inherit);
    }
    T head = resolveSimple(raw.substring(0, dot), ctx, member, inherit);
    if (head != null) {
      T walk = head;
      for (String segment : raw.substring(dot + 1).split("\\.")) {
        walk = nested(walk, segment, true);
        if (walk == null) {
          return null;
        }
      }
      return walk;
    }
    return types.get(raw); // fully qualified: com.acme.Outer.Inner
  }

  private T resolveSimple(String name, T ctx, M member, boolean inherit) {
    if (member != null) {
      T local = local(member, name);
      if (local != null) {
        return local;
      }
    }
    if (ctx == null) {
      return null;
    }
    Map<String, Object> cache = inherit ? ctx.scopeCache : ctx.ownScopeCache;
    Object cached = cache.get(name);
    if (cached != null) {
      return cached == Boolean.FALSE ? null : (T) cached;
    }
    T found = lexical(name, ctx, inherit);
    if (found == null) {
      found = inFile(name, ctx);
    }
    cache.put(name, found == null ? Boolean.FALSE : found);
    return found;
  }

  private T local(M member, String name) {
    for (T l : member.localTypes) {
      if (l.simpleName.equals(name)) {
        return l;
      }
    }
    return null;
  }

  /** The type itself, its member types (inherited too), then the same for each enclosing type. */
  private T lexical(String name, T ctx, boolean inherit) {
    for (T t = ctx; t != null; t = t.outer) {
      if (t.simpleName.equals(name)) {
        return t;
      }
      T n = nested(t, name, inherit);
      if (n != null) {
        return n;
      }
      if (t.enclosingMember != null) {
        T l = local(t.enclosingMember, name);
        if (l != null) {
          return l;
        }
      }
    }
    return null;
  }

  /** The member type {@code name} of {@code t}, or, with {@code inherit}, one it inherits. */
  T nested(T t, String name, boolean inherit) {
    T direct = dotted(t, name);
    if (direct != null || !inherit) {
      return direct;
    }
    Set<T> seen = new HashSet<>();
    ArrayDeque<T> work = new ArrayDeque<>(t.supers);
    while (!work.isEmpty()) {
      T s = work.poll();
      if (seen.add(s)) {
        T n = dotted(s, name);
        if (n != null) {
          return n;
        }
        work.addAll(s.supers);
      }
    }
    return null;
  }

  /**
   * {@code types.get(t.qualified + "." + name)} without building the string: the types are grouped
   * once by every dotted prefix of their names that is itself the name of a type. Only prefixes
   * past the package can be: a type may not share its qualified name with a package.
   */
  private T dotted(T t, String name) {
    if (t.byDottedSuffix == null) {
      t.byDottedSuffix = byDottedPrefix().getOrDefault(t.qualified, Map.of());
    }
    return t.byDottedSuffix.get(name);
  }

  private Map<String, Map<String, T>> byDottedPrefix;

  private Map<String, Map<String, T>> byDottedPrefix() {
    if (byDottedPrefix == null) {
      byDottedPrefix = new HashMap<>();
      for (Map.Entry<String, T> e : types.entrySet()) {
        String q = e.getKey();
        String pkg = e.getValue().fact.symbol().packageName();
        int start = pkg.isEmpty() ? 0 : pkg.length() + 1;
        for (int i = q.indexOf('.', start); i >= 0; i = q.indexOf('.', i + 1)) {
          String prefix = q.substring(0, i);
          if (types.containsKey(prefix)) {
            byDottedPrefix
                .computeIfAbsent(prefix, k -> new HashMap<>())
                .put(q.substring(i + 1), e.getValue());
          }
        }
      }
    }
    return byDottedPrefix;
  }

  /**
   * Single-type imports, the same package, on-demand imports; java.lang and anything else outside
   * the index give null. A single-type import of a library type shadows a same-package type.
   */
  T inFile(String name, T ctx) {
    FileFacts file = ctx.file;
    for (ImportFact imp : file.imports()) {
      if (!imp.onDemand() && endsWithSegment(imp.name(), name)) {
        T t = types.get(imp.name());
        if (t != null || !imp.isStatic()) {
          return t; // a library import shadows the package
        }
      }
    }
    String pkg = file.packageName();
    T same = types.get(pkg.isEmpty() ? name : pkg + "." + name);
    if (same != null) {
      return same;
    }
    for (ImportFact imp : file.imports()) {
      if (imp.onDemand()) {
        T t = types.get(imp.name() + "." + name);
        if (t != null) {
          return t;
        }
      }
    }
    return null;
  }

  /** {@code qualified.endsWith("." + name)}, without building that string for every import. */
  static boolean endsWithSegment(String qualified, String name) {
    int dot = qualified.length() - name.length() - 1;
    return dot >= 0 && qualified.charAt(dot) == '.' && qualified.endsWith(name);
  }

  /**
   * Whether some word of a written type ({@code Map.Entry<K, List<V>>[]}) passes {@code test},
   * given with where it starts.
   */
  static boolean anyWord(String written, BiPredicate<String, Integer> test) {
    int start = -1;
    for (int i = 0; i <= written.length(); i++) {
      boolean part = i < written.length() && Character.isJavaIdentifierPart(written.charAt(i));
      if (part && start < 0) {
        start = i;
      } else if (!part && start >= 0) {
        if (test.test(written.substring(start, i), start)) {
          return true;
        }
        start = -1;
      }
    }
    return false;
  }
}
