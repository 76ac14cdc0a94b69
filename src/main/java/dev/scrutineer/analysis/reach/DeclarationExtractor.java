package dev.scrutineer.analysis.reach;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreeScanner;
import dev.scrutineer.model.DeclarationKind;
import dev.scrutineer.model.Symbol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeKind;
import javax.tools.Diagnostic;

/**
 * Lists the declarations of one parsed file: types at any depth, including local ones, and their
 * fields, methods, constructors, initializers, enum constants, record components and annotation
 * members. Lambdas and anonymous classes are part of the declaration whose code holds them.
 *
 * <p>Texts are cut from the source by the parser's positions and normalised by {@link JavaTokens},
 * so comments and layout never count as a change.
 *
 * <p>This is the one place where declarations are named: the code index looks its declarations up
 * here by tree node ({@link #byTree}), so a symbol in the index is always the symbol a changed
 * declaration gets.
 */
public final class DeclarationExtractor {
  /**
   * Changes whenever what is extracted from the same source changes (naming, normalisation, which
   * declarations are listed), so that cached declarations of an older extractor are never compared
   * with new ones.
   */
  public static final int VERSION = 1;

  private final CompilationUnitTree unit;
  private final String text;
  private final SourcePositions positions;
  private final LineMap lines;
  private final String packageName;
  private final Map<String, Integer> seen = new HashMap<>();
  private final List<Declaration> declarations = new ArrayList<>();
  private final Map<Tree, Declaration> byTree = new IdentityHashMap<>();

  /** Whether to normalise signatures and bodies; naming alone does not need them. */
  private final boolean texts;

  private final NameTexts names;

  private DeclarationExtractor(
      CompilationUnitTree unit,
      String text,
      SourcePositions positions,
      boolean texts,
      NameTexts names) {
    this.unit = unit;
    this.texts = texts;
    this.text = text;
    this.positions = positions;
    this.names = names;
    this.lines = unit.getLineMap();
    this.packageName =
        unit.getPackageName() == null ? "" : DottedName.of(unit.getPackageName(), names);
  }

  static List<Declaration> extract(
      CompilationUnitTree unit, String text, SourcePositions positions) {
    return new DeclarationExtractor(unit, text, positions, true, new NameTexts())
        .run()
        .declarations;
  }

  /**
   * Every declaration of a parsed file by the tree node that declares it: a {@link ClassTree} for a
   * type, a {@link MethodTree}, a {@link VariableTree} (field, enum constant, record component) or
   * a {@link BlockTree} (initializer). Anonymous classes and their members are not declarations.
   * Signatures and bodies are left empty.
   */
  public static Map<Tree, Declaration> byTree(
      CompilationUnitTree unit, String text, SourcePositions positions, NameTexts names) {
    return new DeclarationExtractor(unit, text, positions, false, names).run().byTree;
  }

  private DeclarationExtractor run() {
    for (Tree declaration : unit.getTypeDecls()) {
      if (declaration instanceof ClassTree type) {
        type(type, "", "", TypeScope.EMPTY, names.of(type.getSimpleName()));
      }
    }
    return this;
  }

  /**
   * A type and its members.
   *
   * @param owner the name of what it is declared in; empty for a top-level type
   * @param separator between owner and simple name: {@code .} for a member type, {@code $} for a
   *     local one
   */
  private void type(
      ClassTree type, String owner, String separator, TypeScope scope, String topLevel) {
    String simpleName = names.of(type.getSimpleName());
    String name = unique(owner + separator + simpleName);
    int start = start(type);
    int end = end(type);
    int nameAt = nameAt(simpleName, after(start, type.getModifiers()), end);
    int headerEnd = nameAt + simpleName.length();
    for (Tree part : headerParts(type)) {
      headerEnd = Math.max(headerEnd, end(part));
    }
    int brace = JavaTokens.find(text, headerEnd, end, "{");
    String header = normalise(start, brace < 0 ? end : brace);
    DeclarationKind kind = kind(type);
    add(type, name, owner, simpleName, topLevel, kind, nameAt, end, header, "");

    TypeScope inner = scope.with(type.getTypeParameters());
    for (Tree member : type.getMembers()) {
      if (member instanceof ClassTree nested) {
        type(nested, name, ".", inner, topLevel);
      } else if (member instanceof MethodTree method) {
        method(method, type, name, inner, topLevel);
      } else if (member instanceof VariableTree variable) {
        variable(variable, type, name, inner, topLevel);
      } else if (member instanceof BlockTree block) {
        initializer(block, name, inner, topLevel);
      }
    }
  }

  /** What a type's header ends with: type parameters, supertypes, permits, record components. */
  private static List<Tree> headerParts(ClassTree type) {
    List<Tree> parts = new ArrayList<>(type.getTypeParameters());
    if (type.getExtendsClause() != null) {
      parts.add(type.getExtendsClause());
    }
    parts.addAll(type.getImplementsClause());
    parts.addAll(type.getPermitsClause());
    if (type.getKind() == Tree.Kind.RECORD) {
      for (Tree member : type.getMembers()) {
        if (isRecordComponent(type, member)) {
          parts.add(member);
        }
      }
    }
    return parts;
  }

  private void method(
      MethodTree method, ClassTree ownerType, String owner, TypeScope scope, String topLevel) {
    boolean constructor = method.getName().contentEquals("<init>");
    String simpleName =
        constructor ? names.of(ownerType.getSimpleName()) : names.of(method.getName());
    TypeScope methodScope = scope.with(method.getTypeParameters());
    StringBuilder signature = new StringBuilder(owner).append('#').append(simpleName).append('(');
    List<? extends VariableTree> parameters = method.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      signature.append(i == 0 ? "" : ",").append(methodScope.erase(parameters.get(i).getType()));
    }
    String name = unique(signature.append(')').toString());
    DeclarationKind kind =
        constructor
            ? DeclarationKind.CONSTRUCTOR
            : ownerType.getKind() == Tree.Kind.ANNOTATION_TYPE
                ? DeclarationKind.ANNOTATION_MEMBER
                : DeclarationKind.METHOD;
    int start = start(method);
    int end = end(method);
    int nameFrom = after(start, method.getModifiers());
    for (Tree typeParameter : method.getTypeParameters()) {
      nameFrom = Math.max(nameFrom, end(typeParameter));
    }
    if (method.getReturnType() != null) {
      nameFrom = Math.max(nameFrom, end(method.getReturnType()));
    }
    int nameAt = nameAt(simpleName, nameFrom, end);
    // The body of an annotation member is its default value; the signature keeps the word
    // "default", so adding or dropping a default is a signature change.
    Tree body = method.getBody() != null ? method.getBody() : method.getDefaultValue();
    int split = body == null ? end : Math.max(start, start(body));
    add(
        method,
        name,
        owner,
        simpleName,
        topLevel,
        kind,
        nameAt,
        end,
        normalise(start, split),
        body == null ? "" : normalise(split, end));
    if (method.getBody() != null) {
      localTypes(method.getBody(), name, methodScope, topLevel);
    }
  }

  private void variable(
      VariableTree variable, ClassTree ownerType, String owner, TypeScope scope, String topLevel) {
    String simpleName = names.of(variable.getName());
    String name = unique(owner + "#" + simpleName);
    int start = start(variable);
    int end = end(variable);
    ModifiersTree modifiers = variable.getModifiers();
    String modifierText = start(modifiers) < 0 ? "" : normalise(start(modifiers), end(modifiers));
    if (isEnumConstant(ownerType, variable)) {
      int nameAt = nameAt(simpleName, after(start, modifiers), end);
      // The signature is the annotations; the arguments and the class body are what runs.
      add(
          variable,
          name,
          owner,
          simpleName,
          topLevel,
          DeclarationKind.ENUM_CONSTANT,
          nameAt,
          end,
          modifierText,
          normalise(nameAt + simpleName.length(), end));
      localTypes(variable.getInitializer(), name, scope, topLevel);
      return;
    }
    int typeEnd = end(variable.getType());
    int nameAt = nameAt(simpleName, typeEnd < 0 ? start : typeEnd, end);
    if (isRecordComponent(ownerType, variable)) {
      add(
          variable,
          name,
          owner,
          simpleName,
          topLevel,
          DeclarationKind.RECORD_COMPONENT,
          nameAt,
          end,
          normalise(start, end),
          "");
      return;
    }
    // Built from parts: in "int a = 1, b = 2;" both fields share the modifiers and the type.
    ExpressionTree initializer = variable.getInitializer();
    String type =
        start(variable.getType()) < 0
            ? String.valueOf(variable.getType())
            : normalise(start(variable.getType()), typeEnd);
    String value = initializer == null ? "" : normalise(start(initializer), end(initializer));
    StringBuilder signature = new StringBuilder();
    signature.append(modifierText).append(" | ").append(type).append(' ').append(simpleName);
    if (initializer != null) {
      signature.append(" =");
      // Compilers copy a constant's value into the code that reads it, so a new value reaches
      // callers only when they are recompiled: that is a change of what callers see.
      if (isConstant(ownerType, variable)) {
        signature.append(' ').append(value);
      }
    }
    add(
        variable,
        name,
        owner,
        simpleName,
        topLevel,
        DeclarationKind.FIELD,
        nameAt,
        end,
        signature.toString(),
        value);
    if (initializer != null) {
      localTypes(initializer, name, scope, topLevel);
    }
  }

  private void initializer(BlockTree block, String owner, TypeScope scope, String topLevel) {
    String simpleName = block.isStatic() ? "static{}" : "{}";
    String name = unique(owner + "#" + simpleName);
    int start = start(block);
    int end = end(block);
    add(
        block,
        name,
        owner,
        simpleName,
        topLevel,
        block.isStatic()
            ? DeclarationKind.STATIC_INITIALIZER
            : DeclarationKind.INSTANCE_INITIALIZER,
        start,
        end,
        "",
        normalise(start, end));
    localTypes(block, name, scope, topLevel);
  }

  /**
   * Named classes declared inside code become declarations of their own, named after the member
   * that holds them. Anonymous classes and lambdas stay part of that member, but named classes
   * inside them are still found.
   */
  private void localTypes(Tree code, String enclosing, TypeScope scope, String topLevel) {
    if (code == null) {
      return;
    }
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitClass(ClassTree type, Void unused) {
        if (type.getSimpleName().length() == 0) {
          return super.visitClass(type, unused);
        }
        type(type, enclosing, "$", scope, topLevel);
        return null;
      }
    }.scan(code, null);
  }

  private static boolean isEnumConstant(ClassTree owner, VariableTree variable) {
    return owner.getKind() == Tree.Kind.ENUM
        && variable.getInitializer() instanceof NewClassTree creation
        && creation.getIdentifier() instanceof IdentifierTree type
        && type.getName().contentEquals(owner.getSimpleName())
        && variable.getModifiers().getFlags().contains(Modifier.STATIC);
  }

  /** The parser turns record components into fields; records cannot declare instance fields. */
  private static boolean isRecordComponent(ClassTree owner, Tree member) {
    return owner.getKind() == Tree.Kind.RECORD
        && member instanceof VariableTree variable
        && !variable.getModifiers().getFlags().contains(Modifier.STATIC);
  }

  /**
   * Whether the field is a constant variable as far as syntax can tell: final (explicitly or in an
   * interface), of a primitive type or String, initialised from literals, operators and names.
   * Names may refer to non-constants; counting them errs on the side of more scrutiny.
   */
  private static boolean isConstant(ClassTree owner, VariableTree field) {
    boolean inInterface =
        owner.getKind() == Tree.Kind.INTERFACE || owner.getKind() == Tree.Kind.ANNOTATION_TYPE;
    boolean isFinal = inInterface || field.getModifiers().getFlags().contains(Modifier.FINAL);
    return isFinal
        && isConstantType(field.getType())
        && field.getInitializer() != null
        && isConstantExpression(field.getInitializer());
  }

  private static boolean isConstantType(Tree type) {
    if (type instanceof PrimitiveTypeTree primitive) {
      return primitive.getPrimitiveTypeKind() != TypeKind.VOID;
    }
    if (type instanceof IdentifierTree identifier) {
      return identifier.getName().contentEquals("String");
    }
    return type instanceof MemberSelectTree select
        && select.getIdentifier().contentEquals("String");
  }

  private static boolean isConstantExpression(ExpressionTree expression) {
    if (expression instanceof LiteralTree literal) {
      return literal.getKind() != Tree.Kind.NULL_LITERAL;
    }
    if (expression instanceof IdentifierTree || expression instanceof MemberSelectTree) {
      return true;
    }
    if (expression instanceof ParenthesizedTree parenthesized) {
      return isConstantExpression(parenthesized.getExpression());
    }
    if (expression instanceof TypeCastTree cast) {
      return isConstantType(cast.getType()) && isConstantExpression(cast.getExpression());
    }
    if (expression instanceof UnaryTree unary) {
      return switch (unary.getKind()) {
        case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT -> false;
        default -> isConstantExpression(unary.getExpression());
      };
    }
    if (expression instanceof BinaryTree binary) {
      return isConstantExpression(binary.getLeftOperand())
          && isConstantExpression(binary.getRightOperand());
    }
    if (expression instanceof ConditionalExpressionTree conditional) {
      return isConstantExpression(conditional.getCondition())
          && isConstantExpression(conditional.getTrueExpression())
          && isConstantExpression(conditional.getFalseExpression());
    }
    return false;
  }

  private static DeclarationKind kind(ClassTree type) {
    return switch (type.getKind()) {
      case INTERFACE -> DeclarationKind.INTERFACE;
      case ENUM -> DeclarationKind.ENUM;
      case RECORD -> DeclarationKind.RECORD;
      case ANNOTATION_TYPE -> DeclarationKind.ANNOTATION_TYPE;
      default -> DeclarationKind.CLASS;
    };
  }

  /** Later declarations of a name the file already declared get [2], [3], ... */
  private String unique(String name) {
    int count = seen.merge(name, 1, Integer::sum);
    return count == 1 ? name : name + "[" + count + "]";
  }

  private void add(
      Tree tree,
      String name,
      String owner,
      String simpleName,
      String topLevel,
      DeclarationKind kind,
      int nameAt,
      int end,
      String signature,
      String body) {
    int line = line(nameAt);
    Declaration declaration =
        new Declaration(
            new Symbol(packageName, name),
            owner,
            simpleName,
            topLevel,
            kind,
            line,
            Math.max(line, line(end - 1)),
            signature,
            body);
    declarations.add(declaration);
    byTree.put(tree, declaration);
  }

  private String normalise(int from, int to) {
    return texts ? JavaTokens.normalise(text, from, to) : "";
  }

  /** Where {@code name} is spelt in {@code [from, to)}; {@code from} when it is not found. */
  private int nameAt(String name, int from, int to) {
    int at = JavaTokens.find(text, from, to, name);
    return at < 0 ? from : at;
  }

  /** The end of the modifiers when there are any, else {@code start}. */
  private int after(int start, ModifiersTree modifiers) {
    return Math.max(start, end(modifiers));
  }

  private int line(int position) {
    return position < 0 ? 1 : (int) lines.getLineNumber(Math.min(position, text.length()));
  }

  private int start(Tree tree) {
    return tree == null ? (int) Diagnostic.NOPOS : (int) positions.getStartPosition(unit, tree);
  }

  private int end(Tree tree) {
    return tree == null ? (int) Diagnostic.NOPOS : (int) positions.getEndPosition(unit, tree);
  }
}
