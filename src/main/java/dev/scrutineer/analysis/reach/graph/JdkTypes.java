package dev.scrutineer.analysis.reach.graph;

import dev.scrutineer.analysis.reach.index.FileFacts;
import dev.scrutineer.analysis.reach.index.ImportFact;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What the JDK's own types are, read from the running JDK: their supertypes (a code base's {@code
 * ListIterator} is an {@code Iterator} too, so a call on an {@code Iterator} may run its {@code
 * next()}), and the types their public fields and methods give ({@code list.stream().filter(..)}
 * calls the JDK's {@code Stream}, not every {@code filter} of the code base). Only the platform
 * class loader is asked, which sees the JDK and nothing else: no class of the analysed code base,
 * nor of Scrutineer, is loaded, and none is initialised.
 */
final class JdkTypes {
  /** The supertypes of each JDK type asked about. */
  private static final Map<Class<?>, List<String>> SUPERTYPES = new ConcurrentHashMap<>();

  /** JDK classes by qualified name; empty for a name that is no JDK type. */
  private static final Map<String, Optional<Class<?>>> CLASSES = new ConcurrentHashMap<>();

  /** What each step of a chain gives on a JDK type, by type and step. */
  private static final Map<Class<?>, Map<String, Optional<Type>>> STEPS = new ConcurrentHashMap<>();

  /** The method a lambda step ({@code filter/1~0}) passes its lambda to, by type and step. */
  private static final Map<Class<?>, Map<String, Optional<Method>>> LAMBDA_CALLS =
      new ConcurrentHashMap<>();

  /** The one abstract method of each functional interface asked about. */
  private static final Map<Class<?>, Optional<Method>> ABSTRACT_METHODS = new ConcurrentHashMap<>();

  /** {@link #methods}, by type, name and arity. */
  private static final Map<Class<?>, Map<String, Integer>> METHOD_COUNTS =
      new ConcurrentHashMap<>();

  /** The type variables of each type and its supertypes, bound to type arguments as written. */
  private static final Map<Class<?>, Map<List<String>, Map<TypeVariable<?>, String>>> BINDINGS =
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
   * JDK class or interface.
   */
  static Optional<List<String>> find(String written, FileFacts file) {
    return type(written, file)
        .filter(c -> !c.isPrimitive() && !c.isArray())
        .map(c -> SUPERTYPES.computeIfAbsent(c, JdkTypes::supertypes));
  }

  /**
   * The JDK type (a primitive, or an array of either) {@code written} names in {@code file}; empty
   * when it names none.
   */
  static Optional<Class<?>> type(String written, FileFacts file) {
    String raw = TypeNames.rawType(written);
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
   * ({@code out}), or the return type of the public methods of that name and arity ({@code
   * stream/0}) when their erasures agree, generics kept, as the most specific type declares it;
   * empty when there is none, or they differ.
   */
  static Optional<Type> step(Class<?> type, String step) {
    return STEPS
        .computeIfAbsent(type, t -> new ConcurrentHashMap<>())
        .computeIfAbsent(step, s -> stepOf(type, s));
  }

  /**
   * Whether {@code type} has public methods named {@code name} that accept {@code arity} arguments
   * with different parameter types, between which a call's arguments choose.
   */
  static boolean overloaded(Class<?> type, String name, int arity) {
    return methods(type, name, arity) > 1;
  }

  /**
   * How many public methods named {@code name} that accept {@code arity} arguments {@code type}
   * has, declared or inherited, counting once those with the same parameter types.
   */
  static int methods(Class<?> type, String name, int arity) {
    return METHOD_COUNTS
        .computeIfAbsent(type, t -> new ConcurrentHashMap<>())
        .computeIfAbsent(
            name + "/" + arity,
            k ->
                (int)
                    Arrays.stream(type.getMethods())
                        .filter(m -> m.getName().equals(name) && !m.isBridge() && !m.isSynthetic())
                        .filter(
                            m ->
                                m.getParameterCount() == arity
                                    || m.isVarArgs() && arity >= m.getParameterCount() - 1)
                        .map(m -> List.of(m.getParameterTypes()))
                        .distinct()
                        .count());
  }

  /**
   * As {@link #step}, in a subclass of {@code type}: a field may also be one it leaves to its
   * subclasses ({@code protected Writer out} of {@code java.io.FilterWriter}).
   */
  static Optional<Type> inheritedStep(Class<?> type, String step) {
    for (Class<?> c = type; step.indexOf('/') < 0 && c != null; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (field.getName().equals(step) && !Modifier.isPrivate(field.getModifiers())) {
          return Optional.of(field.getGenericType());
        }
      }
    }
    return step(type, step); // a method, or an interface's constant
  }

  private static Optional<Type> stepOf(Class<?> type, String step) {
    int slash = step.indexOf('/');
    if (slash < 0) {
      if (type.isArray()) {
        return step.equals("length") ? Optional.of(int.class) : Optional.empty();
      }
      try {
        return Optional.of(type.getField(step).getGenericType());
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
    Method chosen = method(type, name, arity, Method::getReturnType);
    return chosen == null ? Optional.empty() : Optional.of(chosen.getGenericReturnType());
  }

  /**
   * The public method of {@code type} named so that accepts {@code arity} arguments, as the most
   * specific type declares it; null when there is none, or when the methods that do differ in
   * {@code erasure} (their return type, or a parameter's).
   */
  private static Method method(
      Class<?> type, String name, int arity, Function<Method, Class<?>> erasure) {
    List<Method> methods = new ArrayList<>(List.of(type.getMethods()));
    if (type.isInterface() || type.isArray()) {
      methods.addAll(List.of(Object.class.getMethods())); // every value has Object's methods
    }
    Method chosen = null;
    for (Method m : methods) {
      boolean accepts =
          m.getParameterCount() == arity || (m.isVarArgs() && arity >= m.getParameterCount() - 1);
      if (!m.getName().equals(name) || !accepts || m.isBridge() || m.isSynthetic()) {
        continue;
      }
      if (chosen != null && erasure.apply(chosen) != erasure.apply(m)) {
        return null;
      }
      if (chosen == null || chosen.getDeclaringClass().isAssignableFrom(m.getDeclaringClass())) {
        chosen = m;
      }
    }
    return chosen;
  }

  /**
   * The type of a lambda's parameter, the lambda passed to a method of the JDK type {@code type}:
   * {@code filter/1~0.0} is parameter 0 of the lambda that is argument 0 of {@code filter(..)}. On
   * a {@code Stream<Owner>} that argument is a {@code Predicate<? super Owner>}, whose one abstract
   * method takes an {@code Owner}. Written as {@link #substitute} writes types; empty when not
   * known.
   *
   * @param arguments the type arguments of {@code type}, as written
   */
  static Optional<String> lambdaParameter(Class<?> type, String step, List<String> arguments) {
    LambdaStep lambda = LambdaStep.parse(step);
    if (lambda == null) {
      return Optional.empty();
    }
    int argument = lambda.argument();
    Method call = call(type, lambda.name(), lambda.arity(), argument);
    if (call == null || argument >= call.getParameterCount() || call.isVarArgs()) {
      return Optional.empty();
    }
    // Predicate<? super T> takes a T: for a lambda's parameter a lower bound is the type.
    String functional =
        written(call.getGenericParameterTypes()[argument], bindings(type, arguments), true);
    return type(functional, null)
        .flatMap(t -> functionalParameter(t, typeArguments(functional), lambda.parameter()));
  }

  /**
   * The type of parameter {@code parameter} of a lambda that is a value of the functional interface
   * {@code type} (step {@code ~.0} of {@code Function<Order,String>#~.0}), its type arguments as
   * written. Empty when not known.
   */
  static Optional<String> ownLambdaParameter(Class<?> type, String step, List<String> arguments) {
    try {
      return functionalParameter(type, arguments, Integer.parseInt(step, 2, step.length(), 10));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> functionalParameter(
      Class<?> functional, List<String> arguments, int parameter) {
    Method abstractMethod =
        ABSTRACT_METHODS
            .computeIfAbsent(functional, i -> Optional.ofNullable(abstractMethod(i)))
            .orElse(null);
    if (abstractMethod == null || parameter >= abstractMethod.getParameterCount()) {
      return Optional.empty();
    }
    String written =
        written(
            abstractMethod.getGenericParameterTypes()[parameter],
            bindings(functional, arguments),
            false);
    return written.isEmpty() || written.equals("?") ? Optional.empty() : Optional.of(written);
  }

  /**
   * How many parameters the lambda or method reference passed as argument {@code argument} of
   * {@code name/arity} on the JDK type {@code type} takes: empty when the methods so named differ
   * in that parameter, or it is no functional interface.
   */
  static OptionalInt functionalParameters(Class<?> type, String name, int arity, int argument) {
    Method call = call(type, name, arity, argument);
    if (call == null || argument >= call.getParameterCount() || call.isVarArgs()) {
      return OptionalInt.empty();
    }
    return functionalParameters(call.getParameterTypes()[argument]);
  }

  /**
   * The method {@code name/arity} of {@code type} that a lambda or method reference is passed to as
   * argument {@code argument}: null when the methods so named differ in that parameter.
   */
  private static Method call(Class<?> type, String name, int arity, int argument) {
    return LAMBDA_CALLS
        .computeIfAbsent(type, t -> new ConcurrentHashMap<>())
        .computeIfAbsent(
            name + "/" + arity + "~" + argument,
            k ->
                Optional.ofNullable(
                    method(
                        type,
                        name,
                        arity,
                        m ->
                            argument < m.getParameterCount()
                                ? m.getParameterTypes()[argument]
                                : void.class)))
        .orElse(null);
  }

  /**
   * How many parameters a lambda passed as {@code type} takes: those of its one abstract method;
   * empty when {@code type} is no functional interface, which no lambda can be passed as.
   */
  static OptionalInt functionalParameters(Class<?> type) {
    return ABSTRACT_METHODS
        .computeIfAbsent(type, t -> Optional.ofNullable(abstractMethod(t)))
        .map(m -> OptionalInt.of(m.getParameterCount()))
        .orElse(OptionalInt.empty());
  }

  /** The one abstract method of a functional interface; null for anything else. */
  private static Method abstractMethod(Class<?> type) {
    if (!type.isInterface()) {
      return null;
    }
    Method found = null;
    for (Method m : type.getMethods()) {
      if (!Modifier.isAbstract(m.getModifiers()) || isObjectMethod(m)) {
        continue;
      }
      if (found != null && !sameSignature(found, m)) {
        return null;
      }
      found = m;
    }
    return found;
  }

  /** Comparator's equals(Object) is abstract, but Object's: not what a lambda implements. */
  private static boolean isObjectMethod(Method m) {
    for (Method o : OBJECT_METHODS) {
      if (sameSignature(o, m)) {
        return true;
      }
    }
    return false;
  }

  private static final List<Method> OBJECT_METHODS = List.of(Object.class.getMethods());

  private static boolean sameSignature(Method a, Method b) {
    return a.getName().equals(b.getName())
        && Arrays.equals(a.getParameterTypes(), b.getParameterTypes());
  }

  /**
   * {@code member}, a type a member of {@code owner} declares, written with {@code owner}'s type
   * arguments in place of its type variables and its supertypes': {@code Stream<Owner>} for {@code
   * stream()} on a {@code List<Owner>}. JDK types are written by their canonical names, so that any
   * file reads them alike; the arguments as they were written. Empty when it is a type variable
   * with no argument known (a generic method's own, or an unknown argument).
   *
   * @param arguments the type arguments of {@code owner}, in order, as written ({@code "?"} when
   *     not known); empty for a raw or non-generic type
   */
  static Optional<String> substitute(Type member, Class<?> owner, List<String> arguments) {
    String written = written(member, bindings(owner, arguments), false);
    return written.isEmpty() || written.equals("?") ? Optional.empty() : Optional.of(written);
  }

  /** The type variables of {@code owner} and its supertypes, bound to {@code arguments}. */
  private static Map<TypeVariable<?>, String> bindings(Class<?> owner, List<String> arguments) {
    return BINDINGS
        .computeIfAbsent(owner, o -> new ConcurrentHashMap<>())
        .computeIfAbsent(
            arguments,
            a -> {
              Map<TypeVariable<?>, String> out = new HashMap<>();
              bind(owner, a, out);
              return out;
            });
  }

  /** Binds the type variables of {@code type} and, through its declaration, its supertypes'. */
  private static void bind(
      Class<?> type, List<String> arguments, Map<TypeVariable<?>, String> out) {
    TypeVariable<?>[] variables = type.getTypeParameters();
    if (arguments.size() == variables.length) {
      for (int i = 0; i < variables.length; i++) {
        out.putIfAbsent(variables[i], arguments.get(i));
      }
    }
    List<Type> supertypes = new ArrayList<>(List.of(type.getGenericInterfaces()));
    if (type.getGenericSuperclass() != null) {
      supertypes.add(type.getGenericSuperclass());
    }
    for (Type supertype : supertypes) {
      if (supertype instanceof ParameterizedType parameterized
          && parameterized.getRawType() instanceof Class<?> raw) {
        List<String> actual = new ArrayList<>();
        for (Type argument : parameterized.getActualTypeArguments()) {
          String written = written(argument, out, false);
          actual.add(written.isEmpty() ? "?" : written);
        }
        bind(raw, actual, out);
      } else if (supertype instanceof Class<?> raw) {
        bind(raw, List.of(), out);
      }
    }
  }

  /**
   * {@code type} written out with {@code bindings}; {@code ""} where a variable is unbound. A
   * wildcard is its upper bound, and with {@code lower} its lower bound too ({@code ? super T} is a
   * {@code T} where a lambda takes it).
   */
  private static String written(Type type, Map<TypeVariable<?>, String> bindings, boolean lower) {
    if (type instanceof Class<?> c) {
      if (c.isArray()) {
        String component = written(c.getComponentType(), bindings, lower);
        return component.isEmpty() ? "" : component + "[]";
      }
      return c.getCanonicalName() == null ? "" : c.getCanonicalName();
    }
    if (type instanceof TypeVariable<?> variable) {
      String bound = bindings.get(variable);
      return bound == null || bound.equals("?") ? "" : bound;
    }
    if (type instanceof ParameterizedType parameterized) {
      String raw = written(parameterized.getRawType(), bindings, lower);
      if (raw.isEmpty()) {
        return "";
      }
      StringBuilder out = new StringBuilder(raw).append('<');
      Type[] arguments = parameterized.getActualTypeArguments();
      for (int i = 0; i < arguments.length; i++) {
        String argument = written(arguments[i], bindings, lower);
        out.append(i == 0 ? "" : ",").append(argument.isEmpty() ? "?" : argument);
      }
      return out.append('>').toString();
    }
    if (type instanceof WildcardType wildcard) {
      Type[] upper = wildcard.getUpperBounds();
      Type[] lowerBounds = wildcard.getLowerBounds();
      if (lowerBounds.length == 1) {
        return lower ? written(lowerBounds[0], bindings, lower) : "?";
      }
      return upper.length == 1 && upper[0] != Object.class
          ? written(upper[0], bindings, lower)
          : "?";
    }
    if (type instanceof GenericArrayType array) {
      String component = written(array.getGenericComponentType(), bindings, lower);
      return component.isEmpty() ? "" : component + "[]";
    }
    return "";
  }

  /**
   * The type arguments of a type written with them: {@code String} and {@code List<Owner>} of
   * {@code Map<String,List<Owner>>}; empty for a raw type.
   */
  static List<String> typeArguments(String written) {
    int open = written.indexOf('<');
    int close = written.lastIndexOf('>');
    if (open < 0 || close < open) {
      return List.of();
    }
    List<String> arguments = new ArrayList<>();
    int depth = 0;
    int start = open + 1;
    for (int i = open + 1; i < close; i++) {
      char c = written.charAt(i);
      if (c == '<') {
        depth++;
      } else if (c == '>') {
        depth--;
      } else if (c == ',' && depth == 0) {
        arguments.add(written.substring(start, i).strip());
        start = i + 1;
      }
    }
    arguments.add(written.substring(start, close).strip());
    return arguments;
  }

  /**
   * The qualified names in the JDK's packages that {@code raw} may stand for: what a single-type
   * import says it is, else each on-demand import's and {@code java.lang}'s.
   */
  private static List<String> candidates(String raw, FileFacts file) {
    if (raw.contains(".") && Character.isLowerCase(raw.charAt(0))) {
      return inJdk(List.of(raw));
    }
    if (file == null) { // a name read from the JDK itself, or a box: qualified, or java.lang's
      return inJdk(List.of("java.lang." + raw));
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
    List<String> out = new ArrayList<>(names.size());
    for (String name : names) {
      for (String jdk : JDK_PACKAGES) {
        if (name.startsWith(jdk)) {
          out.add(name);
          break;
        }
      }
    }
    return out;
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
