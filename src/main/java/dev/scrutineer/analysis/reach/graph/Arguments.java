package dev.scrutineer.analysis.reach.graph;

import dev.scrutineer.analysis.reach.graph.Linker.M;
import dev.scrutineer.analysis.reach.graph.Linker.T;
import dev.scrutineer.analysis.reach.index.FileFacts;
import dev.scrutineer.analysis.reach.index.Reference;
import dev.scrutineer.analysis.reach.index.TypeFact;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a call's arguments say about the overloads it means: their types as the linker resolves them
 * (receiver chains followed, type names looked up in the calling scope), handed to {@link
 * Overloads}, and the candidates of a name-only call they fit.
 */
final class Arguments {
  private final Linker linker;

  Arguments(Linker linker) {
    this.linker = linker;
  }

  /** The overloads {@code m}'s call {@code r} can mean, by its arguments' types. */
  List<M> overloads(List<M> candidates, M m, Reference r) {
    if (candidates.size() < 2 || r.arguments().isEmpty()) {
      return candidates;
    }
    return Overloads.select(
        candidates, argumentTypes(m, r), scopeOf(m, r), c -> scopeOf(c.owner, c));
  }

  /**
   * The types of {@code r}'s arguments, each receiver chain ({@code Money#cents}) followed to the
   * type it ends in (see {@link Chains#written}); {@code ""} where that is not known.
   */
  private List<String> argumentTypes(M m, Reference r) {
    List<String> args = r.argumentTypes();
    List<String> out = null;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String known = null;
      if (arg.indexOf('#') > 0) {
        known = Chains.written(linker.chains.reached(m, arg));
      } else if (arg.equals(Reference.METHOD_REFERENCE)) {
        known = methodReference(m, r, i);
      }
      if (known != null && !known.equals(arg)) {
        if (out == null) {
          out = new ArrayList<>(args);
        }
        out.set(i, known);
      }
    }
    return out == null ? args : out;
  }

  /**
   * The method reference {@code m} passes as argument {@code at} of its call {@code r}, with the
   * numbers of parameters the methods it can name take ({@link Overloads#methodReference}); null
   * when that is not known: its receiver's type is not written, is not the index's or the JDK's
   * own, or extends another library's, whose methods are not known.
   */
  private String methodReference(M m, Reference r, int at) {
    String passedTo = "#" + r.name() + "/" + r.arity() + "~" + at;
    Reference found = null;
    for (Reference ref : m.fact.references()) {
      if (ref.kind() == Reference.ReferenceKind.METHOD_REFERENCE
          && ref.arguments().endsWith(passedTo)) {
        if (found != null
            && !(found.name().equals(ref.name())
                && found.receiverType().equals(ref.receiverType()))) {
          return null; // two calls alike, passing different methods: which is which is not known
        }
        found = ref;
      }
    }
    if (found == null || found.receiverType().isEmpty() || found.name().equals("new")) {
      return null;
    }
    String written = found.receiverType().get();
    T type = linker.resolveType(written, m.owner, m, true);
    Optional<Class<?>> jdk = type == null ? Linker.jdkType(m.owner, written) : Optional.empty();
    if (type == null && jdk.isEmpty()
        || type != null
            && Hierarchy.closure(type).stream().anyMatch(t -> !t.externalSupers.isEmpty())) {
      return null;
    }
    int arities = 0;
    for (int n = 0; n <= Overloads.MAX_REFERENCED_ARITY; n++) {
      // A type of the index has Object's methods too: item::hashCode is a Supplier.
      boolean named =
          type != null
              ? !Hierarchy.methods(type, found.name(), n).isEmpty()
                  || JdkTypes.methods(Object.class, found.name(), n) > 0
              : JdkTypes.methods(jdk.get(), found.name(), n) > 0;
      if (named) {
        arities |= 1 << n;
      }
    }
    return Overloads.methodReference(arities, found.receiver() == Reference.Receiver.NAME);
  }

  /** The types written in {@code m}'s code at {@code r}. */
  private Overloads.Scope scopeOf(M m, Reference r) {
    T local = linker.scopeAt(m, r.line());
    return scopeOf(local != null ? local : m.owner, m);
  }

  private Overloads.Scope scopeOf(T ctx, M member) {
    return new Overloads.Scope() {
      @Override
      public Set<String> supertypes(String written) {
        return supertypeNames(written, ctx, member);
      }

      @Override
      public String simple(String written) {
        return linker.simple(written);
      }

      @Override
      public int functionalParameters(String written) {
        return Arguments.this.functionalParameters(written, () -> Linker.jdkType(ctx, written));
      }
    };
  }

  /**
   * How many parameters the method a method reference names must take where it is passed ({@link
   * Reference#arguments}, {@code Orders#sort/1~0}): those of the functional interface of that
   * parameter, the same in every overload of the call; -1 when not known.
   */
  int referencedArity(M m, Reference r) {
    String passedTo = r.arguments();
    int tilde = passedTo.lastIndexOf('~');
    int hash = tilde < 0 ? -1 : passedTo.lastIndexOf('#', tilde);
    int slash = hash < 0 ? -1 : passedTo.indexOf('/', hash);
    if (slash < 0 || slash > tilde) {
      return -1;
    }
    String name = passedTo.substring(hash + 1, slash);
    int arity;
    int at;
    try {
      arity = Integer.parseInt(passedTo, slash + 1, tilde, 10);
      at = Integer.parseInt(passedTo, tilde + 1, passedTo.length(), 10);
    } catch (NumberFormatException e) {
      return -1;
    }
    String receiver = passedTo.substring(0, hash);
    T type;
    Class<?> jdk;
    if (receiver.indexOf('#') > 0) {
      Chains.Reached reached = linker.chains.reached(m, receiver);
      type = reached.type();
      jdk = reached.jdk();
    } else {
      type = linker.resolveType(receiver, m.owner, m, true);
      jdk = type == null ? Linker.jdkType(m.owner, receiver).orElse(null) : null;
    }
    if (jdk != null) { // its parameters' types are the JDK's own: no scope to read them in
      return JdkTypes.functionalParameters(jdk, name, arity, at).orElse(-1);
    }
    if (type == null) {
      return -1;
    }
    int found = -1;
    for (M call : Hierarchy.methods(type, name, arity)) {
      List<String> params = call.fact.parameterTypes();
      if (at >= params.size() || call.fact.varargs() && at >= params.size() - 1) {
        return -1;
      }
      int n = referencedArity(params.get(at), call);
      if (n == Overloads.Scope.NOT_FUNCTIONAL) {
        continue; // an overload that takes no lambda there, as toByteArray(InputStream, int)
      }
      if (n < 0 || found >= 0 && n != found) {
        return -1;
      }
      found = n;
    }
    return found;
  }

  /**
   * What a method reference passed as the parameter type {@code written} of {@code call} takes: as
   * {@link #functionalParameters}, or the parameters of an interface of the index that has {@link
   * TypeFact#lambdaParameters} ({@link Relink} links its callers again when they change).
   */
  private int referencedArity(String written, M call) {
    int n = functionalParameters(written, () -> Linker.jdkType(call.owner, written));
    if (n != Overloads.Scope.NOT_KNOWN) {
      return n;
    }
    T own = linker.resolveType(written, call.owner, call, true);
    List<String> parameters = own == null ? List.of() : own.fact.lambdaParameters();
    return parameters.isEmpty() ? n : parameters.size();
  }

  /**
   * What a lambda passed as the parameter type {@code written} takes: known only of the JDK's
   * interfaces, and only when no type of the index has that simple name. That holds in any scope,
   * so the answer changes only when such a name comes into the index or leaves it (see {@link
   * Relink}), not whenever a scope's imports or types do.
   */
  private int functionalParameters(String written, Supplier<Optional<Class<?>>> jdk) {
    if (linker.declaresTypeNamed(linker.simple(TypeNames.rawType(written)))) {
      return Overloads.Scope.NOT_KNOWN;
    }
    return jdk.get()
        .map(c -> JdkTypes.functionalParameters(c).orElse(Overloads.Scope.NOT_FUNCTIONAL))
        .orElse(Overloads.Scope.NOT_KNOWN);
  }

  /**
   * The simple names of the types a value of type {@code written} (in the scope of {@code ctx}) can
   * be passed as, its own and {@code Object} included; null when not all are known: a type neither
   * of the index nor of the JDK, or one inheriting from such a type.
   */
  private Set<String> supertypeNames(String written, T ctx, M member) {
    if (!member.localTypes.isEmpty()) {
      return lookUpSupertypeNames(written, ctx, member); // its own types may hide others
    }
    // Calls pass the same few types again and again, and a name-only fallback asks once per
    // candidate: looked up once per scope.
    if (ctx.argumentSupertypes == null) {
      ctx.argumentSupertypes = new HashMap<>();
    }
    Set<String> names = ctx.argumentSupertypes.get(written);
    if (names == null) {
      names = lookUpSupertypeNames(written, ctx, member);
      ctx.argumentSupertypes.put(written, names == null ? NOT_KNOWN : names);
    }
    return names == NOT_KNOWN ? null : names;
  }

  /**
   * Marks a type whose supertypes are not all known, in {@link T#argumentSupertypes} and {@link
   * T#supertypeNames}.
   */
  private static final Set<String> NOT_KNOWN = Set.of();

  private Set<String> lookUpSupertypeNames(String written, T ctx, M member) {
    return supertypeNames(linker.resolveType(written, ctx, member, true), written, ctx.file);
  }

  /**
   * The supertype names of the index type {@code t}, remembered on it; without one, of the JDK type
   * {@code written} names in {@code file}. Null when not all are known.
   */
  private static Set<String> supertypeNames(T t, String written, FileFacts file) {
    if (t == null) {
      return JdkTypes.find(written, file).map(jdk -> jdkSupertypeNames(written, jdk)).orElse(null);
    }
    if (t.supertypeNames == null) {
      Set<String> names = supertypeNames(t);
      t.supertypeNames = names == null ? NOT_KNOWN : names;
    }
    return t.supertypeNames == NOT_KNOWN ? null : t.supertypeNames;
  }

  /** A JDK type's own simple name, {@code Object} and its supertypes'. */
  private static Set<String> jdkSupertypeNames(String written, List<String> supertypes) {
    Set<String> names = new HashSet<>(supertypes);
    names.add(TypeNames.simpleType(TypeNames.rawType(written)));
    names.add("Object");
    return names;
  }

  private static Set<String> supertypeNames(T t) {
    Set<String> names = new HashSet<>();
    names.add("Object");
    for (T s : Hierarchy.closure(t)) {
      if (s.opaqueSuper) {
        return null;
      }
      names.add(s.simpleName);
      names.addAll(s.externalSupers);
    }
    return names;
  }

  /**
   * The candidates of a name-only call, or of a call on the library type {@code library} (null for
   * a name-only call), that its arguments fit. Each argument's type is first written as any scope
   * reads it (an index type's qualified name, a JDK type's canonical name), so that the answer
   * holds wherever the same call is made: thousands of files call the same few names with the same
   * few types.
   */
  List<M> fitting(String library, List<M> candidates, M m, Reference r) {
    T local = linker.scopeAt(m, r.line());
    T ctx = local != null ? local : m.owner;
    List<String> canonical;
    if (m.localTypes.isEmpty()) {
      if (ctx.canonicalArguments == null) {
        ctx.canonicalArguments = new HashMap<>();
      }
      canonical = ctx.canonicalArguments.computeIfAbsent(r.arguments(), k -> canonical(m, r, ctx));
    } else {
      canonical = canonical(m, r, ctx); // its own types may hide others
    }
    return fittingCalls.computeIfAbsent(
        new FittingCall(library, r.name(), r.arity(), canonical),
        k ->
            candidates.stream()
                .filter(c -> Overloads.accepts(c, canonical, canonicalScope, scopeOf(c.owner, c)))
                .toList());
  }

  /** The types of {@code r}'s arguments, each as {@link #canonical} writes it. */
  private List<String> canonical(M m, Reference r, T ctx) {
    List<String> canonical = new ArrayList<>();
    for (String arg : argumentTypes(m, r)) {
      canonical.add(canonical(arg, ctx, m));
    }
    return List.copyOf(canonical);
  }

  /**
   * A name-only call or one on a library type, with its arguments' types as any scope reads them.
   */
  private record FittingCall(String library, String name, int arity, List<String> arguments) {}

  private final Map<FittingCall, List<M>> fittingCalls = new HashMap<>();

  /**
   * {@code written}, a type in {@code ctx}'s code, as any scope reads it; for a type neither of the
   * index nor of the JDK, its name after {@link #UNRESOLVED}: no scope knows its supertypes, but it
   * is a reference type, which no primitive parameter takes.
   */
  private String canonical(String written, T ctx, M member) {
    if (written.isEmpty()
        || written.equals(Reference.NULL_ARGUMENT)
        || Reference.lambdaParameters(written) >= 0) {
      return written;
    }
    String simple = linker.simple(written);
    int brackets = simple.indexOf('[');
    String dimensions = brackets < 0 ? "" : simple.substring(brackets);
    String element = TypeNames.rawType(written);
    if (Overloads.isPrimitive(element)) {
      return element + dimensions;
    }
    T t = linker.resolveType(element, ctx, member, true);
    if (t != null) {
      return t.qualified + dimensions;
    }
    return Linker.jdkType(ctx, element).map(Class::getCanonicalName).orElse(UNRESOLVED + element)
        + dimensions;
  }

  /** Marks a {@link #canonical} name no scope resolves. */
  private static final String UNRESOLVED = "?";

  /** Types written as {@link #canonical} writes them. */
  private final Overloads.Scope canonicalScope =
      new Overloads.Scope() {
        @Override
        public Set<String> supertypes(String written) {
          if (written.startsWith(UNRESOLVED)) {
            return null;
          }
          return supertypeNames(linker.type(TypeNames.rawType(written)), written, null);
        }

        @Override
        public String simple(String written) {
          return linker.simple(written);
        }

        @Override
        public int functionalParameters(String written) {
          return written.startsWith(UNRESOLVED)
              ? NOT_KNOWN
              : Arguments.this.functionalParameters(written, () -> JdkTypes.type(written, null));
        }
      };
}
