package dev.scrutineer.analysis.reach.index;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.util.JavacTask;
import dev.scrutineer.analysis.reach.ChangedDeclarations;
import dev.scrutineer.ingest.ChangeQuery;
import dev.scrutineer.ingest.ChangeSession;
import dev.scrutineer.ingest.GitChangeReader;
import dev.scrutineer.model.ChangedDeclaration;
import dev.scrutineer.model.DeclarationKind;
import dev.scrutineer.testing.TestRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index against two oracles: the names {@link ChangedDeclarations} gives the same source, and
 * the declarations javac itself finds when it compiles the reach fixtures.
 */
class FixtureFactsTest {
  private static final Path FIXTURES = Path.of("src/test/resources/reach-fixtures");

  @TempDir Path temp;

  @Test
  void everySymbolIsTheOneChangedDeclarationsGives() throws IOException {
    CodeIndex index = CodeIndex.build(CodeIndexTest.fixtureTree(), FactsCache.none(), 2);
    try (TestRepo repo = TestRepo.init(temp.resolve("repo"))) {
      repo.write("README.md", "base").commit("base");
      repo.branch("feature").checkout("feature");
      try (Stream<Path> files = Files.walk(FIXTURES)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          repo.write(FIXTURES.relativize(file).toString(), Files.readString(file, UTF_8));
        }
      }
      repo.write("extra/Shop.java", EXTRA);
      repo.commit("add everything");
      try (ChangeSession session =
          GitChangeReader.open(
              new ChangeQuery(repo.dir(), Optional.of("main"), Optional.empty(), false))) {
        List<ChangedDeclaration> changed =
            new ChangedDeclarations()
                .find(session.change(), session.base(), session.head())
                .declarations();
        CodeIndex head = CodeIndex.build(session.head(), FactsCache.none(), 2);
        Set<String> expected = new HashSet<>();
        changed.forEach(d -> expected.add(d.path() + " " + d.symbol().qualified()));
        assertThat(symbols(head)).isEqualTo(expected);
        assertThat(expected).hasSizeGreaterThan(100);
      }
    }
    assertThat(index.stats().unreadable()).isZero();
  }

  /** Overloads, duplicates, generics, local classes in lambdas and anonymous classes. */
  private static final String EXTRA =
      """
      package extra;
      import java.util.*;
      class Shop<T extends Comparable<T>> {
        int a = 1, b = 2;
        void add(T item) {}
        void add(List<? extends T> items, String... tags) {}
        <K extends Map<String, T>> K index(K map) { return map; }
        Runnable r = () -> { class InLambda { void x() {} } };
        Object o = new Object() { class InAnon { void y() {} } };
        static {}
        {}
        record Point(int x, int y) { Point { } static Point origin() { return new Point(0, 0); } }
        @interface Tag { String value() default ""; }
        enum E { A { void f() {} }, B; void f() {} }
        void dup() { class L {} }
        void dup2() { class L {} }
      }
      """;

  /** Each declaration a named type or member, as path and symbol; anonymous classes are not. */
  private static Set<String> symbols(CodeIndex index) {
    Set<String> symbols = new HashSet<>();
    for (FileFacts file : index.files()) {
      for (TypeFact type : file.types()) {
        if (type.symbol().name().matches(".*\\$\\d+$")) {
          continue;
        }
        symbols.add(file.path() + " " + type.symbol().qualified());
        type.members().forEach(m -> symbols.add(file.path() + " " + m.symbol().qualified()));
      }
    }
    return symbols;
  }

  @Test
  void everyDeclarationJavacCompilesInTheFixturesHasFacts() throws IOException {
    CodeIndex index = CodeIndex.build(CodeIndexTest.fixtureTree(), FactsCache.none(), 2);
    Map<String, TypeFact> types = new java.util.HashMap<>();
    index.files().forEach(f -> f.types().forEach(t -> types.put(t.symbol().qualified(), t)));

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> missing = new ArrayList<>();
    int checked = 0;
    try (Stream<Path> dirs = Files.list(FIXTURES);
        StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, UTF_8)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(dir)) {
          sources = walk.filter(f -> f.toString().endsWith(".java")).toList();
        }
        JavacTask task =
            (JavacTask)
                javac.getTask(
                    null,
                    files,
                    null,
                    List.of("-proc:none", "-d", temp.resolve("out").toString()),
                    null,
                    files.getJavaFileObjectsFromPaths(sources));
        Elements elements = task.getElements();
        for (Element element : task.analyze()) {
          if (element instanceof TypeElement type) {
            checked += check(type, types, elements, missing);
          }
        }
      }
    }
    assertThat(missing).isEmpty();
    assertThat(checked).isGreaterThan(100);
  }

  /** A type javac compiled and its explicit members, against the facts; nested types too. */
  private static int check(
      TypeElement type, Map<String, TypeFact> types, Elements elements, List<String> missing) {
    String name = type.getQualifiedName().toString();
    TypeFact fact = types.get(name);
    if (fact == null) {
      missing.add("type " + name);
      return 1;
    }
    int checked = 1;
    for (Element member : type.getEnclosedElements()) {
      if (elements.getOrigin(member) != Elements.Origin.EXPLICIT) {
        continue;
      }
      checked++;
      if (member instanceof TypeElement nested) {
        checked += check(nested, types, elements, missing);
      } else if (member instanceof ExecutableElement executable) {
        String simple =
            executable.getKind() == ElementKind.CONSTRUCTOR
                ? type.getSimpleName().toString()
                : executable.getSimpleName().toString();
        boolean found =
            fact.members().stream()
                .anyMatch(
                    m ->
                        m.name().equals(simple)
                            && m.parameterTypes().size() == executable.getParameters().size()
                            && (m.kind() == DeclarationKind.CONSTRUCTOR)
                                == (executable.getKind() == ElementKind.CONSTRUCTOR));
        if (!found && !isImplicit(type, executable)) {
          missing.add(name + "#" + executable);
        }
      } else if (member.getKind().isField()) {
        if (fact.members().stream()
            .noneMatch(m -> m.name().equals(member.getSimpleName().toString()))) {
          missing.add(name + "#" + member.getSimpleName());
        }
      }
    }
    return checked;
  }

  /**
   * Members javac adds to enums and records, which its elements still call explicit: {@code
   * values()}, {@code valueOf(String)}, a record's accessors, {@code equals}, {@code hashCode},
   * {@code toString}.
   */
  private static boolean isImplicit(TypeElement type, ExecutableElement method) {
    String name = method.getSimpleName().toString();
    int parameters = method.getParameters().size();
    if (type.getKind() == ElementKind.ENUM) {
      return name.equals("values") && parameters == 0 || name.equals("valueOf") && parameters == 1;
    }
    return type.getKind() == ElementKind.RECORD
        && (parameters == 0
                && (name.equals("toString")
                    || name.equals("hashCode")
                    || type.getRecordComponents().stream()
                        .anyMatch(c -> c.getSimpleName().contentEquals(name)))
            || name.equals("equals") && parameters == 1);
  }
}
