package dev.scrutineer.analysis.reach.graph;

import dev.scrutineer.analysis.reach.index.FileFacts;
import dev.scrutineer.analysis.reach.index.ImportFact;
import java.lang.reflect.Method;
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
 * What the JDK's own types are, read from the running JDK: their supertypes (a code base's {@code
 * ListIterator} is an {@code Iterator} too, so a call on an {@code Iterator} may run its {@code
 * next()}), and the types their public fields and methods give ({@code list.stream().filter(..)}
 * calls the JDK's {@code Stream}, not every {@code filter} of the code base). Only the platform
 * class loader is asked, which sees the JDK and nothing else: no class of the analysed code base,
 * nor of Scrutineer, is loaded, and none is initialised.
 */
final class JdkTypes {
  /** Supertypes by qualified name; empty for a name that is no JDK type. */
  private static final Map<String, Optional<List<String>>> KNOWN = new ConcurrentHashMap<>();

  /** JDK classes by qualified name; empty for a name that is no JDK type. */
  private static final Map<String, Optional<Class<?>>> CLASSES = new ConcurrentHashMap<>();

  /** What each step of a chain gives on a JDK type, by type and step. */
  private static final Map<Class<?>, Map<String, Optional<Class<?>>>> STEPS =
      new ConcurrentHashMap<>();

  private static final Map<String, Class<?>> PRIMITIVES =
      Map.of(
          "boolean", boolean.class,
          "byte", byte.class,
          "short", short.class,
          "char", char.class,
          "int", int.class,
          "long", long.class,
          "float", float.class,
          "double", double.class);

  private JdkTypes() {}

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
          KNOWN.computeIfAbsent(candidate, c -> jdkClass(c).map(JdkTypes::supertypes));
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /**
   * The JDK type (a primitive, or an array of either) {@code written} names in {@code file}; empty
   * when it names none.
   */
  static Optional<Class<?>> type(String written, FileFacts file) {
    String raw = Linker.rawType(written);
    String brackets = written.replace(" ", "");
    int dimensions = 0;
    while (brackets.endsWith("[]")) {
      brackets = brackets.substring(0, brackets.length() - 2);
      dimensions++;
    }
    Class<?> element = PRIMITIVES.get(raw);
    if (element == null) {
      for (String candidate : candidates(raw, file)) {
        Optional<Class<?>> found = CLASSES.computeIfAbsent(candidate, JdkTypes::jdkClass);
        if (found.isPresent()) {
          element = found.get();
          break;
        }
      }
    }
    if (element == null) {
      return Optional.empty();
    }
    for (int i = 0; i < dimensions; i++) {
      element = element.arrayType();
    }
    return Optional.of(element);
  }

  /**
   * The type one step of a receiver chain gives on the JDK type {@code type}: a public field's
   * ({@code out}), or the erased return type every public method of that name and arity shares
   * ({@code stream/0}); empty when there is none, or they differ.
   */
  static Optional<Class<?>> step(Class<?> type, String step) {
    return STEPS
        .computeIfAbsent(type, t -> new ConcurrentHashMap<>())
        .computeIfAbsent(step, s -> stepOf(type, s));
  }

  private static Optional<Class<?>> stepOf(Class<?> type, String step) {
    int slash = step.indexOf('/');
    if (slash < 0) {
      if (type.isArray()) {
        return step.equals("length") ? Optional.of(int.class) : Optional.empty();
      }
      try {
        return Optional.of(type.getField(step).getType());
      } catch (NoSuchFieldException | SecurityException e) {
        return Optional.empty();
      }
    }
    String name = step.substring(0, slash);
    int arity;
    try {
      arity = Integer.parseInt(step.substring(slash + 1));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (type.isArray() && name.equals("clone") && arity == 0) {
      return Optional.of(type);
    }
    Class<?> returned = null;
    List<Method> methods = new ArrayList<>(List.of(type.getMethods()));
    if (type.isInterface() || type.isArray()) {
      methods.addAll(List.of(Object.class.getMethods())); // every value has Object's methods
    }
    for (Method m : methods) {
      boolean accepts =
          m.getParameterCount() == arity || (m.isVarArgs() && arity >= m.getParameterCount() - 1);
      if (!m.getName().equals(name) || !accepts || m.isBridge() || m.isSynthetic()) {
        continue;
      }
      if (returned != null && returned != m.getReturnType()) {
        return Optional.empty();
      }
      returned = m.getReturnType();
    }
    return Optional.ofNullable(returned);
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
