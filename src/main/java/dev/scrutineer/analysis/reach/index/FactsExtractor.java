package dev.scrutineer.analysis.reach.index;

import com.sun.source.tree.AnnotatedTypeTree;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BindingPatternTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.IntersectionTypeTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.TypeParameterTree;
import com.sun.source.tree.UnionTypeTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WildcardTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreeScanner;
import dev.scrutineer.analysis.reach.ChangedDeclarations;
import dev.scrutineer.analysis.reach.Declaration;
import dev.scrutineer.analysis.reach.DeclarationExtractor;
import dev.scrutineer.analysis.reach.DottedName;
import dev.scrutineer.analysis.reach.Javac;
import dev.scrutineer.analysis.reach.LargeStack;
import dev.scrutineer.analysis.reach.NameTexts;
import dev.scrutineer.analysis.reach.SourceParser;
import dev.scrutineer.analysis.reach.TypeScope;
import dev.scrutineer.analysis.reach.index.Reference.Receiver;
import dev.scrutineer.analysis.reach.index.Reference.ReferenceKind;
import dev.scrutineer.model.DeclarationKind;
import dev.scrutineer.model.Symbol;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.Name;
import javax.tools.Diagnostic;

/**
 * Reads the {@link FileFacts} of Java files from the JDK parser's trees: parse only, nothing is
 * resolved against other files. Declarations are named by {@link DeclarationExtractor}, the same
 * code that names changed declarations, so their symbols are identical.
 *
 * <p>Receiver types come from what the file states: a scope stack of locals and parameters (blocks,
 * lambdas, loops, catch clauses, pattern bindings), then the fields of the enclosing types from the
 * innermost out. A name declared with {@code var} has a type only when initialised by {@code new
 * T(..)}.
 */
public final class FactsExtractor {
  /**
   * Bump whenever the facts extracted from the same text could change (new fields, new rules, bug
   * fixes): cached facts of another version are never used.
   */
  public static final int VERSION = 25;

  /** Steps of a receiver chain kept; a longer chain is an unknown receiver. */
  static final int MAX_CHAIN = 8;

  private FactsExtractor() {}

  /** One file to read: its path in the repository and its text. */
  public record Input(String path, String text) {
    public Input {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * The facts of {@code inputs}, in order, parsed in batches by {@code javac}. A file that does not
   * parse, nests too deeply or trips the extractor becomes {@link FileFacts#unreadable}. Run it on
   * a thread with a large stack ({@link ChangedDeclarations#STACK_BYTES}).
   */
  public static List<FileFacts> extract(Javac javac, List<Input> inputs) {
    List<SourceParser.Source> sources = new ArrayList<>(inputs.size());
    for (Input input : inputs) {
      sources.add(new SourceParser.Source(fileName(input.path()), input.text()));
    }
    NameTexts names = new NameTexts(); // a batch is parsed by one task, as a rule
    List<Javac.Outcome<FileFacts>> outcomes =
        javac.read(sources, (unit, text, positions) -> readSafely(unit, text, positions, names));
    List<FileFacts> facts = new ArrayList<>(inputs.size());
    for (int i = 0; i < inputs.size(); i++) {
      String path = inputs.get(i).path();
      Javac.Outcome<FileFacts> outcome = outcomes.get(i);
      if (outcome instanceof Javac.Read<FileFacts> read) {
        FileFacts f = read.value();
        facts.add(new FileFacts(path, f.packageName(), f.imports(), f.types(), f.problem()));
      } else {
        facts.add(FileFacts.unreadable(path, ((Javac.Failed<FileFacts>) outcome).reason()));
      }
    }
    return facts;
  }

  /**
   * The facts of one file, parsed on a thread of its own with a large stack; for tests and tools.
   *
   * @throws IllegalStateException when this runtime has no Java compiler
   */
  public static FileFacts extract(String path, String text) {
    return LargeStack.run(
        "scrutineer-facts",
        ChangedDeclarations.STACK_BYTES,
        () -> {
          try (Javac javac =
              Javac.compiler()
                  .orElseThrow(() -> new IllegalStateException("no Java compiler: use a JDK"))) {
            return extract(javac, List.of(new Input(path, text))).get(0);
          }
        });
  }

  /** Facts of a parsed file; the path is filled in by the caller. Throws only on deep nesting. */
  private static FileFacts readSafely(
      CompilationUnitTree unit, String text, SourcePositions positions, NameTexts names) {
    try {
      return new Reader(unit, text, positions, names).read();
    } catch (RuntimeException e) {
      // A tree shape this extractor did not expect is that file's problem, not the run's.
      return FileFacts.unreadable("", "could not be indexed (" + e + ")");
    }
  }

  private static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** What a scope knows of the type whose code it is in. */
  private record TypeContext(String name, Optional<String> superclass) {}

  /** Names declared in enclosing types (fields) or captured by a local class, innermost first. */
  private record Fields(Map<String, String> types, Fields parent) {
    Optional<String> lookup(String name) {
      for (Fields f = this; f != null; f = f.parent) {
        String type = f.types.get(name);
        if (type != null) {
          return Optional.of(type);
        }
      }
      return Optional.empty();
    }

    boolean has(String name) {
      for (Fields f = this; f != null; f = f.parent) {
        if (f.types.containsKey(name)) {
          return true;
        }
      }
      return false;
    }
  }

  /** Reads one compilation unit. */
  private static final class Reader {
    private final CompilationUnitTree unit;
    private final String text;
    private final SourcePositions positions;
    private final NameTexts names;
    private final LineMap lines;
    private final String packageName;
    private final Map<Tree, Declaration> declarations;
    private final List<TypeFact> types = new ArrayList<>();
    private final Map<String, Integer> anonymousNames = new HashMap<>();

    Reader(CompilationUnitTree unit, String text, SourcePositions positions, NameTexts names) {
      this.unit = unit;
      this.text = text;
      this.positions = positions;
      this.names = names;
      this.lines = unit.getLineMap();
      this.packageName =
          unit.getPackageName() == null ? "" : DottedName.of(unit.getPackageName(), names);
      this.declarations = DeclarationExtractor.byTree(unit, text, positions, names);
    }

    FileFacts read() {
      List<ImportFact> imports = new ArrayList<>();
      for (ImportTree im : unit.getImports()) {
        String name = DottedName.of(im.getQualifiedIdentifier(), names);
        boolean onDemand = name.endsWith(".*");
        imports.add(
            new ImportFact(
                onDemand ? name.substring(0, name.length() - 2) : name, im.isStatic(), onDemand));
      }
      for (Tree declaration : unit.getTypeDecls()) {
        if (declaration instanceof ClassTree type) {
          named(type, TypeScope.EMPTY, null);
        }
      }
      return new FileFacts("", packageName, imports, types, Optional.empty());
    }

    /** A type that {@link DeclarationExtractor} named. */
    private TypeFact named(ClassTree type, TypeScope scope, Fields outer) {
      Declaration declaration = declared(type);
      return type(
          type,
          declaration.symbol(),
          declaration.kind(),
          declaration.line(),
          declaration.endLine(),
          supertypes(type, scope.with(type.getTypeParameters())),
          scope,
          outer);
    }

    private Declaration declared(Tree tree) {
      Declaration declaration = declarations.get(tree);
      if (declaration == null) {
        throw new IllegalStateException("no declaration named for a " + tree.getKind());
      }
      return declaration;
    }

    private List<String> supertypes(ClassTree type, TypeScope scope) {
      List<String> supertypes = new ArrayList<>();
      if (type.getExtendsClause() != null) {
        supertypes.add(written(type.getExtendsClause(), scope));
      }
      for (Tree implemented : type.getImplementsClause()) {
        supertypes.add(written(implemented, scope));
      }
      return supertypes;
    }

    private TypeFact type(
        ClassTree type,
        Symbol symbol,
        DeclarationKind kind,
        int line,
        int endLine,
        List<String> supertypes,
        TypeScope outerScope,
        Fields outer) {
      int slot = types.size();
      types.add(null);
      TypeScope scope = outerScope.with(type.getTypeParameters());
      // Decoded once: a javac name decodes itself whenever it is asked for its text or length.
      String declaredName = names.of(type.getSimpleName());
      String simpleName =
          !declaredName.isEmpty()
              ? declaredName
              : supertypes.isEmpty() ? "Object" : supertypes.get(supertypes.size() - 1);
      Optional<String> superclass =
          type.getExtendsClause() != null
              ? Optional.of(written(type.getExtendsClause(), scope))
              : declaredName.isEmpty() && !supertypes.isEmpty()
                  ? Optional.of(supertypes.get(0))
                  : Optional.empty();
      TypeContext context = new TypeContext(simpleName, superclass);
      Map<String, String> fieldTypes = new HashMap<>();
      for (Tree member : type.getMembers()) {
        if (member instanceof VariableTree variable) {
          fieldTypes.put(
              names.of(variable.getName()),
              isEnumConstant(type, variable) ? simpleName : generic(variable.getType(), scope));
        }
      }
      Fields fields = new Fields(fieldTypes, outer);
      List<MemberFact> members = new ArrayList<>();
      for (Tree member : type.getMembers()) {
        if (member instanceof ClassTree nested) {
          named(nested, scope, fields);
        } else if (member instanceof MethodTree
            || member instanceof VariableTree
            || member instanceof BlockTree) {
          Declaration declaration = declarations.get(member);
          members.add(
              member(
                  member,
                  type,
                  declaration == null ? anonymousMember(symbol, member, scope) : declaration,
                  scope,
                  fields,
                  context));
        }
      }
      TypeFact fact =
          new TypeFact(
              symbol,
              kind,
              modifiers(type.getModifiers()),
              annotations(type.getModifiers()),
              supertypes,
              line,
              endLine,
              members,
              LambdaParameters.of(type, scope));
      types.set(slot, fact);
      return fact;
    }

    /** A member of an anonymous class, named after it like a member of a named type. */
    private Declaration anonymousMember(Symbol owner, Tree member, TypeScope scope) {
      String simpleName;
      DeclarationKind kind;
      String name;
      if (member instanceof MethodTree method) {
        boolean constructor = method.getName().contentEquals("<init>");
        simpleName = names.of(method.getName());
        kind = constructor ? DeclarationKind.CONSTRUCTOR : DeclarationKind.METHOD;
        TypeScope methodScope = scope.with(method.getTypeParameters());
        List<String> parameters = new ArrayList<>();
        for (VariableTree parameter : method.getParameters()) {
          parameters.add(methodScope.erase(parameter.getType()));
        }
        name = simpleName + "(" + String.join(",", parameters) + ")";
      } else if (member instanceof VariableTree variable) {
        simpleName = names.of(variable.getName());
        kind = DeclarationKind.FIELD;
        name = simpleName;
      } else {
        simpleName = ((BlockTree) member).isStatic() ? "static{}" : "{}";
        kind =
            ((BlockTree) member).isStatic()
                ? DeclarationKind.STATIC_INITIALIZER
                : DeclarationKind.INSTANCE_INITIALIZER;
        name = simpleName;
      }
      String full = owner.name() + "#" + name;
      int count = anonymousNames.merge(full, 1, Integer::sum);
      int line = line(start(member));
      return new Declaration(
          new Symbol(packageName, count == 1 ? full : full + "[" + count + "]"),
          owner.name(),
          simpleName,
          "",
          kind,
          line,
          Math.max(line, line(end(member) - 1)),
          "",
          "");
    }

    private MemberFact member(
        Tree member,
        ClassTree owner,
        Declaration declaration,
        TypeScope scope,
        Fields fields,
        TypeContext context) {
      Body body = new Body(declaration.symbol(), scope, fields, context);
      ModifiersTree modifiers;
      List<String> parameterTypes = new ArrayList<>();
      List<String> genericParameterTypes = new ArrayList<>();
      List<List<AnnotationFact>> parameterAnnotations = new ArrayList<>();
      boolean varargs = false;
      String type = "";
      boolean returnsSelf = false;
      if (member instanceof MethodTree method) {
        returnsSelf = returnsSelf(method, owner);
        modifiers = method.getModifiers();
        TypeScope methodScope = scope.with(method.getTypeParameters());
        body.scope = methodScope;
        body.scan(modifiers, null);
        for (TypeParameterTree parameter : method.getTypeParameters()) {
          parameter.getBounds().forEach(body::typeRefs);
        }
        if (method.getReturnType() != null) {
          type = generic(method.getReturnType(), methodScope);
          body.typeRefs(method.getReturnType());
          body.returns = type;
        }
        body.push();
        List<? extends VariableTree> parameters = method.getParameters();
        for (int i = 0; i < parameters.size(); i++) {
          VariableTree parameter = parameters.get(i);
          parameterTypes.add(written(parameter.getType(), methodScope));
          genericParameterTypes.add(generic(parameter.getType(), methodScope, true));
          parameterAnnotations.add(annotations(parameter.getModifiers()));
          body.scan(parameter, null);
          if (i == parameters.size() - 1) {
            varargs = isVarargs(parameter);
          }
        }
        method.getThrows().forEach(body::typeRefs);
        body.scan(method.getBody(), null);
        body.scan(method.getDefaultValue(), null);
        body.pop();
      } else if (member instanceof VariableTree variable) {
        modifiers = variable.getModifiers();
        body.scan(modifiers, null);
        if (isEnumConstant(owner, variable)) {
          type = context.name();
          body.enumConstant((NewClassTree) variable.getInitializer());
        } else {
          type = generic(variable.getType(), scope);
          body.typeRefs(variable.getType());
          body.target(variable.getInitializer(), type);
          body.scan(variable.getInitializer(), null);
        }
      } else {
        modifiers = null;
        body.scan(member, null);
      }
      return new MemberFact(
          declaration.symbol(),
          declaration.kind(),
          declaration.simpleName(),
          modifiers == null ? Set.of() : modifiers(modifiers),
          modifiers == null ? List.of() : annotations(modifiers),
          parameterTypes,
          varargs,
          type,
          parameterAnnotations,
          declaration.line(),
          declaration.endLine(),
          body.references,
          genericParameterTypes.equals(parameterTypes) ? List.of() : genericParameterTypes,
          returnsSelf);
    }

    private String simpleName(Tree type) {
      if (type instanceof MemberSelectTree select) {
        return names.of(select.getIdentifier());
      }
      return type instanceof IdentifierTree identifier ? names.of(identifier.getName()) : "";
    }

    /**
     * Whether {@code method} returns a type variable of {@code owner} bounded by {@code owner}
     * parameterized by that variable itself ({@code B} of {@code Builder<B extends Builder<B>>}),
     * and not one of its own. Bounded by another type ({@code B extends BaseStream<T, B>}), the
     * variable is that type's own, not the receiver's.
     */
    private boolean returnsSelf(MethodTree method, ClassTree owner) {
      if (!(method.getReturnType() instanceof IdentifierTree returned)) {
        return false;
      }
      Name name = returned.getName();
      for (TypeParameterTree own : method.getTypeParameters()) {
        if (own.getName().contentEquals(name)) {
          return false;
        }
      }
      for (TypeParameterTree variable : owner.getTypeParameters()) {
        if (variable.getName().contentEquals(name)
            && !variable.getBounds().isEmpty()
            && variable.getBounds().get(0) instanceof ParameterizedTypeTree bound
            && simpleName(bound.getType()).contentEquals(owner.getSimpleName())) {
          return bound.getTypeArguments().stream()
              .anyMatch(a -> a instanceof IdentifierTree i && i.getName().contentEquals(name));
        }
      }
      return false;
    }

    /** {@code T... values}: the parser keeps the dots only in the source. */
    private boolean isVarargs(VariableTree parameter) {
      int from = start(parameter.getType());
      int to = end(parameter);
      return parameter.getType() instanceof ArrayTypeTree
          && from >= 0
          && to > from
          && text.substring(from, Math.min(to, text.length())).contains("...");
    }

    /** The code of one member, walked for references with a scope stack of local names. */
    private final class Body extends TreeScanner<Void, Void> implements ArgumentTypes.Names {
      private final Symbol member;
      private final Fields fields;
      private final TypeContext context;
      private final Deque<Map<String, String>> locals = new ArrayDeque<>();
      private final List<Reference> references = new ArrayList<>();

      /**
       * The lambdas and method references passed to a call on a typed receiver, each with that call
       * as a chain step ({@code List<Owner>#stream/0#filter/1~0}: argument 0 of {@code filter}),
       * and the lambdas given to a variable of a declared type ({@code Function<Order,Money>#~});
       * their implicitly typed parameters are typed by it, a method reference's arity too.
       */
      private final Map<ExpressionTree, String> lambdaCalls = new HashMap<>();

      private TypeScope scope;
      private int anonymous;

      /** The declared return type of the method this code returns from; null outside one. */
      private String returns;

      Body(Symbol member, TypeScope scope, Fields fields, TypeContext context) {
        this.member = member;
        this.scope = scope;
        this.fields = fields;
        this.context = context;
        push();
      }

      void push() {
        locals.push(new HashMap<>());
      }

      void pop() {
        locals.pop();
      }

      private void declare(String name, String type) {
        locals.peek().put(name, type);
      }

      /** The type of a local or parameter: empty string when unknown, empty when no such local. */
      private Optional<String> local(String name) {
        for (Map<String, String> frame : locals) {
          String type = frame.get(name);
          if (type != null) {
            return Optional.of(type);
          }
        }
        return Optional.empty();
      }

      private void add(
          ReferenceKind kind,
          String name,
          int arity,
          Receiver receiver,
          Optional<String> receiverType,
          List<String> strings,
          int position) {
        references.add(
            new Reference(
                kind,
                name,
                arity,
                receiver,
                receiverType.filter(t -> !t.isEmpty()),
                strings,
                line(position)));
      }

      /**
       * Notes the lambdas and method references among a call's arguments, with the call as the
       * chain step their parameters' types come from, when the receiver's type or chain is known:
       * {@code receiver}'s, or the enclosing type's for an unqualified call (a method of an outer
       * type or a static import is then not found there, and the lambda's type stays unknown).
       */
      private void lambdas(
          Optional<String> receiver, String method, List<? extends ExpressionTree> arguments) {
        for (int i = 0; i < arguments.size(); i++) {
          ExpressionTree argument = arguments.get(i);
          if (argument instanceof LambdaExpressionTree || argument instanceof MemberReferenceTree) {
            int at = i;
            receiver
                .filter(o -> !o.isEmpty())
                .ifPresent(
                    o ->
                        lambdaCalls.put(
                            argument, o + "#" + method + "/" + arguments.size() + "~" + at));
          }
        }
      }

      /** A call or {@code new} with these arguments. */
      private void invoke(
          ReferenceKind kind,
          String name,
          List<? extends ExpressionTree> arguments,
          Receiver receiver,
          Optional<String> receiverType,
          int position) {
        references.add(
            new Reference(
                kind,
                name,
                arguments.size(),
                receiver,
                receiverType.filter(t -> !t.isEmpty()),
                strings(arguments),
                ArgumentTypes.of(arguments, this, scope),
                line(position)));
      }

      @Override
      public String variable(String name) {
        Optional<String> local = local(name);
        String declared = local.isPresent() ? local.get() : fields.lookup(name).orElse(null);
        return isChain(declared) ? declared : erased(declared);
      }

      @Override
      public String self() {
        return context.name();
      }

      @Override
      public String receiverChain(ExpressionTree expression) {
        return chain(expression).orElse(null);
      }

      /** TYPE references for every named type in a type tree. */
      void typeRefs(Tree type) {
        if (type == null || type instanceof PrimitiveTypeTree) {
          return;
        }
        if (type instanceof IdentifierTree identifier) {
          String name = names.of(identifier.getName());
          if (!name.equals("var") && !scope.isVariable(name)) {
            add(
                ReferenceKind.TYPE,
                name,
                -1,
                Receiver.NONE,
                Optional.empty(),
                List.of(),
                start(type));
          }
        } else if (type instanceof MemberSelectTree) {
          add(
              ReferenceKind.TYPE,
              written(type, scope),
              -1,
              Receiver.NONE,
              Optional.empty(),
              List.of(),
              start(type));
        } else if (type instanceof ParameterizedTypeTree parameterized) {
          typeRefs(parameterized.getType());
          parameterized.getTypeArguments().forEach(this::typeRefs);
        } else if (type instanceof ArrayTypeTree array) {
          typeRefs(array.getType());
        } else if (type instanceof WildcardTree wildcard) {
          typeRefs(wildcard.getBound());
        } else if (type instanceof AnnotatedTypeTree annotated) {
          annotated.getAnnotations().forEach(a -> scan(a, null));
          typeRefs(annotated.getUnderlyingType());
        } else if (type instanceof UnionTypeTree union) {
          union.getTypeAlternatives().forEach(this::typeRefs);
        } else if (type instanceof IntersectionTypeTree intersection) {
          intersection.getBounds().forEach(this::typeRefs);
        } else {
          scan(type, null);
        }
      }

      @Override
      public Void visitBlock(BlockTree node, Void unused) {
        push();
        super.visitBlock(node, unused);
        pop();
        return null;
      }

      @Override
      public Void visitForLoop(ForLoopTree node, Void unused) {
        push();
        super.visitForLoop(node, unused);
        pop();
        return null;
      }

      @Override
      public Void visitEnhancedForLoop(EnhancedForLoopTree node, Void unused) {
        push();
        scan(node.getVariable(), null);
        Qualifier iterable = qualifier(node.getExpression());
        // Over anything but an array the loop calls iterator(), then hasNext() and next() on the
        // iterator it returns (JLS 14.14.2): calls that dispatch into the code base's iterators.
        boolean array =
            node.getExpression() instanceof NewArrayTree
                || iterable.type().filter(type -> type.endsWith("[]")).isPresent();
        if (!array) {
          int line = start(node.getExpression());
          if (iterable.type().isPresent()) { // on an unknown receiver, iterator() says nothing
            add(
                ReferenceKind.CALL,
                "iterator",
                0,
                iterable.receiver(),
                iterable.type(),
                List.of(),
                line);
          }
          // A chain's iterator is the linker's to type: an array's is none, and calls nothing.
          boolean chain = iterable.receiver() == Receiver.CHAIN && iterable.type().isPresent();
          for (String step : List.of("hasNext", "next")) {
            add(
                ReferenceKind.CALL,
                step,
                0,
                chain ? Receiver.CHAIN : Receiver.EXPRESSION,
                Optional.of(chain ? iterable.type().get() + "#iterator/0" : "java.util.Iterator"),
                List.of(),
                line);
          }
        }
        scan(node.getStatement(), null);
        pop();
        return null;
      }

      @Override
      public Void visitCatch(CatchTree node, Void unused) {
        push();
        super.visitCatch(node, unused);
        pop();
        return null;
      }

      @Override
      public Void visitTry(TryTree node, Void unused) {
        push();
        for (Tree resource : node.getResources()) {
          // A resource is closed as the block ends: an implicit resource.close().
          Qualifier closed;
          if (resource instanceof VariableTree variable) {
            scan(variable, null);
            closed = declaredAs(local(names.of(variable.getName())).orElse(""));
          } else if (resource instanceof ExpressionTree expression) {
            closed = qualifier(expression); // try (in): an effectively final variable
          } else {
            scan(resource, null);
            continue;
          }
          invoke(
              ReferenceKind.CALL,
              "close",
              List.of(),
              closed.receiver(),
              closed.type(),
              start(resource));
        }
        scan(node.getBlock(), null);
        scan(node.getCatches(), null);
        scan(node.getFinallyBlock(), null);
        pop();
        return null;
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
        push();
        scan(node.getParameters(), null);
        String call = lambdaCalls.remove(node);
        if (call != null) {
          List<? extends VariableTree> parameters = node.getParameters();
          for (int i = 0; i < parameters.size(); i++) {
            String name = names.of(parameters.get(i).getName());
            if (local(name).filter(String::isEmpty).isPresent()) { // implicitly typed
              declare(name, call + "." + i);
            }
          }
        }
        String enclosing = returns;
        returns = null; // a return in the lambda's body returns from the lambda
        scan(node.getBody(), null);
        returns = enclosing;
        pop();
        return null;
      }

      @Override
      public Void visitReturn(ReturnTree node, Void unused) {
        target(node.getExpression(), returns);
        return super.visitReturn(node, unused);
      }

      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        scan(node.getModifiers(), null);
        Tree type = node.getType();
        String declared = type == null ? "" : generic(type, scope);
        // The parser leaves the type of "var x = ..." out, or spells it "var".
        if (declared.isEmpty() || declared.equals("var")) {
          declared =
              node.getInitializer() instanceof NewClassTree creation
                      && creation.getClassBody() == null
                  ? written(creation.getIdentifier(), scope)
                  : "";
        }
        typeRefs(type);
        declare(names.of(node.getName()), declared);
        target(node.getInitializer(), declared);
        scan(node.getInitializer(), null);
        return null;
      }

      @Override
      public Void visitAssignment(AssignmentTree node, Void unused) {
        ExpressionTree variable = node.getVariable();
        String declared = null;
        if (variable instanceof IdentifierTree identifier) {
          String name = names.of(identifier.getName());
          declared = local(name).orElseGet(() -> fields.lookup(name).orElse(null));
        } else if (variable instanceof MemberSelectTree select
            && select.getExpression() instanceof IdentifierTree owner
            && owner.getName().contentEquals("this")) {
          declared = fields.lookup(names.of(select.getIdentifier())).orElse(null);
        }
        if (declared != null) {
          target(node.getExpression(), declared);
        }
        return super.visitAssignment(node, unused);
      }

      /**
       * Notes the lambdas {@code value} is, or may be (either branch of a conditional), when it is
       * given to a variable of the declared type {@code declared}: their parameters are those of
       * its functional interface's method ({@code Function<Order, String>#~.0} for {@code o} of
       * {@code o -> o.total()}).
       */
      void target(ExpressionTree value, String declared) {
        if (declared == null || declared.isEmpty() || isChain(declared)) {
          return;
        }
        if (value instanceof ParenthesizedTree parenthesized) {
          target(parenthesized.getExpression(), declared);
        } else if (value instanceof ConditionalExpressionTree conditional) {
          target(conditional.getTrueExpression(), declared);
          target(conditional.getFalseExpression(), declared);
        } else if (value instanceof LambdaExpressionTree lambda) {
          lambdaCalls.put(lambda, declared + "#~");
        }
      }

      @Override
      public Void visitInstanceOf(InstanceOfTree node, Void unused) {
        scan(node.getExpression(), null);
        Tree pattern = node.getPattern();
        if (pattern instanceof BindingPatternTree binding) {
          scan(binding.getVariable(), null);
        } else {
          typeRefs(node.getType());
        }
        return null;
      }

      @Override
      public Void visitTypeCast(TypeCastTree node, Void unused) {
        typeRefs(node.getType());
        scan(node.getExpression(), null);
        return null;
      }

      @Override
      public Void visitNewArray(NewArrayTree node, Void unused) {
        typeRefs(node.getType());
        scan(node.getDimensions(), null);
        scan(node.getInitializers(), null);
        return null;
      }

      @Override
      public Void visitParameterizedType(ParameterizedTypeTree node, Void unused) {
        typeRefs(node);
        return null;
      }

      @Override
      public Void visitArrayType(ArrayTypeTree node, Void unused) {
        typeRefs(node);
        return null;
      }

      @Override
      public Void visitAnnotation(AnnotationTree node, Void unused) {
        typeRefs(node.getAnnotationType());
        for (ExpressionTree argument : node.getArguments()) {
          scan(
              argument instanceof AssignmentTree assignment ? assignment.getExpression() : argument,
              null);
        }
        return null;
      }

      @Override
      public Void visitClass(ClassTree node, Void unused) {
        // A named local class; anonymous ones are met through their "new".
        if (node.getSimpleName().length() > 0 && declarations.containsKey(node)) {
          absorb(named(node, scope, captured()));
        }
        return null;
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        node.getTypeArguments().forEach(this::typeRefs);
        ExpressionTree select = node.getMethodSelect();
        List<? extends ExpressionTree> arguments = node.getArguments();
        if (select instanceof IdentifierTree identifier) {
          String name = names.of(identifier.getName());
          if (name.equals("this")) {
            invoke(
                ReferenceKind.NEW,
                context.name(),
                arguments,
                Receiver.THIS,
                Optional.of(context.name()),
                start(node));
          } else if (name.equals("super")) {
            String superclass = context.superclass().orElse("Object");
            invoke(
                ReferenceKind.NEW,
                simple(superclass),
                arguments,
                Receiver.SUPER,
                Optional.of(superclass),
                start(node));
          } else {
            lambdas(Optional.of(context.name()), name, arguments);
            invoke(
                ReferenceKind.CALL, name, arguments, Receiver.NONE, Optional.empty(), start(node));
          }
        } else if (select instanceof MemberSelectTree member) {
          Qualifier qualifier = qualifier(member.getExpression());
          lambdas(
              origin(member.getExpression(), MAX_CHAIN - 1),
              names.of(member.getIdentifier()),
              arguments);
          invoke(
              ReferenceKind.CALL,
              names.of(member.getIdentifier()),
              arguments,
              qualifier.receiver(),
              qualifier.type(),
              Math.max(start(node), end(select) - 1));
        } else {
          scan(select, null);
        }
        scan(arguments, null);
        return null;
      }

      @Override
      public Void visitNewClass(NewClassTree node, Void unused) {
        scan(node.getEnclosingExpression(), null);
        node.getTypeArguments().forEach(this::typeRefs);
        String type = written(node.getIdentifier(), scope);
        typeRefs(node.getIdentifier());
        invoke(
            ReferenceKind.NEW,
            simple(type),
            node.getArguments(),
            Receiver.NONE,
            Optional.of(type),
            start(node));
        scan(node.getArguments(), null);
        if (node.getClassBody() != null) {
          anonymous(node, type);
        }
        return null;
      }

      /** The arguments and class body of an enum constant, which calls the enum's constructor. */
      void enumConstant(NewClassTree creation) {
        invoke(
            ReferenceKind.NEW,
            context.name(),
            creation.getArguments(),
            Receiver.NONE,
            Optional.of(context.name()),
            start(creation));
        scan(creation.getArguments(), null);
        if (creation.getClassBody() != null) {
          anonymous(creation, context.name());
        }
      }

      private void anonymous(NewClassTree creation, String type) {
        ClassTree body = creation.getClassBody();
        Symbol symbol = new Symbol(packageName, member.name() + "$" + (++anonymous));
        int line = line(start(creation));
        absorb(
            type(
                body,
                symbol,
                DeclarationKind.CLASS,
                line,
                Math.max(line, line(end(body) - 1)),
                List.of(type),
                scope,
                captured()));
      }

      /** Code in a local or anonymous class counts as this member's own. */
      private void absorb(TypeFact type) {
        for (String supertype : type.supertypes()) {
          references.add(
              new Reference(
                  ReferenceKind.TYPE,
                  supertype,
                  -1,
                  Receiver.NONE,
                  Optional.empty(),
                  List.of(),
                  type.line()));
        }
        for (MemberFact m : type.members()) {
          references.addAll(m.references());
        }
      }

      /** The locals in scope here, seen by a local or anonymous class as if they were fields. */
      private Fields captured() {
        Map<String, String> visible = new HashMap<>();
        List<Map<String, String>> frames = new ArrayList<>(locals);
        for (int i = frames.size() - 1; i >= 0; i--) {
          visible.putAll(frames.get(i));
        }
        return new Fields(visible, fields);
      }

      @Override
      public Void visitMemberReference(MemberReferenceTree node, Void unused) {
        if (node.getTypeArguments() != null) {
          node.getTypeArguments().forEach(this::typeRefs);
        }
        ExpressionTree expression = node.getQualifierExpression();
        Qualifier qualifier;
        if (expression instanceof ParameterizedTypeTree || expression instanceof ArrayTypeTree) {
          typeRefs(expression);
          qualifier = new Qualifier(Receiver.EXPRESSION, Optional.of(written(expression, scope)));
        } else {
          qualifier = qualifier(expression);
        }
        String name = node.getName().contentEquals("<init>") ? "new" : names.of(node.getName());
        String passedTo = lambdaCalls.remove(node);
        references.add(
            new Reference(
                ReferenceKind.METHOD_REFERENCE,
                name,
                -1,
                qualifier.receiver(),
                qualifier.type().filter(t -> !t.isEmpty()),
                List.of(),
                passedTo == null ? "" : passedTo,
                line(Math.max(start(node), end(node) - 1))));
        return null;
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree node, Void unused) {
        String name = names.of(node.getIdentifier());
        if (name.equals("class")) {
          add(
              ReferenceKind.CLASS_LITERAL,
              written(node.getExpression(), scope),
              -1,
              Receiver.NONE,
              Optional.empty(),
              List.of(),
              start(node));
          return null;
        }
        Optional<String> qualifiedType = qualifiedType(node);
        if (qualifiedType.isPresent()) {
          typeRefs(node);
          return null;
        }
        if (name.equals("this") || name.equals("super")) {
          return null;
        }
        Qualifier qualifier = qualifier(node.getExpression());
        add(
            ReferenceKind.FIELD,
            name,
            -1,
            qualifier.receiver(),
            qualifier.type(),
            List.of(),
            Math.max(start(node), end(node) - 1));
        return null;
      }

      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        String name = names.of(node.getName());
        if (name.equals("this") || name.equals("super") || local(name).isPresent()) {
          return null;
        }
        add(
            isTypeName(name) ? ReferenceKind.TYPE : ReferenceKind.FIELD,
            name,
            -1,
            Receiver.NONE,
            Optional.empty(),
            List.of(),
            start(node));
        return null;
      }

      /**
       * What qualifies a call, field access or method reference, with the references the qualifier
       * itself makes.
       */
      private Qualifier qualifier(ExpressionTree expression) {
        if (expression instanceof IdentifierTree identifier) {
          String name = names.of(identifier.getName());
          if (name.equals("this")) {
            return new Qualifier(Receiver.THIS, Optional.of(context.name()));
          }
          if (name.equals("super")) {
            return new Qualifier(Receiver.SUPER, context.superclass());
          }
          Optional<String> local = local(name);
          if (local.isPresent()) {
            return declaredAs(local.get());
          }
          if (fields.has(name)) {
            add(
                ReferenceKind.FIELD,
                name,
                -1,
                Receiver.NONE,
                Optional.empty(),
                List.of(),
                start(expression));
            return declaredAs(fields.lookup(name).orElse(""));
          }
          if (isTypeName(name) && !scope.isVariable(name)) {
            typeRefs(expression);
            return new Qualifier(Receiver.NAME, Optional.of(name));
          }
          add(
              ReferenceKind.FIELD,
              name,
              -1,
              Receiver.NONE,
              Optional.empty(),
              List.of(),
              start(expression));
          // No local, no field of this file, no type: a field inherited from another file's type,
          // which the linker finds (or, finding none, links by name).
          return new Qualifier(Receiver.CHAIN, Optional.of(context.name() + "#" + name));
        }
        if (expression instanceof MemberSelectTree select) {
          String name = names.of(select.getIdentifier());
          if (name.equals("this")) {
            return new Qualifier(
                Receiver.THIS, Optional.of(written(select.getExpression(), scope)));
          }
          if (name.equals("super")) {
            return new Qualifier(
                Receiver.SUPER, Optional.of(written(select.getExpression(), scope)));
          }
          Optional<String> qualifiedType = qualifiedType(select);
          if (qualifiedType.isPresent()) {
            typeRefs(select);
            return new Qualifier(Receiver.EXPRESSION, qualifiedType);
          }
          if (select.getExpression() instanceof IdentifierTree owner
              && owner.getName().contentEquals("this")
              && fields.has(name)) {
            scan(select, null);
            return new Qualifier(
                Receiver.EXPRESSION, fields.lookup(name).map(FactsExtractor::erased));
          }
          Optional<String> chain = chain(select);
          scan(select, null);
          return chain
              .map(c -> new Qualifier(Receiver.CHAIN, Optional.of(c)))
              .orElseGet(() -> new Qualifier(Receiver.EXPRESSION, Optional.empty()));
        }
        Optional<Qualifier> checked = nonNullChecked(expression);
        if (checked.isPresent()) {
          scan(expression, null);
          return checked.get();
        }
        if (expression instanceof ArrayAccessTree access) {
          Optional<String> element = element(access.getExpression());
          if (element.isPresent()) {
            scan(expression, null);
            return declaredAs(element.get());
          }
        }
        Optional<String> chain = chain(expression);
        scan(expression, null);
        if (chain.isPresent()) {
          return new Qualifier(Receiver.CHAIN, chain);
        }
        if (expression instanceof NewClassTree creation) {
          return new Qualifier(
              Receiver.EXPRESSION, Optional.of(written(creation.getIdentifier(), scope)));
        }
        if (expression instanceof ParenthesizedTree parenthesized
            && parenthesized.getExpression() instanceof TypeCastTree cast) {
          return new Qualifier(Receiver.EXPRESSION, Optional.of(written(cast.getType(), scope)));
        }
        return new Qualifier(Receiver.EXPRESSION, Optional.empty());
      }

      /**
       * The element type of an array a local, parameter or field of this file is declared as
       * ({@code composite[i].equals(map)} with {@code Map<K, V>[] composite}); empty for anything
       * else.
       */
      private Optional<String> element(ExpressionTree array) {
        Optional<String> declared = Optional.empty();
        if (array instanceof IdentifierTree identifier) {
          String name = names.of(identifier.getName());
          declared =
              local(name).or(() -> fields.has(name) ? fields.lookup(name) : Optional.empty());
        } else if (array instanceof MemberSelectTree select
            && select.getExpression() instanceof IdentifierTree owner
            && owner.getName().contentEquals("this")
            && fields.has(names.of(select.getIdentifier()))) {
          declared = fields.lookup(names.of(select.getIdentifier()));
        }
        return declared
            .filter(type -> !isChain(type))
            .map(ArgumentTypes::element)
            .filter(type -> !type.isEmpty());
      }

      /**
       * {@code Objects.requireNonNull(input, "input")} is {@code input}: a local, parameter or
       * field checked that way is the receiver it was ({@code
       * Objects.requireNonNull(input)::read}), where a chain through the call would end at its type
       * variable.
       */
      private Optional<Qualifier> nonNullChecked(ExpressionTree expression) {
        if (!(expression instanceof MethodInvocationTree call)
            || !(call.getMethodSelect() instanceof MemberSelectTree select)
            || !select.getIdentifier().contentEquals("requireNonNull")
            || !(select.getExpression() instanceof IdentifierTree owner)
            || !owner.getName().contentEquals("Objects")
            || local("Objects").isPresent()
            || fields.has("Objects")
            || call.getArguments().isEmpty()
            || !(call.getArguments().get(0) instanceof IdentifierTree checked)) {
          return Optional.empty();
        }
        String name = names.of(checked.getName());
        Optional<String> declared = local(name).or(() -> fields.lookup(name));
        return declared.filter(type -> !type.isEmpty()).map(type -> declaredAs(type));
      }

      /**
       * The field reads and calls that lead to the value of {@code expression} from a type the file
       * names: {@code Strings.CS} is {@code Strings#CS}, {@code Orders.builder().limit(5)} is
       * {@code Orders#builder/0#limit/1}, an unqualified {@code find(id)} is a call on this type
       * ({@code Repo#find/1}); empty when there is no such start, or the chain is longer than
       * {@link #MAX_CHAIN} steps.
       */
      private Optional<String> chain(ExpressionTree expression) {
        return chain(expression, MAX_CHAIN);
      }

      /** As {@link #chain(ExpressionTree)}, with at most {@code steps} steps left. */
      private Optional<String> chain(ExpressionTree expression, int steps) {
        if (steps == 0) {
          return Optional.empty(); // a longer chain is not followed, nor spelt out
        }
        if (expression instanceof MethodInvocationTree call) {
          String arity = "/" + call.getArguments().size();
          if (call.getMethodSelect() instanceof IdentifierTree name) {
            return Optional.of(context.name() + "#" + name.getName() + arity);
          }
          if (call.getMethodSelect() instanceof MemberSelectTree select) {
            return origin(select.getExpression(), steps - 1)
                .map(o -> o + "#" + select.getIdentifier() + arity);
          }
        } else if (expression instanceof MemberSelectTree select) {
          return origin(select.getExpression(), steps - 1)
              .map(o -> o + "#" + select.getIdentifier());
        }
        return Optional.empty();
      }

      /** Where a chain starts, or the chain so far: a type, or what a typed name holds. */
      private Optional<String> origin(ExpressionTree expression, int steps) {
        if (expression instanceof IdentifierTree identifier) {
          String name = names.of(identifier.getName());
          if (name.equals("this")) {
            return Optional.of(context.name());
          }
          if (name.equals("super")) {
            return context.superclass();
          }
          Optional<String> local = local(name);
          if (local.isPresent()) {
            return local.filter(type -> !type.isEmpty());
          }
          if (fields.has(name)) {
            return fields.lookup(name);
          }
          return isTypeName(name) && !scope.isVariable(name)
              ? Optional.of(name)
              : Optional.of(context.name() + "#" + name);
        }
        if (expression instanceof MemberSelectTree select) {
          Optional<String> type = qualifiedType(select);
          if (type.isPresent()) {
            return type;
          }
          if (select.getIdentifier().contentEquals("this")) {
            return Optional.of(written(select.getExpression(), scope)); // Outer.this
          }
          if (select.getExpression() instanceof IdentifierTree owner
              && owner.getName().contentEquals("this")
              && fields.has(names.of(select.getIdentifier()))) {
            return fields.lookup(names.of(select.getIdentifier()));
          }
        }
        if (expression instanceof NewClassTree creation && creation.getClassBody() == null) {
          return Optional.of(written(creation.getIdentifier(), scope));
        }
        if (expression instanceof ParenthesizedTree parenthesized
            && parenthesized.getExpression() instanceof TypeCastTree cast) {
          return Optional.of(written(cast.getType(), scope));
        }
        return chain(expression, steps);
      }

      /**
       * A dotted name that reads as a type: {@code java.util.Objects}, {@code Map.Entry}; its first
       * part is no local or field, and its last part is named like a type.
       */
      private Optional<String> qualifiedType(MemberSelectTree select) {
        List<String> parts = new ArrayList<>();
        Tree t = select;
        while (t instanceof MemberSelectTree s) {
          parts.add(0, names.of(s.getIdentifier()));
          t = s.getExpression();
        }
        if (!(t instanceof IdentifierTree first)) {
          return Optional.empty();
        }
        String head = names.of(first.getName());
        if (head.equals("this")
            || head.equals("super")
            || local(head).isPresent()
            || fields.has(head)) {
          return Optional.empty();
        }
        parts.add(0, head);
        if (!isTypeName(parts.get(parts.size() - 1))) {
          return Optional.empty();
        }
        // Every part after the first type-like one must be type-like too: Outer.Inner, not
        // Outer.field.Thing.
        boolean inType = false;
        for (String part : parts) {
          if (isTypeName(part)) {
            inType = true;
          } else if (inType) {
            return Optional.empty();
          }
        }
        return Optional.of(String.join(".", parts));
      }
    }

    private record Qualifier(Receiver receiver, Optional<String> type) {}

    /**
     * The receiver a variable declared as {@code declared} is: a name of that (erased) type, or,
     * for a lambda's parameter typed by the call it is passed to, that chain.
     */
    private static Qualifier declaredAs(String declared) {
      return isChain(declared)
          ? new Qualifier(Receiver.CHAIN, Optional.of(declared))
          : new Qualifier(Receiver.NAME, Optional.of(erased(declared)));
    }

    private List<String> strings(List<? extends ExpressionTree> arguments) {
      List<String> strings = new ArrayList<>();
      for (ExpressionTree argument : arguments) {
        if (argument instanceof LiteralTree literal && literal.getValue() instanceof String s) {
          strings.add(s);
        }
      }
      return strings;
    }

    private Set<String> modifiers(ModifiersTree modifiers) {
      Set<String> names = new LinkedHashSet<>();
      for (Modifier modifier : modifiers.getFlags()) {
        names.add(modifier.toString());
      }
      return names;
    }

    private List<AnnotationFact> annotations(ModifiersTree modifiers) {
      List<AnnotationFact> facts = new ArrayList<>();
      for (AnnotationTree annotation : modifiers.getAnnotations()) {
        facts.add(annotation(annotation));
      }
      return facts;
    }

    private AnnotationFact annotation(AnnotationTree annotation) {
      Map<String, List<String>> values = new LinkedHashMap<>();
      for (ExpressionTree argument : annotation.getArguments()) {
        String attribute = "value";
        ExpressionTree value = argument;
        if (argument instanceof AssignmentTree assignment) {
          attribute = assignment.getVariable().toString();
          value = assignment.getExpression();
        }
        List<String> flat = values.computeIfAbsent(attribute, a -> new ArrayList<>());
        flatten(value, flat);
      }
      return new AnnotationFact(written(annotation.getAnnotationType(), TypeScope.EMPTY), values);
    }

    private void flatten(ExpressionTree value, List<String> into) {
      if (value instanceof NewArrayTree array && array.getInitializers() != null) {
        for (ExpressionTree element : array.getInitializers()) {
          flatten(element, into);
        }
        return;
      }
      into.add(constant(value));
    }

    /** A constant as a reach rule reads it: strings unquoted, {@code X.class}, else as written. */
    private String constant(ExpressionTree value) {
      if (value instanceof ParenthesizedTree parenthesized) {
        return constant(parenthesized.getExpression());
      }
      if (value instanceof LiteralTree literal && literal.getValue() != null) {
        return literal.getValue().toString();
      }
      if (value instanceof MemberSelectTree select
          && select.getIdentifier().contentEquals("class")) {
        return written(select.getExpression(), TypeScope.EMPTY) + ".class";
      }
      if (value instanceof BinaryTree binary && binary.getKind() == Tree.Kind.PLUS) {
        Optional<String> folded = folded(binary);
        if (folded.isPresent()) {
          return folded.get();
        }
      }
      return source(value);
    }

    /** {@code "/api" + "/orders"} as one string, when every part is a string literal. */
    private Optional<String> folded(ExpressionTree value) {
      if (value instanceof LiteralTree literal && literal.getValue() instanceof String s) {
        return Optional.of(s);
      }
      if (value instanceof ParenthesizedTree parenthesized) {
        return folded(parenthesized.getExpression());
      }
      if (value instanceof BinaryTree binary && binary.getKind() == Tree.Kind.PLUS) {
        Optional<String> left = folded(binary.getLeftOperand());
        Optional<String> right = folded(binary.getRightOperand());
        if (left.isPresent() && right.isPresent()) {
          return Optional.of(left.get() + right.get());
        }
      }
      return Optional.empty();
    }

    /** The source text of a tree, with runs of whitespace made single spaces. */
    private String source(Tree tree) {
      int from = start(tree);
      int to = end(tree);
      if (from < 0 || to <= from || to > text.length()) {
        return tree.toString();
      }
      return text.substring(from, to).strip().replaceAll("\\s+", " ");
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

  /**
   * A type's erasure as written: {@code java.util.List<T>} is {@code java.util.List}, a type
   * variable is its first bound (unqualified) or {@code Object}, an array keeps its {@code []}.
   */
  static String written(Tree type, TypeScope scope) {
    if (type == null) {
      return "";
    }
    if (type instanceof ArrayTypeTree array) {
      return written(array.getType(), scope) + "[]";
    }
    if (type instanceof ParameterizedTypeTree parameterized) {
      return written(parameterized.getType(), scope);
    }
    if (type instanceof AnnotatedTypeTree annotated) {
      return written(annotated.getUnderlyingType(), scope);
    }
    if (type instanceof MemberSelectTree select) {
      return written(select.getExpression(), scope) + "." + select.getIdentifier();
    }
    if (type instanceof IdentifierTree identifier) {
      String name = identifier.getName().toString();
      return scope.isVariable(name) ? scope.erase(type) : name;
    }
    return scope.erase(type);
  }

  /**
   * As {@link #written}, with a parameterized type's arguments kept ({@code List<Owner>}, {@code
   * Map<String,List<Owner>>}), which receiver chains starting at a variable of that type follow
   * into the JDK's generic methods; a wildcard is its upper bound, or {@code ?}.
   */
  static String generic(Tree type, TypeScope scope) {
    return generic(type, scope, false);
  }

  /**
   * As {@link #generic(Tree, TypeScope)}; with {@code lowerBounds}, {@code ? super Order} is
   * written {@code Order}: what a lambda passed as a parameter of that type takes ({@code
   * Consumer<? super Order>}), though not what a method of it returns.
   */
  private static String generic(Tree type, TypeScope scope, boolean lowerBounds) {
    if (type instanceof AnnotatedTypeTree annotated) {
      return generic(annotated.getUnderlyingType(), scope, lowerBounds);
    }
    if (!(type instanceof ParameterizedTypeTree parameterized)
        || parameterized.getTypeArguments().isEmpty()) {
      return written(type, scope);
    }
    StringBuilder out = new StringBuilder(written(parameterized.getType(), scope)).append('<');
    List<? extends Tree> arguments = parameterized.getTypeArguments();
    for (int i = 0; i < arguments.size(); i++) {
      Tree argument = arguments.get(i);
      out.append(i == 0 ? "" : ",");
      if (argument instanceof WildcardTree wildcard) {
        out.append(
            wildcard.getKind() == Tree.Kind.EXTENDS_WILDCARD
                    || lowerBounds && wildcard.getKind() == Tree.Kind.SUPER_WILDCARD
                ? generic(wildcard.getBound(), scope, lowerBounds)
                : "?");
      } else {
        out.append(generic(argument, scope, lowerBounds));
      }
    }
    return out.append('>').toString();
  }

  /** A declared type that is a receiver chain: a lambda's parameter typed by its call. */
  static boolean isChain(String declared) {
    return declared != null && declared.indexOf('#') > 0;
  }

  /** {@code List} of {@code List<Owner>}; null stays null. */
  static String erased(String generic) {
    if (generic == null) {
      return null;
    }
    int lt = generic.indexOf('<');
    return lt < 0 ? generic : generic.substring(0, lt);
  }

  private static boolean isEnumConstant(ClassTree owner, VariableTree variable) {
    return owner.getKind() == Tree.Kind.ENUM
        && variable.getInitializer() instanceof NewClassTree creation
        && creation.getIdentifier() instanceof IdentifierTree type
        && type.getName().contentEquals(owner.getSimpleName())
        && variable.getModifiers().getFlags().contains(Modifier.STATIC);
  }

  /**
   * Named like a type by convention: a capital first and not all capitals ({@code Order}, {@code
   * T}); {@code MAX}, {@code MAX_SIZE} and {@code URL} read as constants.
   */
  static boolean isTypeName(String name) {
    if (name.isEmpty() || !Character.isUpperCase(name.charAt(0))) {
      return false;
    }
    return name.length() == 1 || !name.equals(name.toUpperCase(Locale.ROOT));
  }

  private static String simple(String type) {
    return type.substring(type.lastIndexOf('.') + 1);
  }
}
