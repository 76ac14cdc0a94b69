package dev.scrutineer.analysis.reach.index;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One place where code refers to another declaration, with what the file alone says about the
 * target. The linker resolves it against the index.
 *
 * <p>Names of types are erased and spelt as written: {@code OrderService}, {@code Map.Entry},
 * {@code java.util.List}. A {@link ReferenceKind#NEW} is named by the type's simple name and its
 * {@code receiverType} is the type as written; {@code this(..)} and {@code super(..)} are named by
 * the type they construct ({@code Object} for {@code super(..)} without an extends clause). {@code
 * T::new} is a {@link ReferenceKind#METHOD_REFERENCE} named {@code new}. A {@link
 * ReferenceKind#TYPE} or {@link ReferenceKind#CLASS_LITERAL} has its type as {@code name} and no
 * receiver. Type variables are never referenced.
 *
 * @param kind what sort of use it is
 * @param name the member or type name used: {@code find}, {@code OrderService}, {@code MAX}
 * @param arity the number of arguments of a call or {@code new}; -1 when unknown (method refs)
 * @param receiver how the target is qualified
 * @param receiverType the receiver's declared type when the file says it (a field, parameter or
 *     local variable of a known type, {@code this}, a type name, or a {@code new T()}), erased as
 *     written; empty when only a full resolution could tell
 * @param stringArguments the call's string-literal arguments, in order (request paths in {@code
 *     get("/owners/{id}")}, topics, config keys); empty for other kinds
 * @param arguments the types of a call's or {@code new}'s arguments where the file says them,
 *     separated by {@link #ARGUMENT_SEPARATOR}; {@code ""} when it says none (see {@link
 *     #argumentTypes()}). One string rather than a list: a file spells the same few again and
 *     again, and its cached facts hold each string once. For a method reference passed to a call on
 *     a chain, that call's parameter it is passed as ({@code LangCollectors#joining/4~3}, argument
 *     3 of {@code joining}), which says how many parameters it takes
 * @param line where the use is
 */
public record Reference(
    ReferenceKind kind,
    String name,
    int arity,
    Receiver receiver,
    Optional<String> receiverType,
    List<String> stringArguments,
    String arguments,
    int line) {
  public Reference {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(receiverType, "receiverType");
    stringArguments = List.copyOf(stringArguments);
    Objects.requireNonNull(arguments, "arguments");
    if (!arguments.isEmpty()
        && kind != ReferenceKind.METHOD_REFERENCE
        && separators(arguments) + 1 != arity) {
      throw new IllegalArgumentException("argument types '" + arguments + "' for arity " + arity);
    }
  }

  /** Between the types of {@link #arguments}: type arguments have commas of their own. */
  public static final char ARGUMENT_SEPARATOR = ';';

  private static int separators(String s) {
    int n = 0;
    for (int i = s.indexOf(ARGUMENT_SEPARATOR); i >= 0; i = s.indexOf(ARGUMENT_SEPARATOR, i + 1)) {
      n++;
    }
    return n;
  }

  /**
   * The type of each argument where the file says it, erased as written ({@code int}, {@code
   * String}, {@code char[]}, {@code Order}): a literal, a local, parameter or field of the file,
   * {@code this}, a {@code new}, a cast, a string concatenation, a lambda's {@link #lambda shape};
   * else a field read or call as a {@link Receiver#CHAIN} spells it ({@code Money#cents}), for the
   * linker to follow; {@code ""} where neither is known. Empty when none is known.
   */
  public List<String> argumentTypes() {
    return arguments.isEmpty()
        ? List.of()
        : List.of(arguments.split(String.valueOf(ARGUMENT_SEPARATOR), -1));
  }

  /** The argument type of the literal {@code null}: it fits any parameter but a primitive. */
  public static final String NULL_ARGUMENT = "null";

  /**
   * The argument type of a lambda with {@code parameters} parameters ({@code ->2}), or of an array
   * constructor reference ({@code char[]::new}, one): only a functional interface whose method
   * takes as many can receive it.
   */
  public static String lambda(int parameters) {
    return LAMBDA + parameters;
  }

  /**
   * The argument type of a method reference ({@code input::read}, {@code Owner::new}): only a
   * functional interface can receive it, taking as many parameters as some method so named does.
   */
  public static final String METHOD_REFERENCE = "::";

  /** What {@link #lambdaParameters} gives for a {@link #METHOD_REFERENCE}. */
  public static final int ANY_PARAMETERS = Integer.MAX_VALUE;

  /**
   * The parameters of the lambda {@code argument} stands for; {@link #ANY_PARAMETERS} for a method
   * reference; -1 when it is neither.
   */
  public static int lambdaParameters(String argument) {
    if (argument.equals(METHOD_REFERENCE)) {
      return ANY_PARAMETERS;
    }
    return argument.startsWith(LAMBDA)
        ? Integer.parseInt(argument, LAMBDA.length(), argument.length(), 10)
        : -1;
  }

  private static final String LAMBDA = "->";

  /** A reference whose arguments' types the file does not say. */
  public Reference(
      ReferenceKind kind,
      String name,
      int arity,
      Receiver receiver,
      Optional<String> receiverType,
      List<String> stringArguments,
      int line) {
    this(kind, name, arity, receiver, receiverType, stringArguments, "", line);
  }

  /** What sort of use a reference is. */
  public enum ReferenceKind {
    /** {@code a.m(x)} or {@code m(x)}. */
    CALL,
    /** {@code new T(x)}, {@code this(x)}, {@code super(x)}: a constructor. */
    NEW,
    /** {@code T::m}, {@code a::m}, {@code T::new}. */
    METHOD_REFERENCE,
    /**
     * A field, constant or enum constant read or written: {@code a.f}, {@code T.MAX}, {@code f}.
     */
    FIELD,
    /** A type used by name: declarations, casts, {@code instanceof}, generics, static access. */
    TYPE,
    /** {@code T.class}, as in {@code @WebMvcTest(T.class)} or {@code SpringApplication.run}. */
    CLASS_LITERAL
  }

  /** How the target of a reference is qualified. */
  public enum Receiver {
    /**
     * Unqualified: {@code m()}, {@code f}: this type, its supertypes, outer types, static imports.
     */
    NONE,
    /** {@code this.m()}. */
    THIS,
    /** {@code super.m()}. */
    SUPER,
    /** A simple name that is a variable or a type: {@code orders.find()}, {@code Math.max()}. */
    NAME,
    /**
     * Any other expression: {@code items[0].m()}, {@code (ready ? a : b).m()}, a chain of unknown
     * start or of more than a few steps; {@code receiverType} is set for {@code new T().m()} and
     * {@code ((T) x).m()}.
     */
    EXPRESSION,
    /**
     * Field reads and calls from a type the file names, or from a variable of a declared type:
     * {@code Strings.CS.contains(..)}, {@code order.customer().name()}, {@code
     * Orders.builder().limit(5).build()}, or an unqualified {@code find(id).total()}. {@code
     * receiverType} is the start (a type as written) and each step after a {@code #}: a field's
     * name, or a method's name, {@code /} and its arity ({@code Strings#CS}, {@code
     * Orders#builder/0#limit/1}); the linker follows the declared types.
     */
    CHAIN
  }
}
