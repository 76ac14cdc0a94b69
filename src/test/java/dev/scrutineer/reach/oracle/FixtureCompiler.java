package dev.scrutineer.reach.oracle;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles a fixture project with the JDK's own compiler, so the reach oracle can read real class
 * files: {@code -g -parameters -proc:none --release 17}, nothing on the class path. A fixture is
 * self-contained: the framework annotations it uses ({@code @RestController}, {@code @Test} ...)
 * are tiny stub sources inside it.
 *
 * <p>While it compiles, it also keeps from javac's attributed trees the few facts that class files
 * lose (see {@link SourceFacts}): where field initializers and initializer blocks are, which
 * compile-time constants and enum constants the code names (javac inlines the first and reads the
 * second through a synthetic switch-map class), and every declaration with its {@link
 * dev.scrutineer.model.Symbol} name, so the oracle's bytecode-derived names can be checked against
 * the compiler's own view of the source.
 */
final class FixtureCompiler {
  private static final List<String> OPTIONS =
      List.of("-g", "-parameters", "-proc:none", "--release", "17", "-nowarn", "-Xlint:none");

  private FixtureCompiler() {}

  /**
   * A compiled fixture.
   *
   * @param classes the directory holding its class files
   * @param facts what the source says that the class files do not
   */
  record Compiled(Path classes, SourceFacts facts) {
    Compiled {
      Objects.requireNonNull(classes, "classes");
      Objects.requireNonNull(facts, "facts");
    }
  }

  /**
   * Source facts the oracle needs beside the bytecode, named as {@link dev.scrutineer.model.Symbol}
   * names declarations.
   *
   * @param initializers per class (JVM binary name, {@code com.x.Outer$Inner}), the line ranges of
   *     its field initializers and initializer blocks, each with the member it belongs to
   * @param inlinedReferences member → the compile-time constants and enum constants its code names
   * @param declared every declaration the source spells out (types, methods, constructors, fields,
   *     enum constants, initializers), outside local and anonymous classes
   * @param implicit members the compiler declares without source text: default constructors, enum
   *     {@code values()}/{@code valueOf(String)}, record accessors, canonical constructors and
   *     {@code equals}/{@code hashCode}/{@code toString}
   */
  record SourceFacts(
      Map<String, List<InitializerRange>> initializers,
      Map<String, Set<String>> inlinedReferences,
      Set<String> declared,
      Set<String> implicit) {
    SourceFacts {
      initializers = Map.copyOf(initializers);
      inlinedReferences = Map.copyOf(inlinedReferences);
      declared = Set.copyOf(declared);
      implicit = Set.copyOf(implicit);
    }
  }

  /**
   * The lines of one field initializer or initializer block.
   *
   * @param member the field's symbol, or the class's {@code #{}} / {@code #static{}}
   */
  record InitializerRange(boolean isStatic, int firstLine, int lastLine, String member) {
    boolean contains(int line) {
      return firstLine <= line && line <= lastLine;
    }
  }

  /**
   * Compiles every {@code .java} file under {@code sourceRoot} into a new temporary directory,
   * deleted when the JVM exits.
   */
  static Compiled compile(Path sourceRoot) {
    return compile(sourceRoot, temporaryClasses());
  }

  /** Compiles sources given as path → text into a new temporary directory, as above. */
  static Compiled compile(Map<String, String> sources) {
    return compile(sources, temporaryClasses());
  }

  private static Path temporaryClasses() {
    try {
      Path dir = Files.createTempDirectory("reach-fixture-");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // A leftover temporary directory is harmless.
    }
  }

  /** Compiles every {@code .java} file under {@code sourceRoot} into {@code classes}. */
  static Compiled compile(Path sourceRoot, Path classes) {
    Map<String, String> sources = new TreeMap<>();
    try (Stream<Path> files = Files.walk(sourceRoot)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        sources.put(
            sourceRoot.relativize(file).toString().replace('\\', '/'),
            Files.readString(file, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("no .java files under " + sourceRoot);
    }
    return compile(sources, classes);
  }

  /** Compiles sources given as path → text (paths like {@code com/acme/Foo.java}). */
  static Compiled compile(Map<String, String> sources, Path classes) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new IllegalStateException("no system Java compiler: run the tests on a JDK, not a JRE");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      Files.createDirectories(classes);
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
      files.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of());
      List<JavaFileObject> units = new ArrayList<>();
      sources.forEach((path, text) -> units.add(new Source(path, text)));
      StringWriter out = new StringWriter();
      JavacTask task = (JavacTask) compiler.getTask(out, files, diagnostics, OPTIONS, null, units);
      Iterable<? extends CompilationUnitTree> trees = task.parse();
      task.analyze();
      failOnErrors(diagnostics, out);
      // Read the trees before generate(), which lowers them in place.
      SourceFacts facts = new FactCollector(task).collect(trees);
      task.generate();
      failOnErrors(diagnostics, out);
      return new Compiled(classes, facts);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void failOnErrors(
      DiagnosticCollector<JavaFileObject> diagnostics, StringWriter out) {
    List<String> errors =
        diagnostics.getDiagnostics().stream()
            .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
            .map(
                d ->
                    (d.getSource() == null ? "" : d.getSource().getName() + ":")
                        + d.getLineNumber()
                        + ": "
                        + d.getMessage(Locale.ROOT))
            .toList();
    if (!errors.isEmpty()) {
      throw new IllegalStateException(
          "the fixture does not compile:\n" + String.join("\n", errors) + out);
    }
  }

  /** A source held in memory, named by its path so diagnostics point at the fixture file. */
  private static final class Source extends SimpleJavaFileObject {
    private final String text;

    Source(String path, String text) {
      super(URI.create("string:///" + path), Kind.SOURCE);
      this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }

  /** Walks attributed trees once and gathers {@link SourceFacts}. */
  private static final class FactCollector {
    private final Trees trees;
    private final Elements elements;
    private final Types types;
    private final Map<String, List<InitializerRange>> initializers = new TreeMap<>();
    private final Map<String, Set<String>> inlined = new TreeMap<>();
    private final Set<String> declared = new TreeSet<>();
    private final Set<String> implicit = new TreeSet<>();

    FactCollector(JavacTask task) {
      this.trees = Trees.instance(task);
      this.elements = task.getElements();
      this.types = task.getTypes();
    }

    SourceFacts collect(Iterable<? extends CompilationUnitTree> units) {
      for (CompilationUnitTree unit : units) {
        new Scanner(unit).scan(unit, null);
      }
      initializers.replaceAll(
          (k, v) ->
              v.stream().sorted(Comparator.comparingInt(InitializerRange::firstLine)).toList());
      return new SourceFacts(initializers, inlined, declared, implicit);
    }

    private final class Scanner extends TreePathScanner<Void, Void> {
      private final CompilationUnitTree unit;
      private final SourcePositions positions;
      private final LineMap lines;

      Scanner(CompilationUnitTree unit) {
        this.unit = unit;
        this.positions = trees.getSourcePositions();
        this.lines = unit.getLineMap();
      }

      @Override
      public Void visitClass(ClassTree tree, Void unused) {
        TypeElement type = (TypeElement) trees.getElement(getCurrentPath());
        if (isNamed(type)) {
          declareType(type, tree);
        }
        return super.visitClass(tree, unused);
      }

      private void declareType(TypeElement type, ClassTree tree) {
        String typeSymbol = typeSymbol(type);
        declared.add(typeSymbol);
        String binary = elements.getBinaryName(type).toString();
        // Members javac generates (default constructors, record accessors...) may have trees too,
        // but no source text: no end position.
        Set<Element> written = new HashSet<>();
        for (Tree member : tree.getMembers()) {
          if (positions.getEndPosition(unit, member) != Diagnostic.NOPOS) {
            written.add(trees.getElement(TreePath.getPath(unit, member)));
          }
        }
        for (Element member : type.getEnclosedElements()) {
          String symbol = memberSymbol(member);
          if (symbol == null) {
            continue;
          }
          if (written.contains(member)) {
            declared.add(symbol);
          } else {
            implicit.add(symbol);
          }
        }
        for (Tree member : tree.getMembers()) {
          if (member instanceof BlockTree block) {
            String symbol = typeSymbol + (block.isStatic() ? "#static{}" : "#{}");
            declared.add(symbol);
            addRange(binary, block.isStatic(), member, symbol);
          } else if (member instanceof VariableTree variable && variable.getInitializer() != null) {
            VariableElement field =
                (VariableElement) trees.getElement(TreePath.getPath(unit, member));
            addRange(
                binary,
                field.getModifiers().contains(Modifier.STATIC),
                member,
                typeSymbol + "#" + field.getSimpleName());
          }
        }
      }

      private void addRange(String binary, boolean isStatic, Tree tree, String symbol) {
        int first = (int) lines.getLineNumber(positions.getStartPosition(unit, tree));
        int last = (int) lines.getLineNumber(positions.getEndPosition(unit, tree));
        initializers
            .computeIfAbsent(binary, k -> new ArrayList<>())
            .add(new InitializerRange(isStatic, first, last, symbol));
      }

      @Override
      public Void visitIdentifier(IdentifierTree tree, Void unused) {
        noteInlined();
        return super.visitIdentifier(tree, unused);
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree tree, Void unused) {
        noteInlined();
        return super.visitMemberSelect(tree, unused);
      }

      /** A use of a constant javac will inline, or of an enum constant (switch labels). */
      private void noteInlined() {
        Element target = trees.getElement(getCurrentPath());
        if (!(target instanceof VariableElement variable)
            || !(variable.getEnclosingElement() instanceof TypeElement owner)
            || !isNamed(owner)
            || trees.getPath(owner) == null) {
          return; // not a field of the fixture: a JDK constant such as Math.PI
        }
        boolean constant =
            variable.getKind() == ElementKind.FIELD && variable.getConstantValue() != null;
        if (!constant && variable.getKind() != ElementKind.ENUM_CONSTANT) {
          return;
        }
        String user = enclosingMember(getCurrentPath());
        String used = typeSymbol(owner) + "#" + variable.getSimpleName();
        if (user != null && !user.equals(used)) {
          inlined.computeIfAbsent(user, k -> new TreeSet<>()).add(used);
        }
      }

      /**
       * The member of a named class whose code {@code path} is in, looking through lambdas, local
       * and anonymous classes; null outside any member (a class annotation, say).
       */
      private String enclosingMember(TreePath path) {
        for (TreePath p = path; p != null && p.getParentPath() != null; p = p.getParentPath()) {
          Tree leaf = p.getLeaf();
          if (!(p.getParentPath().getLeaf() instanceof ClassTree)) {
            continue;
          }
          Element owner = trees.getElement(p.getParentPath());
          if (!(owner instanceof TypeElement type) || !isNamed(type)) {
            continue;
          }
          if (leaf instanceof BlockTree block) {
            return typeSymbol(type) + (block.isStatic() ? "#static{}" : "#{}");
          }
          if (leaf instanceof MethodTree || leaf instanceof VariableTree) {
            return memberSymbol(trees.getElement(p));
          }
        }
        return null;
      }
    }

    /** Top-level and member types have names of their own; local and anonymous ones do not. */
    private boolean isNamed(TypeElement type) {
      NestingKind nesting = type.getNestingKind();
      if (nesting == NestingKind.TOP_LEVEL) {
        return true;
      }
      return nesting == NestingKind.MEMBER
          && type.getEnclosingElement() instanceof TypeElement outer
          && isNamed(outer);
    }

    private String typeSymbol(TypeElement type) {
      Element enclosing = type.getEnclosingElement();
      if (enclosing instanceof TypeElement outer) {
        return typeSymbol(outer) + "." + type.getSimpleName();
      }
      String pkg = ((PackageElement) enclosing).getQualifiedName().toString();
      return pkg.isEmpty() ? type.getSimpleName().toString() : pkg + "." + type.getSimpleName();
    }

    /** The symbol of a method, constructor, field or enum constant; null for anything else. */
    private String memberSymbol(Element member) {
      TypeElement owner = (TypeElement) member.getEnclosingElement();
      switch (member.getKind()) {
        case FIELD, ENUM_CONSTANT -> {
          return typeSymbol(owner) + "#" + member.getSimpleName();
        }
        case METHOD, CONSTRUCTOR -> {
          ExecutableElement method = (ExecutableElement) member;
          String name =
              method.getKind() == ElementKind.CONSTRUCTOR
                  ? owner.getSimpleName().toString()
                  : method.getSimpleName().toString();
          return typeSymbol(owner)
              + "#"
              + name
              + method.getParameters().stream()
                  .map(p -> erasedName(p.asType()))
                  .collect(Collectors.joining(",", "(", ")"));
        }
        default -> {
          return null;
        }
      }
    }

    private String erasedName(TypeMirror type) {
      TypeMirror erased = types.erasure(type);
      if (erased instanceof ArrayType array) {
        return erasedName(array.getComponentType()) + "[]";
      }
      if (erased instanceof DeclaredType declared) {
        return declared.asElement().getSimpleName().toString();
      }
      return erased.toString();
    }
  }
}
