package dev.scrutineer.analysis.reach.graph;

import dev.scrutineer.analysis.reach.graph.Linker.M;
import dev.scrutineer.analysis.reach.graph.Linker.T;
import dev.scrutineer.model.DeclarationKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a type has through its hierarchy, as class-hierarchy analysis reads it once the linker has
 * resolved every supertype: its supertypes and subtypes, the members it declares or inherits by
 * name, which method overrides which, and what a virtual call runs in each subtype. Each answer is
 * remembered on the type or method it is about.
 */
final class Hierarchy {
  private Hierarchy() {}

  /** Supertype closure in breadth-first order, the type itself first. */
  static List<T> closure(T t) {
    if (t.closure == null) {
      t.closure = computeClosure(t);
    }
    return t.closure;
  }

  private static List<T> computeClosure(T t) {
    List<T> out = new ArrayList<>();
    Set<T> seen = new HashSet<>();
    ArrayDeque<T> work = new ArrayDeque<>();
    work.add(t);
    while (!work.isEmpty()) {
      T s = work.poll();
      if (seen.add(s)) {
        out.add(s);
        if (s.superclass != null) {
          work.add(s.superclass);
        }
        work.addAll(s.supers);
      }
    }
    return out;
  }

  /** Whether a type outside the index is among {@code t}'s supertypes. */
  static boolean inheritsFromLibrary(T t) {
    for (T s : closure(t)) {
      if (!s.externalSupers.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Methods named {@code name} that accept {@code arity} arguments, declared in {@code t} or
   * inherited; a declaration hides the same signature further up.
   */
  static List<M> methods(T t, String name, int arity) {
    List<M> out = new ArrayList<>();
    Set<String> seen = null; // most lookups find nothing: allocate only when something is found
    for (T s : closure(t)) {
      for (M m : s.methods.getOrDefault(name, List.of())) {
        if (!m.acceptsArity(arity)) {
          continue;
        }
        if (seen == null) {
          seen = new HashSet<>();
        }
        if (seen.add(m.signature())) {
          out.add(m);
        }
      }
    }
    if (out.isEmpty() && arity <= 0) {
      // A record's implicit accessor is its component.
      for (T s : closure(t)) {
        M component = s.fields.get(name);
        if (component != null && component.fact.kind() == DeclarationKind.RECORD_COMPONENT) {
          out.add(component);
          break;
        }
      }
    }
    return out;
  }

  static M field(T t, String name) {
    for (T s : closure(t)) {
      M f = s.fields.get(name);
      if (f != null) {
        return f;
      }
    }
    return null;
  }

  /**
   * {@code sub} overrides {@code base}: same name and erased parameters ({@code Object} for a type
   * variable).
   */
  private static boolean overrides(M sub, M base) {
    if (!sub.fact.name().equals(base.fact.name()) || sub.params.size() != base.params.size()) {
      return false;
    }
    for (int i = 0; i < sub.params.size(); i++) {
      String b = base.params.get(i);
      if (!b.equals(sub.params.get(i)) && !b.equals("Object") && !b.equals("Object[]")) {
        return false;
      }
    }
    return true;
  }

  /**
   * The declaration of {@code base}'s method that {@code t} would run: its own, or the first up its
   * hierarchy; when no parameter list matches but {@code t} declares exactly one method of that
   * name and arity, that one (a type variable bound in a subclass erases differently).
   */
  private static M selected(T t, M base) {
    for (T s : closure(t)) {
      if (s == base.owner) {
        return base;
      }
      List<M> same = new ArrayList<>();
      List<M> lenient = new ArrayList<>();
      for (M m : s.methods.getOrDefault(base.fact.name(), List.of())) {
        if (!m.isVirtual() || m.params.size() != base.params.size()) {
          continue;
        }
        if (m.params.equals(base.params)) {
          return m;
        }
        if (overrides(m, base) && !overridesAnother(m, base)) {
          lenient.add(m);
        }
        same.add(m);
      }
      if (lenient.size() == 1) {
        return lenient.get(0);
      }
      if (same.size() == 1
          && s.methods.get(base.fact.name()).size() == 1
          && !overridesAnother(same.get(0), base)) {
        return same.get(0);
      }
    }
    return null;
  }

  /**
   * {@code m}'s exact parameter list is that of another method of {@code base}'s type or its
   * supertypes: {@code m} overrides that one, not {@code base} through an erased type variable
   * ({@code appendDetail(StringBuffer,String,boolean[])} does not override {@code
   * appendDetail(StringBuffer,String,Object[])}).
   */
  private static boolean overridesAnother(M m, M base) {
    for (T s : closure(base.owner)) {
      for (M other : s.methods.getOrDefault(base.fact.name(), List.of())) {
        if (other != base && other.params.equals(m.params)) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code m} overrides {@code base}, exactly or through an erased type variable. */
  static boolean overridesBase(M m, M base) {
    if (m.params.equals(base.params)) {
      return true;
    }
    if (!overrides(m, base) || overridesAnother(m, base)) {
      return false;
    }
    for (M sibling : m.owner.methods.getOrDefault(base.fact.name(), List.of())) {
      if (sibling != m && sibling.params.equals(base.params)) {
        return false; // the type overrides base exactly with another declaration
      }
    }
    return true;
  }

  static List<T> subtypes(T t) {
    if (t.subtypeClosure == null) {
      List<T> out = new ArrayList<>();
      Set<T> seen = new HashSet<>();
      ArrayDeque<T> work = new ArrayDeque<>(t.subs);
      while (!work.isEmpty()) {
        T s = work.poll();
        if (seen.add(s) && s != t) {
          out.add(s);
          work.addAll(s.subs);
        }
      }
      t.subtypeClosure = out;
    }
    return t.subtypeClosure;
  }

  /**
   * Class-hierarchy dispatch: what each subtype of {@code receiver} runs for a call to {@code m}.
   */
  static int[] dispatch(T receiver, M m) {
    if (!m.isVirtual()) {
      return new int[0];
    }
    // Cached on the method: a map keyed by both ids as a long hashed them into a few buckets.
    if (m.dispatch == null) {
      m.dispatch = new HashMap<>();
    }
    int[] cached = m.dispatch.get(receiver);
    if (cached != null) {
      return cached;
    }
    Set<Integer> out = new LinkedHashSet<>();
    for (T sub : subtypes(receiver)) {
      M s = selected(sub, m);
      if (s != null && s != m) {
        out.add(s.id);
      }
    }
    int[] result = out.stream().mapToInt(Integer::intValue).toArray();
    m.dispatch.put(receiver, result);
    return result;
  }
}
