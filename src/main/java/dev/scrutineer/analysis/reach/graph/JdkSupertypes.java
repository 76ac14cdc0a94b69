package dev.scrutineer.analysis.reach.graph;

import dev.scrutineer.analysis.reach.index.FileFacts;
import dev.scrutineer.analysis.reach.index.ImportFact;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The supertypes of the JDK's own types, read from the running JDK: a code base's {@code
 * ListIterator} is an {@code Iterator} too, so a call on an {@code Iterator} may run its {@code
 * next()}. Only the platform class loader is asked, which sees the JDK and nothing else: no class
 * of the analysed code base, nor of Scrutineer, is loaded, and none is initialised.
 */
final class JdkSupertypes {
  /** Supertypes by qualified name; empty for a name that is no JDK type. */
  private static final Map<String, Optional<List<String>>> KNOWN = new ConcurrentHashMap<>();

  private JdkSupertypes() {}

  /**
   * The simple names of the supertypes of the JDK type {@code written} names in {@code file}
   * (through its imports, or {@code java.lang}), {@code Object} left out; empty when it names no
   * JDK type.
   */
  static List<String> of(String written, FileFacts file) {
    return find(written, file).orElse(List.of());
  }

  /** As {@link #of}; empty when {@code written} names no JDK type. */
  static Optional<List<String>> find(String written, FileFacts file) {
    String raw = Linker.rawType(written);
    for (String candidate : candidates(raw, file)) {
      Optional<List<String>> found =
          KNOWN.computeIfAbsent(candidate, c -> jdkClass(c).map(JdkSupertypes::supertypes));
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /**
   * The qualified names in the JDK's packages that {@code raw} may stand for: what a single-type
   * import says it is, else each on-demand import's and {@code java.lang}'s.
   */
  private static List<String> candidates(String raw, FileFacts file) {
    if (raw.contains(".") && Character.isLowerCase(raw.charAt(0))) {
      return inJdk(List.of(raw));
    }
    String first = raw.contains(".") ? raw.substring(0, raw.indexOf('.')) : raw;
    for (ImportFact i : file.imports()) {
      if (!i.isStatic() && !i.onDemand() && i.name().endsWith("." + first)) {
        return inJdk(List.of(i.name() + raw.substring(first.length())));
      }
    }
    List<String> out = new ArrayList<>();
    for (ImportFact i : file.imports()) {
      if (!i.isStatic() && i.onDemand()) {
        out.add(i.name() + "." + raw);
      }
    }
    out.add("java.lang." + raw);
    return inJdk(out);
  }

  /** Leaves out names the JDK's class loader would look for in vain, each a thrown exception. */
  private static List<String> inJdk(List<String> names) {
    return names.stream().filter(n -> JDK_PACKAGES.stream().anyMatch(n::startsWith)).toList();
  }

  private static final List<String> JDK_PACKAGES =
      List.of("java.", "javax.", "jdk.", "org.w3c.", "org.xml.");

  private static List<String> supertypes(Class<?> type) {
    Set<String> names = new LinkedHashSet<>();
    Deque<Class<?>> pending = new ArrayDeque<>(List.of(type));
    while (!pending.isEmpty()) {
      Class<?> c = pending.removeFirst();
      for (Class<?> s : c.getInterfaces()) {
        if (names.add(s.getSimpleName())) {
          pending.add(s);
        }
      }
      Class<?> superclass = c.getSuperclass();
      if (superclass != null
          && superclass != Object.class
          && names.add(superclass.getSimpleName())) {
        pending.add(superclass);
      }
    }
    return List.copyOf(names);
  }

  /**
   * A nested type's binary name has {@code $}: {@code java.util.Map$Entry} for {@code Map.Entry}.
   */
  private static Optional<Class<?>> jdkClass(String qualified) {
    String name = qualified;
    while (true) {
      try {
        return Optional.of(Class.forName(name, false, ClassLoader.getPlatformClassLoader()));
      } catch (ClassNotFoundException | LinkageError e) {
        int dot = name.lastIndexOf('.');
        if (dot < 0 || !Character.isUpperCase(name.charAt(dot + 1)) || !hasTypeBefore(name, dot)) {
          return Optional.empty();
        }
        name = name.substring(0, dot) + "$" + name.substring(dot + 1);
      }
    }
  }

  /** Whether the part of {@code name} before {@code dot} ends in a type's name. */
  private static boolean hasTypeBefore(String name, int dot) {
    int start = Math.max(name.lastIndexOf('.', dot - 1), name.lastIndexOf('$', dot - 1)) + 1;
    return Character.isUpperCase(name.charAt(start));
  }
}
