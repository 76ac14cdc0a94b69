package dev.scrutineer.analysis.reach.graph;

import dev.scrutineer.analysis.reach.graph.Linker.M;
import dev.scrutineer.analysis.reach.graph.Linker.T;
import dev.scrutineer.analysis.reach.index.Reference.Receiver;
import dev.scrutineer.analysis.reach.index.TypeFact;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a {@link Receiver#CHAIN} leads ({@code Orders#builder/0#limit/1}, {@code
 * List<Owner>#get/1}): from its start, a type of the index or of the JDK, through each field's
 * declared type and each method's return type, in the index and in the JDK (see {@link JdkTypes}).
 * The linker types receivers and arguments with it.
 */
final class Chains {
  private final Linker linker;

  /** Chains from JDK types without type arguments, by canonical start and steps. */
  private final Map<String, Reached> fromJdk = new HashMap<>();

  Chains(Linker linker) {
    this.linker = linker;
  }

  /**
   * Where a chain's steps lead: a type of the index, a JDK type, or the simple name of another
   * library type (only where the chain ends); all null when that is not known. {@code self} is
   * where a member {@code type} lacks is looked for: the receiver of the chain's last step when
   * that step is a method returning one of the receiver's supertypes, as a builder typed by itself
   * ({@code B extends Builder<B>}) returns {@code B}, erased to {@code Builder}; null otherwise.
   */
  record Reached(T type, Class<?> jdk, String library, T self) {
    static final Reached UNKNOWN = new Reached(null, null, null);

    /** A chain with no receiver to fall back on. */
    Reached(T type, Class<?> jdk, String library) {
      this(type, jdk, library, null);
    }

    /** What {@code iterator()} of an array leads to in a for-each: nothing with methods. */
    static final Reached ARRAY_ITERATION = new Reached(null, Object[].class, null);
  }

  /** The step to a parameter of the lambda a value of a functional interface is: {@code ~.0}. */
  static final String OWN_LAMBDA = "~.";

  /** The step a for-each over a chain takes before {@code hasNext()} and {@code next()}. */
  static final String ITERATION = "iterator/0";

  /** Where the chain {@code chain}, written in {@code m}'s code, leads; cached per start. */
  Reached reached(M m, String chain) {
    int hash = chain.indexOf('#');
    if (hash <= 0) {
      return Reached.UNKNOWN; // not as the extractor writes it: an unknown receiver
    }
    // The same chain is written again and again (Strings.CS in every method of StringUtils).
    T root = linker.resolveType(chain.substring(0, hash), m.owner, m, true);
    if (root != null && !chain.startsWith(OWN_LAMBDA, hash + 1)) {
      if (root.chains == null) {
        root.chains = new HashMap<>();
      }
      return root.chains.computeIfAbsent(chain, k -> walk(root, null, null, k.split("#", -1)));
    }
    // A JDK type, and type arguments, are named as the file names them: cached per type.
    if (m.owner.writtenChains == null) {
      m.owner.writtenChains = new HashMap<>();
    }
    return m.owner.writtenChains.computeIfAbsent(
        chain,
        k ->
            root != null
                ? walk(root, null, m.owner, k.split("#", -1))
                : jdkChain(m.owner, k, hash));
  }

  /**
   * A chain from a JDK type. Without type arguments it leads the same way from every file, and is
   * followed once per JDK type and steps ({@code StringBuilder#append/1#append/1}).
   */
  private Reached jdkChain(T owner, String chain, int hash) {
    String start = chain.substring(0, hash);
    if (start.indexOf('<') >= 0) {
      return walk(null, start, owner, chain.split("#", -1));
    }
    Optional<Class<?>> type = Linker.jdkType(owner, start);
    if (type.isEmpty() || type.get().getCanonicalName() == null) {
      return Reached.UNKNOWN;
    }
    String canonical = type.get().getCanonicalName();
    return fromJdk.computeIfAbsent(
        canonical + chain.substring(hash), k -> walk(null, canonical, null, k.split("#", -1)));
  }

  /**
   * Follows {@code steps} after the first from {@code root}, or from the JDK type written {@code
   * jdk} in {@code scope}'s code, whose type arguments ({@code List<Owner>}) give the types its
   * generic members return; with no scope, {@code jdk} is a canonical name.
   */
  private Reached walk(T root, String jdk, T scope, String[] steps) {
    T at = root;
    T self = null;
    // Once a step is found only in the receiver before it, the chain's methods are known to return
    // their receiver's own type: a builder typed by itself keeps being that builder.
    boolean selfTyped = false;
    Class<?> jdkClass = jdk == null ? null : type(scope, jdk).orElse(null);
    if (jdk != null && jdkClass == null) {
      return Reached.UNKNOWN;
    }
    for (int i = 1; i < steps.length; i++) {
      boolean last = i == steps.length - 1;
      if (last && steps[i].equals(ITERATION) && jdkClass != null && jdkClass.isArray()) {
        return Reached.ARRAY_ITERATION;
      }
      // A type written in scope's code that the step leads to; null when the step is a member of
      // an index type.
      Optional<String> next = null;
      List<M> found = List.of();
      if (jdkClass != null) {
        List<String> typeArguments = JdkTypes.typeArguments(jdk);
        if (steps[i].startsWith(OWN_LAMBDA)) { // the lambda a Function<Order, String> is: ~.0
          next = JdkTypes.ownLambdaParameter(jdkClass, steps[i], typeArguments);
        } else if (steps[i].indexOf('~') >= 0) { // a lambda's parameter: filter/1~0.0
          next = JdkTypes.lambdaParameter(jdkClass, steps[i], typeArguments);
        } else {
          Optional<Type> member = JdkTypes.step(jdkClass, steps[i]);
          next =
              member.isEmpty()
                  ? Optional.empty()
                  : JdkTypes.substitute(member.get(), jdkClass, typeArguments);
        }
      } else if (i == 1 && scope != null && steps[i].startsWith(OWN_LAMBDA)) {
        // a FailableBiConsumer<A, B, E>: ~.0
        WrittenType parameter = ownLambdaParameter(at, steps[0], scope, steps[i]);
        if (parameter == null) {
          return Reached.UNKNOWN;
        }
        scope = parameter.scope();
        next = parameter.type();
      } else if (steps[i].indexOf('~') > 0) { // a lambda passed to a method of the index: m/1~0.0
        WrittenType parameter = passedTo(at, steps[i]);
        if (parameter == null) {
          return Reached.UNKNOWN;
        }
        scope = parameter.scope();
        next = parameter.type();
      } else {
        found = step(at, steps[i]);
        if (found.isEmpty() && self != null) { // builder().setWriter(w).setCharset(c)
          found = step(self, steps[i]);
          selfTyped |= !found.isEmpty();
          at = found.isEmpty() ? at : self;
        }
        if (found.isEmpty()) { // a field or method a JDK superclass declares: FilterWriter's out
          WrittenType inherited = fromLibrarySupertype(at, steps[i]);
          if (inherited == null) {
            return Reached.UNKNOWN;
          }
          scope = inherited.scope();
          next = inherited.type();
        }
      }
      if (next != null) {
        if (next.isEmpty()) {
          return Reached.UNKNOWN;
        }
        // A type argument is written as the file wrote it, and may be a type of the index.
        T type = scope == null ? null : linker.resolveType(next.get(), scope, null, true);
        if (type != null) {
          at = type;
          jdk = null;
          jdkClass = null;
          continue;
        }
        Optional<Class<?>> c = type(scope, next.get());
        if (c.isEmpty()) {
          String name = linker.simple(next.get());
          return last ? new Reached(null, null, name) : Reached.UNKNOWN;
        }
        at = null;
        jdk = next.get();
        jdkClass = c.get();
        continue;
      }
      M first = found.get(0);
      String written = first.fact.type();
      T type = returned(first, at);
      for (M other : found) {
        if (returned(other, at) != type
            || (type == null && !linker.simple(other.fact.type()).equals(linker.simple(written)))) {
          return Reached.UNKNOWN;
        }
      }
      if (written.endsWith("]") && i == steps.length - 2 && steps[i + 1].equals(ITERATION)) {
        return Reached.ARRAY_ITERATION;
      }
      if (type == null || written.endsWith("]")) {
        Optional<Class<?>> library = Linker.jdkType(first.owner, written);
        if (library.isPresent() && library.get().getCanonicalName() != null) {
          // Its type arguments are written where the member is declared: resolved there.
          at = null;
          jdkClass = library.get();
          int lt = written.indexOf('<');
          jdk = jdkClass.getCanonicalName() + (lt < 0 ? "" : written.substring(lt));
          scope = first.owner;
          continue;
        }
        String name = linker.simple(written);
        return last && type == null && !name.equals("Object") && !name.isEmpty()
            ? new Reached(null, null, name)
            : Reached.UNKNOWN;
      }
      boolean widened =
          steps[i].indexOf('/') > 0 && type != at && Hierarchy.closure(at).contains(type);
      self = widened ? at : null;
      if (!(widened && selfTyped)) {
        at = type;
      }
    }
    return new Reached(at, jdkClass, null, self);
  }

  /**
   * The index type {@code m} returns, or is, called on {@code receiver}: the receiver's own type
   * when {@code m} returns {@code B} of {@code Builder<B extends Builder<B>>}, not the bound.
   */
  private T returned(M m, T receiver) {
    return m.fact.returnsSelf() && receiver != null
        ? receiver
        : linker.resolveType(m.fact.type(), m.owner, m, true);
  }

  /**
   * The type of parameter {@code step} ({@code ~.0}) of a lambda that is a value of {@code type},
   * an interface of the index, written {@code start} in {@code writer}'s code: what {@link
   * TypeFact#lambdaParameters} gives that parameter, the interface's own type ({@code ResultSet})
   * or the type argument of a type parameter ({@code Appendable} of {@code
   * FailableBiConsumer<Appendable,Object,IOException>}). Null when not known.
   */
  private static WrittenType ownLambdaParameter(T type, String start, T writer, String step) {
    List<String> parameters = type.fact.lambdaParameters();
    int parameter;
    try {
      parameter = Integer.parseInt(step, OWN_LAMBDA.length(), step.length(), 10);
    } catch (NumberFormatException e) {
      return null;
    }
    if (parameter >= parameters.size()) {
      return null;
    }
    String written = parameters.get(parameter);
    if (!written.startsWith(TypeFact.TYPE_PARAMETER)) {
      return new WrittenType(type, Optional.of(written));
    }
    List<String> arguments = JdkTypes.typeArguments(start);
    int index = Integer.parseInt(written, TypeFact.TYPE_PARAMETER.length(), written.length(), 10);
    if (index >= arguments.size()) {
      return null;
    }
    String argument = arguments.get(index);
    return argument.isEmpty() || argument.equals("?")
        ? null
        : new WrittenType(writer, Optional.of(argument));
  }

  /** A type as {@code scope}'s code writes it: a lambda's parameter, an inherited JDK field. */
  private record WrittenType(T scope, Optional<String> type) {}

  /**
   * The type of a parameter of a lambda passed to methods of the index type {@code t} (step {@code
   * setElementAppender/1~0.0}: parameter 0 of the lambda that is argument 0), from the functional
   * interface the methods take there, as written with its type arguments where they are declared
   * ({@code Consumer<HttpHeaders>}); null when the methods so named differ in that parameter, or
   * take no functional interface this knows.
   */
  private WrittenType passedTo(T t, String step) {
    LambdaStep lambda = LambdaStep.parse(step);
    if (lambda == null) {
      return null;
    }
    int argument = lambda.argument();
    String functional = null;
    M declaring = null;
    T index = null;
    Class<?> jdk = null;
    for (M m : Hierarchy.methods(t, lambda.name(), lambda.arity())) {
      int parameters = m.fact.parameterTypes().size();
      if (argument >= parameters || m.fact.varargs() && argument == parameters - 1) {
        return null;
      }
      String written = m.fact.genericParameterType(argument);
      T type = linker.resolveType(written, m.owner, m, true);
      Class<?> library = type == null ? Linker.jdkType(m.owner, written).orElse(null) : null;
      if (type == null && library == null
          || declaring != null
              && (type != index || library != jdk || !written.equals(functional))) {
        return null;
      }
      functional = written;
      declaring = m;
      index = type;
      jdk = library;
    }
    if (declaring == null) {
      return null;
    }
    String own = OWN_LAMBDA + lambda.parameter();
    return index != null
        ? ownLambdaParameter(index, functional, declaring.owner, own)
        : new WrittenType(
            declaring.owner,
            JdkTypes.ownLambdaParameter(jdk, own, JdkTypes.typeArguments(functional)));
  }

  /**
   * The type of what {@code step} reads in a JDK class that {@code t} or one of its supertypes of
   * the index extends, when the index declares no such member: a field those classes leave to their
   * subclasses ({@code out} of {@code java.io.FilterWriter}), or a public method. Null when not
   * known: no such member, the JDK classes differ on it, or a supertype outside the JDK may declare
   * it.
   */
  private WrittenType fromLibrarySupertype(T t, String step) {
    WrittenType found = null;
    for (T s : Hierarchy.closure(t)) {
      if (s.opaqueSuper) {
        return null;
      }
      for (String written : s.fact.supertypes()) {
        if (!s.externalSupers.contains(linker.simple(written))) {
          continue; // a type of the index
        }
        Optional<Class<?>> library = Linker.jdkType(s, written);
        Optional<Type> member = library.flatMap(c -> JdkTypes.inheritedStep(c, step));
        if (member.isEmpty()) {
          continue;
        }
        Optional<String> type =
            JdkTypes.substitute(member.get(), library.get(), JdkTypes.typeArguments(written));
        if (type.isEmpty() || found != null && !found.type().equals(type)) {
          return null;
        }
        found = new WrittenType(s, type);
      }
    }
    return found;
  }

  /**
   * The members one step of a chain reads: {@code name/arity} calls a method, {@code name} a field.
   */
  private static List<M> step(T t, String step) {
    int slash = step.indexOf('/');
    if (slash < 0) {
      M field = Hierarchy.field(t, step);
      return field == null ? List.of() : List.of(field);
    }
    try {
      return Hierarchy.methods(
          t, step.substring(0, slash), Integer.parseInt(step.substring(slash + 1)));
    } catch (NumberFormatException e) {
      return List.of();
    }
  }

  /** The JDK type {@code written} names in {@code scope}'s file; a canonical name without one. */
  private static Optional<Class<?>> type(T scope, String written) {
    return scope == null ? JdkTypes.type(written, null) : Linker.jdkType(scope, written);
  }

  /**
   * Where a chain ends, written so that any scope reads it alike (an argument's type): an index
   * type's qualified name, a JDK type's canonical name, or a primitive, with their array brackets;
   * {@code ""} for anything else.
   */
  static String written(Reached end) {
    if (end.type() != null) {
      return end.type().qualified;
    }
    if (end.jdk() != null && end.jdk().getCanonicalName() != null) {
      return end.jdk().getCanonicalName();
    }
    return "";
  }
}
