package dev.scrutineer.analysis.reach.index;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import dev.scrutineer.analysis.reach.TypeScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The types of a call's arguments where the file alone says them, erased as written: what tells
 * {@code append(buffer, name, true)} from {@code append(buffer, name, 1L)} before linking. A field
 * read or call the file cannot type is written as its receiver chain ({@code Money#cents}), which
 * the linker follows; a lambda as its {@link Reference#lambda shape}; {@code ""} where none of
 * these is known (a method reference, a call on an unknown receiver).
 */
final class ArgumentTypes {
  /** What the names in an expression are declared as. */
  interface Names {
    /**
     * The declared type of the local, parameter or field of this file so named: {@code ""} when it
     * is declared without one ({@code var}, a lambda's parameter), null when there is none.
     */
    String variable(String name);

    /** The type {@code this} is. */
    String self();

    /**
     * The receiver chain that leads to the value of {@code expression} ({@code Money#cents}, {@code
     * Orders#builder/0#limit/1}), whose end the linker can type; null when there is none.
     */
    String receiverChain(ExpressionTree expression);
  }

  private static final Set<String> NUMERIC =
      Set.of("byte", "short", "char", "int", "long", "float", "double");

  private ArgumentTypes() {}

  /**
   * The type of each argument, separated as {@link Reference#arguments} holds them; {@code ""} when
   * none is known.
   */
  static String of(List<? extends ExpressionTree> arguments, Names names, TypeScope scope) {
    List<String> types = new ArrayList<>(arguments.size());
    boolean known = false;
    for (ExpressionTree argument : arguments) {
      String type = of(argument, names, scope);
      known |= !type.isEmpty();
      types.add(type);
    }
    return known ? String.join(String.valueOf(Reference.ARGUMENT_SEPARATOR), types) : "";
  }

  static String of(ExpressionTree e, Names names, TypeScope scope) {
    String type = declared(e, names, scope);
    if (type.isEmpty() && (e instanceof MethodInvocationTree || e instanceof MemberSelectTree)) {
      String chain = names.receiverChain(e);
      return chain == null ? "" : chain;
    }
    return type;
  }

  /** The type the file says an expression has, without following chains. */
  private static String declared(ExpressionTree e, Names names, TypeScope scope) {
    if (e instanceof ParenthesizedTree parenthesized) {
      return of(parenthesized.getExpression(), names, scope);
    }
    if (e instanceof LiteralTree literal) {
      return literal(literal.getKind());
    }
    if (e instanceof IdentifierTree identifier) {
      String name = identifier.getName().toString();
      if (name.equals("this")) {
        return names.self();
      }
      String declared = names.variable(name);
      return declared == null ? "" : declared;
    }
    if (e instanceof MemberSelectTree select) {
      if (select.getIdentifier().contentEquals("class")) {
        return "Class";
      }
      if (select.getIdentifier().contentEquals("length")
          && declared(select.getExpression(), names, scope).endsWith("[]")) {
        return "int";
      }
      boolean onThis =
          select.getExpression() instanceof IdentifierTree owner
              && owner.getName().contentEquals("this");
      String declared = onThis ? names.variable(select.getIdentifier().toString()) : null;
      return declared == null ? "" : declared;
    }
    if (e instanceof ArrayAccessTree access) {
      return element(declared(access.getExpression(), names, scope));
    }
    if (e instanceof NewClassTree creation) {
      return FactsExtractor.written(creation.getIdentifier(), scope);
    }
    if (e instanceof NewArrayTree array) {
      if (array.getType() == null) {
        return "";
      }
      // new int[3][] is an int[] element in dimension one; new int[][] {..} has no dimensions.
      int dimensions = Math.max(1, array.getDimensions().size());
      return FactsExtractor.written(array.getType(), scope) + "[]".repeat(dimensions);
    }
    if (e instanceof LambdaExpressionTree lambda) {
      return Reference.lambda(lambda.getParameters().size());
    }
    if (e instanceof MemberReferenceTree reference
        && reference.getMode() == MemberReferenceTree.ReferenceMode.NEW
        && reference.getQualifierExpression() instanceof ArrayTypeTree) {
      return Reference.lambda(1); // int[]::new takes the length
    }
    if (e instanceof MemberReferenceTree) {
      return Reference.METHOD_REFERENCE;
    }
    if (e instanceof TypeCastTree cast) {
      return FactsExtractor.written(cast.getType(), scope);
    }
    if (e instanceof InstanceOfTree) {
      return "boolean";
    }
    if (e instanceof ConditionalExpressionTree conditional) {
      String a = of(conditional.getTrueExpression(), names, scope);
      return a.equals(of(conditional.getFalseExpression(), names, scope)) ? a : "";
    }
    if (e instanceof UnaryTree unary) {
      return unary(unary, names, scope);
    }
    if (e instanceof BinaryTree binary) {
      return binary(binary, names, scope);
    }
    return "";
  }

  private static String literal(Tree.Kind kind) {
    return switch (kind) {
      case INT_LITERAL -> "int";
      case LONG_LITERAL -> "long";
      case FLOAT_LITERAL -> "float";
      case DOUBLE_LITERAL -> "double";
      case BOOLEAN_LITERAL -> "boolean";
      case CHAR_LITERAL -> "char";
      case STRING_LITERAL -> "String";
      case NULL_LITERAL -> Reference.NULL_ARGUMENT;
      default -> "";
    };
  }

  /** JLS 15.14 and 15.15. */
  private static String unary(UnaryTree unary, Names names, TypeScope scope) {
    String operand = of(unary.getExpression(), names, scope);
    return switch (unary.getKind()) {
      case LOGICAL_COMPLEMENT -> "boolean";
      case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT ->
          NUMERIC.contains(operand) ? operand : "";
      case UNARY_PLUS, UNARY_MINUS, BITWISE_COMPLEMENT -> promoted(operand, "int");
      default -> "";
    };
  }

  /** JLS 15.17 to 15.24: string concatenation, numeric promotion, comparisons. */
  private static String binary(BinaryTree binary, Names names, TypeScope scope) {
    switch (binary.getKind()) {
      case CONDITIONAL_AND,
          CONDITIONAL_OR,
          LESS_THAN,
          GREATER_THAN,
          LESS_THAN_EQUAL,
          GREATER_THAN_EQUAL,
          EQUAL_TO,
          NOT_EQUAL_TO -> {
        return "boolean";
      }
      default -> {}
    }
    String left = of(binary.getLeftOperand(), names, scope);
    String right = of(binary.getRightOperand(), names, scope);
    return switch (binary.getKind()) {
      case PLUS ->
          left.equals("String") || right.equals("String") ? "String" : promoted(left, right);
      case MINUS, MULTIPLY, DIVIDE, REMAINDER -> promoted(left, right);
      case LEFT_SHIFT, RIGHT_SHIFT, UNSIGNED_RIGHT_SHIFT -> promoted(left, "int");
      case AND, OR, XOR ->
          left.equals("boolean") && right.equals("boolean") ? "boolean" : promoted(left, right);
      default -> "";
    };
  }

  /** Binary numeric promotion of two primitive types; {@code ""} unless both are numeric. */
  private static String promoted(String a, String b) {
    if (!NUMERIC.contains(a) || !NUMERIC.contains(b)) {
      return "";
    }
    for (String wider : List.of("double", "float", "long")) {
      if (a.equals(wider) || b.equals(wider)) {
        return wider;
      }
    }
    return "int";
  }

  /**
   * The element type of an array type as declared ({@code Map<K,V>[]}, or {@code String...} for
   * variable arity); {@code ""} for any other type.
   */
  static String element(String array) {
    if (array.endsWith("[]")) {
      return array.substring(0, array.length() - 2);
    }
    return array.endsWith("...") ? array.substring(0, array.length() - 3) : "";
  }
}
