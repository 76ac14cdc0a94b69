package dev.scrutineer.analysis.reach.graph;

import dev.scrutineer.analysis.reach.graph.Linker.M;
import dev.scrutineer.analysis.reach.index.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Which of a call's same-arity overloads it can mean, from the types of its arguments where the
 * file says them ({@link Reference#argumentTypes}), as javac chooses (JLS 15.12.2): overloads the
 * arguments cannot be passed to are dropped; when every argument's type is known, only the first
 * phase that finds any is kept (no boxing, then boxing, then variable arity), and of it the most
 * specific. A type neither of the index nor of the JDK is taken to fit anything, so what is dropped
 * is what the compiler would reject too.
 */
final class Overloads {
  /** What a scope knows of the types written in it. */
  interface Scope {
    /**
     * The simple names of the types a value of the reference type {@code written} can be passed as,
     * its own and {@code Object} included; null when they are not all known.
     */
    Set<String> supertypes(String written);

    /** The erased simple name of {@code written}, as parameter types are spelt: {@code Entry[]}. */
    String simple(String written);

    /**
     * How many parameters a lambda passed as the parameter type {@code written} takes: {@link
     * #NOT_FUNCTIONAL} when no lambda can be passed as it, {@link #NOT_KNOWN} when that is not
     * known (a type of the index or of another library).
     */
    int functionalParameters(String written);

    int NOT_FUNCTIONAL = -1;
    int NOT_KNOWN = -2;
  }

  private enum Fit {
    NO,
    /** By identity, widening or subtyping: phase 1. */
    STRICT,
    /** By boxing or unboxing: phase 2. */
    LOOSE,
    /** The argument's type is not known, or not all its supertypes are. */
    UNKNOWN
  }

  private static final Map<String, String> BOXES =
      Map.of(
          "boolean", "Boolean",
          "byte", "Byte",
          "short", "Short",
          "char", "Character",
          "int", "Integer",
          "long", "Long",
          "float", "Float",
          "double", "Double");

  private static final Map<String, String> UNBOXED =
      Map.of(
          "Boolean", "boolean",
          "Byte", "byte",
          "Short", "short",
          "Character", "char",
          "Integer", "int",
          "Long", "long",
          "Float", "float",
          "Double", "double");

  /** Widening primitive conversions (JLS 5.1.2), which are also primitive subtyping (4.10.1). */
  private static final Map<String, Set<String>> WIDER =
      Map.of(
          "boolean", Set.of(),
          "byte", Set.of("short", "int", "long", "float", "double"),
          "short", Set.of("int", "long", "float", "double"),
          "char", Set.of("int", "long", "float", "double"),
          "int", Set.of("long", "float", "double"),
          "long", Set.of("float", "double"),
          "float", Set.of("double"),
          "double", Set.of());

  /** What every array type also is. */
  private static final Set<String> ARRAY_SUPERTYPES = Set.of("Object", "Cloneable", "Serializable");

  private Overloads() {}

  /**
   * The overloads of {@code overloads} (all accepting the call's arity) that the call can mean; all
   * of them when the arguments' types rule out every one, which only a wrong reading of the file
   * could do.
   *
   * @param args the type of each argument as {@link Reference#argumentTypes} writes it, chains
   *     followed; empty when none is known
   * @param caller the scope the arguments' types are written in
   * @param callee the scope each overload's parameter types are written in
   */
  static List<M> select(
      List<M> overloads, List<String> args, Scope caller, Function<M, Scope> callee) {
    if (overloads.size() < 2 || args.isEmpty()) {
      return overloads;
    }
    List<M> applicable = new ArrayList<>();
    List<Integer> phases = new ArrayList<>();
    boolean certain = true;
    int first = Integer.MAX_VALUE;
    for (M m : overloads) {
      Applicable a = applicable(m, args, caller, callee.apply(m));
      if (a != null) {
        applicable.add(m);
        phases.add(a.phase());
        certain &= a.certain();
        first = Math.min(first, a.phase());
      }
    }
    if (applicable.isEmpty()) {
      return overloads;
    }
    if (!certain) {
      return applicable;
    }
    List<M> phase = new ArrayList<>();
    for (int i = 0; i < applicable.size(); i++) {
      if (phases.get(i) == first) {
        phase.add(applicable.get(i));
      }
    }
    return mostSpecific(phase, args.size(), first == 3, callee);
  }

  /** Whether the call's arguments, where their types are known, can be passed to {@code m}. */
  static boolean accepts(M m, List<String> args, Scope caller, Scope callee) {
    return args.isEmpty() || applicable(m, args, caller, callee) != null;
  }

  /** The phase (1 to 3) in which {@code m} is applicable, and whether that is known for sure. */
  private record Applicable(int phase, boolean certain) {}

  /**
   * Null when {@code m} is not applicable in any phase. The arguments' types are written in {@code
   * caller}, {@code m}'s parameter types in {@code callee}.
   */
  private static Applicable applicable(M m, List<String> args, Scope caller, Scope callee) {
    List<String> params = m.params;
    List<String> written = m.fact.parameterTypes();
    int n = params.size();
    if (args.size() == n) {
      Applicable fixed = fits(args, params::get, written::get, 1, caller, callee);
      if (fixed != null) {
        return fixed;
      }
    }
    if (m.fact.varargs() && args.size() >= n - 1) {
      String element = element(params.get(n - 1));
      String writtenElement = element(written.get(n - 1));
      return fits(
          args,
          i -> i < n - 1 ? params.get(i) : element,
          i -> i < n - 1 ? written.get(i) : writtenElement,
          3,
          caller,
          callee);
    }
    return null;
  }

  private static Applicable fits(
      List<String> args,
      Function<Integer, String> param,
      Function<Integer, String> written,
      int phase,
      Scope caller,
      Scope callee) {
    boolean loose = false;
    boolean certain = true;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      int lambda = Reference.lambdaParameters(arg);
      Fit fit =
          arg.startsWith(Reference.METHOD_REFERENCE)
              ? methodReference(arg, callee.functionalParameters(written.apply(i)))
              : lambda < 0
                  ? fit(arg, param.apply(i), caller)
                  : lambda(lambda, callee.functionalParameters(written.apply(i)));
      switch (fit) {
        case NO -> {
          return null;
        }
        case LOOSE -> loose = true;
        case UNKNOWN -> certain = false;
        case STRICT -> {}
      }
    }
    return new Applicable(phase == 1 && loose ? 2 : phase, certain);
  }

  /**
   * The overloads no other is more specific than (JLS 15.12.2.5): each parameter's type a subtype
   * of the other's. All of them when that cannot be told.
   */
  private static List<M> mostSpecific(
      List<M> candidates, int arity, boolean variable, Function<M, Scope> callee) {
    if (candidates.size() < 2) {
      return candidates;
    }
    List<M> out = new ArrayList<>();
    for (M m : candidates) {
      boolean beaten = false;
      for (M other : candidates) {
        if (other != m
            && moreSpecific(other, m, arity, variable, callee)
            && !moreSpecific(m, other, arity, variable, callee)) {
          beaten = true;
          break;
        }
      }
      if (!beaten) {
        out.add(m);
      }
    }
    return out.isEmpty() ? candidates : out;
  }

  private static boolean moreSpecific(
      M a, M b, int arity, boolean variable, Function<M, Scope> callee) {
    Scope scope = callee.apply(a);
    List<String> written = a.fact.parameterTypes();
    for (int i = 0; i < arity; i++) {
      if (fit(parameter(written, i, variable), parameter(b.params, i, variable), scope)
          != Fit.STRICT) {
        return false;
      }
    }
    return true;
  }

  /** Parameter {@code i} of a call; with variable arity, the last one's element type from it on. */
  private static String parameter(List<String> params, int i, boolean variable) {
    int last = params.size() - 1;
    if (variable && i >= last) {
      return element(params.get(last));
    }
    return params.get(Math.min(i, last));
  }

  /**
   * How an argument of the type written {@code arg} fits a parameter whose erased simple type is
   * {@code param} (JLS 5.3).
   */
  private static Fit fit(String arg, String param, Scope scope) {
    if (arg.isEmpty()) {
      return Fit.UNKNOWN;
    }
    if (arg.equals(Reference.NULL_ARGUMENT)) {
      return BOXES.containsKey(param) ? Fit.NO : Fit.STRICT;
    }
    String simple = scope.simple(arg);
    if (simple.equals(param)) {
      return Fit.STRICT;
    }
    boolean primitive = BOXES.containsKey(simple);
    if (primitive && BOXES.containsKey(param)) {
      return WIDER.get(simple).contains(param) ? Fit.STRICT : Fit.NO;
    }
    if (primitive) { // boxing, then widening to a supertype of the box
      if (param.equals("Object")) {
        return Fit.LOOSE;
      }
      Set<String> supertypes = scope.supertypes(BOXES.get(simple));
      return supertypes == null ? Fit.UNKNOWN : supertypes.contains(param) ? Fit.LOOSE : Fit.NO;
    }
    if (BOXES.containsKey(param)) { // unboxing, then widening
      String unboxed = UNBOXED.get(simple);
      return unboxed != null && (unboxed.equals(param) || WIDER.get(unboxed).contains(param))
          ? Fit.LOOSE
          : Fit.NO;
    }
    boolean array = simple.endsWith("[]");
    if (array || param.endsWith("[]")) {
      return arrays(arg, param, scope);
    }
    if (param.equals("Object")) {
      return Fit.STRICT;
    }
    Set<String> supertypes = scope.supertypes(arg);
    return supertypes == null ? Fit.UNKNOWN : supertypes.contains(param) ? Fit.STRICT : Fit.NO;
  }

  /**
   * A lambda of {@code parameters} parameters passed as a parameter whose functional interface's
   * method takes {@code functional}: it does not decide the phase (JLS 15.12.2.2, an implicitly
   * typed lambda is not pertinent to applicability), only whether the overload is potentially
   * applicable (15.12.2.1).
   */
  private static Fit lambda(int parameters, int functional) {
    if (functional == Scope.NOT_KNOWN) {
      return Fit.UNKNOWN;
    }
    if (parameters == Reference.ANY_PARAMETERS) { // a method reference: does some method fit?
      return functional == Scope.NOT_FUNCTIONAL ? Fit.NO : Fit.UNKNOWN;
    }
    return functional == parameters ? Fit.STRICT : Fit.NO;
  }

  /**
   * The most parameters of a method a method reference names that {@link #methodReference} says.
   */
  static final int MAX_REFERENCED_ARITY = 10;

  /**
   * The argument type of a method reference whose methods are known: {@code arities} has bit {@code
   * n} set when one of them takes {@code n} parameters; with {@code typeName}, its receiver may be
   * a type's name ({@code Type::method}), so an instance method takes the functional interface's
   * first parameter as its receiver.
   */
  static String methodReference(int arities, boolean typeName) {
    return Reference.METHOD_REFERENCE + Integer.toHexString(arities) + (typeName ? "t" : "");
  }

  /**
   * A method reference passed as a parameter whose functional interface's method takes {@code
   * functional} parameters: potentially compatible (JLS 15.12.2.1) when one of the methods it names
   * takes as many, or one fewer through a type's name; like a lambda, it does not decide the phase.
   */
  private static Fit methodReference(String arg, int functional) {
    if (functional == Scope.NOT_FUNCTIONAL) {
      return Fit.NO;
    }
    int from = Reference.METHOD_REFERENCE.length();
    if (arg.length() == from
        || functional == Scope.NOT_KNOWN
        || functional > MAX_REFERENCED_ARITY) {
      return Fit.UNKNOWN;
    }
    boolean typeName = arg.endsWith("t");
    int arities = Integer.parseInt(arg, from, arg.length() - (typeName ? 1 : 0), 16);
    boolean fits =
        (arities & 1 << functional) != 0
            || typeName && functional > 0 && (arities & 1 << functional - 1) != 0;
    return fits ? Fit.STRICT : Fit.NO;
  }

  /** Array types: covariant in reference elements, exact in primitive ones (JLS 4.10.3). */
  private static Fit arrays(String arg, String param, Scope scope) {
    if (!arg.endsWith("[]")) {
      return Fit.NO;
    }
    if (!param.endsWith("[]")) {
      return ARRAY_SUPERTYPES.contains(param) ? Fit.STRICT : Fit.NO;
    }
    String argElement = element(arg);
    String paramElement = element(param);
    if (BOXES.containsKey(argElement) || BOXES.containsKey(paramElement)) {
      return argElement.equals(paramElement) ? Fit.STRICT : Fit.NO;
    }
    Fit element = fit(argElement, paramElement, scope);
    return element == Fit.LOOSE ? Fit.NO : element;
  }

  static boolean isPrimitive(String type) {
    return BOXES.containsKey(type);
  }

  private static String element(String arrayType) {
    return arrayType.endsWith("[]") ? arrayType.substring(0, arrayType.length() - 2) : arrayType;
  }
}
