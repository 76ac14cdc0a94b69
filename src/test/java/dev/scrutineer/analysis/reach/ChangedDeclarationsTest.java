package dev.scrutineer.analysis.reach;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrutineer.ingest.ChangeQuery;
import dev.scrutineer.ingest.ChangeSession;
import dev.scrutineer.ingest.GitChangeReader;
import dev.scrutineer.model.ChangedDeclaration;
import dev.scrutineer.model.DeclarationChange;
import dev.scrutineer.model.DeclarationKind;
import dev.scrutineer.model.Diagnostic;
import dev.scrutineer.model.Symbol;
import dev.scrutineer.testing.TestRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Changed declarations found in small real repositories: each test commits a base version of a
 * file, then a head version, and lists what changed as {@code change kind Name}, with {@code was
 * Old} when the name changed.
 */
class ChangedDeclarationsTest {
  private static final String PATH = "src/main/java/com/example/Shop.java";

  @TempDir Path temp;

  private final List<TestRepo> repos = new ArrayList<>();

  @AfterEach
  void closeRepositories() {
    repos.forEach(TestRepo::close);
  }

  @Nested
  class Methods {
    @Test
    void addedRemovedAndChangedBodiesAreToldApart() {
      assertThat(
              changes(
                  """
                  package com.example;
                  class Shop {
                    int total() { return 1; }
                    void close() {}
                    String name() { return "shop"; }
                  }
                  """,
                  """
                  package com.example;
                  class Shop {
                    int total() { return 2; }
                    String name() { return "shop"; }
                    void open() {}
                  }
                  """))
          .containsExactly(
              "body method Shop#total()",
              "added method Shop#open()",
              "removed method Shop#close()");
    }

    @Test
    void whatCallersSeeIsTheSignature() {
      assertThat(
              changes(
                  """
                  package com.example;
                  class Shop {
                    int a() { return 1; }
                    int b() { return 1; }
                    int c() { return 1; }
                    int d() { return 1; }
                    <T> T e(T t) { return t; }
                    int f(int count) { return count; }
                  }
                  """,
                  """
                  package com.example;
                  class Shop {
                    long a() { return 1; }
                    public int b() { return 1; }
                    @Deprecated int c() { return 1; }
                    int d() throws java.io.IOException { return 1; }
                    <T extends Number> T e(T t) { return t; }
                    int f(final int total) { return total; }
                  }
                  """))
          .containsExactly(
              "signature method Shop#a()",
              "signature method Shop#b()",
              "signature method Shop#c()",
              "signature method Shop#d()",
              "signature method Shop#e(Number) was Shop#e(Object)",
              "signature method Shop#f(int)");
    }

    @Test
    void newParameterTypesPairWithTheMethodTheyReplace() {
      assertThat(
              changes(
                  "class Shop { void find(String id) {} }",
                  "class Shop { void find(String id, int limit) {} }"))
          .containsExactly("signature method Shop#find(String,int) was Shop#find(String)");
    }

    @Test
    void overloadsAreKeptApart() {
      assertThat(
              changes(
                  """
                  class Shop {
                    void put(int n) { System.out.println(n); }
                    void put(String s) { System.out.println(s); }
                    void put(int[] n, Object... rest) {}
                  }
                  """,
                  """
                  class Shop {
                    void put(int n) { System.out.println(n); }
                    void put(String s) { System.out.println(s + "!"); }
                    void put(int[] n, Object... rest) {}
                    void put(long n) {}
                  }
                  """))
          .containsExactly("body method Shop#put(String)", "added method Shop#put(long)");
    }

    @Test
    void oneOverloadOfSeveralChangingItsParametersIsARemovalAndAnAddition() {
      assertThat(
              changes(
                  "class Shop { void put(int n) {} void put(String s) {} }",
                  "class Shop { void put(long n) {} void put(char c) {} }"))
          .containsExactly(
              "added method Shop#put(long)",
              "added method Shop#put(char)",
              "removed method Shop#put(int)",
              "removed method Shop#put(String)");
    }

    @Test
    void parameterTypesAreErasedAndUnqualified() {
      List<ChangedDeclaration> changed =
          declarations(
              "class Shop {}",
              """
              class Shop<K> {
                <T extends Comparable<T>> void sort(java.util.List<T> items, T[] extra, String... rest) {}
                void keyed(java.util.Map.Entry<K, ? extends Number> entry, K key, @Deprecated int n) {}
              }
              """);

      assertThat(changed)
          .extracting(d -> d.symbol().name())
          .contains("Shop#sort(List,Comparable[],String[])", "Shop#keyed(Entry,Object,int)");
    }

    @Test
    void aDeclarationRecordsItsLinesAndPackage() {
      List<ChangedDeclaration> changed =
          declarations(
              """
              package com.example;

              class Shop {
              }
              """,
              """
              package com.example;

              class Shop {
                /** Javadoc is not the declaration. */
                @Override
                public String
                    toString() {
                  return "shop";
                }
              }
              """);

      assertThat(changed)
          .containsExactly(
              new ChangedDeclaration(
                  PATH,
                  new Symbol("com.example", "Shop#toString()"),
                  Optional.empty(),
                  DeclarationKind.METHOD,
                  DeclarationChange.ADDED,
                  7,
                  9));
      assertThat(changed.get(0).symbol().qualified()).isEqualTo("com.example.Shop#toString()");
    }
  }

  @Nested
  class Constructors {
    @Test
    void signatureAndBody() {
      assertThat(
              changes(
                  "class Shop { Shop() { this(1); } Shop(int n) {} private int n; }",
                  "class Shop { public Shop() { this(1); } Shop(int n) { this.n = n; } private int n; }"))
          .containsExactly("signature constructor Shop#Shop()", "body constructor Shop#Shop(int)");
    }
  }

  @Nested
  class Fields {
    @Test
    void typeAndModifiersAreTheSignatureAndTheInitializerIsTheBody() {
      assertThat(
              changes(
                  """
                  class Shop {
                    int count = 1;
                    int size;
                    private String name = "a";
                    java.util.List<String> items = new java.util.ArrayList<>();
                  }
                  """,
                  """
                  class Shop {
                    long count = 1;
                    int size;
                    String name = "a";
                    java.util.List<String> items = new java.util.LinkedList<>();
                    int added;
                  }
                  """))
          .containsExactly(
              "signature field Shop#count",
              "signature field Shop#name",
              "body field Shop#items",
              "added field Shop#added");
    }

    @Test
    void aConstantsValueIsItsSignatureBecauseCallersCopyIt() {
      assertThat(
              changes(
                  """
                  class Shop {
                    static final int LIMIT = 10;
                    static final String NAME = "shop" + '-' + LIMIT;
                    static final Integer BOXED = 10;
                    final long started = System.currentTimeMillis();
                    static int counter = 10;
                  }
                  """,
                  """
                  class Shop {
                    static final int LIMIT = 20;
                    static final String NAME = "store" + '-' + LIMIT;
                    static final Integer BOXED = 20;
                    final long started = System.nanoTime();
                    static int counter = 20;
                  }
                  """))
          .containsExactly(
              "signature field Shop#LIMIT",
              "signature field Shop#NAME",
              "body field Shop#BOXED",
              "body field Shop#started",
              "body field Shop#counter");
    }

    @Test
    void interfaceFieldsAreConstants() {
      assertThat(changes("interface Limits { int MAX = 1; }", "interface Limits { int MAX = 2; }"))
          .containsExactly("signature field Limits#MAX");
    }

    @Test
    void fieldsDeclaredTogetherAreComparedOneByOne() {
      assertThat(changes("class Shop { int a = 1, b = 2; }", "class Shop { int a = 1, b = 3; }"))
          .containsExactly("body field Shop#b");
    }
  }

  @Nested
  class Types {
    @Test
    void theHeaderIsTheTypesSignature() {
      assertThat(
              changes(
                  """
                  class Shop {}
                  class Cart {}
                  class Till {}
                  class Safe {}
                  """,
                  """
                  class Shop extends Object {}
                  class Cart implements Runnable { public void run() {} }
                  @Deprecated class Till {}
                  final class Safe {}
                  """))
          .containsExactly(
              "signature class Shop",
              "signature class Cart",
              "added method Cart#run()",
              "signature class Till",
              "signature class Safe");
    }

    @Test
    void aTypeWhoseMembersChangedIsNotItselfChanged() {
      assertThat(
              changes(
                  "class Shop { int a() { return 1; } }",
                  "class Shop { int a() { return 2; } int b() { return 3; } }"))
          .containsExactly("body method Shop#a()", "added method Shop#b()");
    }

    @Test
    void aKindChangeIsASignatureChange() {
      assertThat(changes("class Shop {}", "interface Shop {}"))
          .containsExactly("signature interface Shop");
    }

    @Test
    void nestedTypesAreNamedAfterTheirOuterTypes() {
      assertThat(
              changes(
                  """
                  class Shop {
                    static class Cart {
                      interface Line { int qty(); }
                      int size() { return 0; }
                    }
                  }
                  """,
                  """
                  class Shop {
                    static class Cart {
                      interface Line { long qty(); }
                      int size() { return 1; }
                    }
                    enum Mode { OPEN }
                  }
                  """))
          .containsExactly(
              "signature method Shop.Cart.Line#qty()",
              "body method Shop.Cart#size()",
              "added enum Shop.Mode",
              "added enum-constant Shop.Mode#OPEN");
    }

    @Test
    void anAddedFileAddsEveryDeclarationAndADeletedOneRemovesThem() {
      TestRepo repo = repo();
      String base = repo.write("src/Old.java", "class Old { int x; void run() {} }").commit("base");
      repo.delete("src/Old.java").write("src/New.java", "record New(int y) {}").commit("swap");

      assertThat(describe(find(repo, base).declarations()))
          .containsExactly(
              "added record New",
              "added record-component New#y",
              "removed class Old",
              "removed field Old#x",
              "removed method Old#run()");
    }
  }

  @Nested
  class Initializers {
    @Test
    void staticAndInstanceInitializers() {
      assertThat(
              changes(
                  """
                  class Shop {
                    static int a;
                    static { a = 1; }
                    int b;
                  }
                  """,
                  """
                  class Shop {
                    static int a;
                    static { a = 2; }
                    int b;
                    { b = 3; }
                  }
                  """))
          .containsExactly(
              "body static-initializer Shop#static{}", "added instance-initializer Shop#{}");
    }

    @Test
    void aSecondInitializerIsNumbered() {
      assertThat(
              changes(
                  "class Shop { static { a(); } static { b(); } }",
                  "class Shop { static { a(); } static { c(); } }"))
          .containsExactly("body static-initializer Shop#static{}[2]");
    }
  }

  @Nested
  class Enums {
    @Test
    void constantsArgumentsAndBodiesAreWhatRunsAndAnnotationsWhatCallersSee() {
      assertThat(
              changes(
                  """
                  enum Size {
                    SMALL(1),
                    LARGE(10) { int weight() { return 2; } },
                    HUGE(100);
                    final int n;
                    Size(int n) { this.n = n; }
                    int weight() { return 1; }
                  }
                  """,
                  """
                  enum Size {
                    SMALL(2),
                    LARGE(10) { int weight() { return 3; } },
                    @Deprecated HUGE(100),
                    GIANT(1000);
                    final int n;
                    Size(int n) { this.n = n; }
                    int weight() { return 1; }
                  }
                  """))
          .containsExactly(
              "body enum-constant Size#SMALL",
              "body enum-constant Size#LARGE",
              "signature enum-constant Size#HUGE",
              "added enum-constant Size#GIANT");
    }
  }

  @Nested
  class Records {
    @Test
    void componentsAreDeclarationsAndPartOfTheRecordsHeader() {
      assertThat(
              changes(
                  """
                  record Point(int x, int y) {
                    Point { if (x < 0) throw new IllegalArgumentException(); }
                    static Point origin() { return new Point(0, 0); }
                  }
                  """,
                  """
                  record Point(long x, int y, int z) {
                    Point { if (x < 0 || y < 0) throw new IllegalArgumentException(); }
                    static Point origin() { return new Point(0, 0, 0); }
                  }
                  """))
          .containsExactly(
              "signature record Point",
              "signature record-component Point#x",
              "added record-component Point#z",
              "signature constructor Point#Point(long,int,int) was Point#Point(int,int)",
              "body method Point#origin()");
    }
  }

  @Nested
  class AnnotationTypes {
    @Test
    void aDefaultValueIsTheBodyAndHavingOneIsTheSignature() {
      assertThat(
              changes(
                  """
                  @interface Audit {
                    String value() default "read";
                    int level() default 1;
                    boolean strict();
                  }
                  """,
                  """
                  @interface Audit {
                    String value() default "write";
                    int level();
                    boolean strict() default false;
                    String[] tags() default {};
                  }
                  """))
          .containsExactly(
              "body annotation-member Audit#value()",
              "signature annotation-member Audit#level()",
              "signature annotation-member Audit#strict()",
              "added annotation-member Audit#tags()");
    }
  }

  @Nested
  class CodeInsideMembers {
    @Test
    void lambdasAndAnonymousClassesBelongToTheirMember() {
      assertThat(
              changes(
                  """
                  class Shop {
                    Runnable task = () -> System.out.println("a");
                    void run() {
                      new Thread(new Runnable() {
                        public void run() { System.out.println("b"); }
                      }).start();
                      java.util.List.of(1).forEach(n -> System.out.println(n));
                    }
                  }
                  """,
                  """
                  class Shop {
                    Runnable task = () -> System.out.println("A");
                    void run() {
                      new Thread(new Runnable() {
                        public void run() { System.out.println("B"); }
                      }).start();
                      java.util.List.of(1).forEach(n -> System.out.println(n + 1));
                    }
                  }
                  """))
          .containsExactly("body field Shop#task", "body method Shop#run()");
    }

    @Test
    void localClassesAreNamedAfterTheMemberThatDeclaresThem() {
      assertThat(
              changes(
                  """
                  class Shop {
                    int run() {
                      class Counter { int next() { return 1; } }
                      return new Counter().next();
                    }
                  }
                  """,
                  """
                  class Shop {
                    int run() {
                      class Counter { int next() { return 2; } }
                      record Pair(int a, int b) {}
                      return new Counter().next();
                    }
                  }
                  """))
          .containsExactly(
              "body method Shop#run()",
              "body method Shop#run()$Counter#next()",
              "added record Shop#run()$Pair",
              "added record-component Shop#run()$Pair#a",
              "added record-component Shop#run()$Pair#b");
    }

    @Test
    void namedClassesInsideAnonymousOnesStillCount() {
      List<ChangedDeclaration> changed =
          declarations(
              "class Shop {}",
              """
              class Shop {
                Object o = new Object() {
                  void f() { class Inner {} }
                };
              }
              """);
      assertThat(describe(changed))
          .containsExactly("added field Shop#o", "added class Shop#o$Inner");
    }

    @Test
    void everyKindOfLocalTypeIsFoundHoweverItIsSpelt() {
      // The last one's keyword is written as a Unicode escape, which javac reads as "class".
      List<ChangedDeclaration> changed =
          declarations(
              "class Shop {}",
              """
              class Shop {
                void f() { interface Port {} }
                static { enum Mode { ON } }
                Runnable r = () -> { record Pair(int a) {} };
                void g() { \\u0063lass Hidden {} }
              }
              """);
      assertThat(describe(changed))
          .contains(
              "added interface Shop#f()$Port",
              "added enum Shop#static{}$Mode",
              "added record Shop#r$Pair",
              "added class Shop#g()$Hidden");
    }

    @Test
    void localClassesOfTheSameNameInOneMemberAreNumbered() {
      List<ChangedDeclaration> changed =
          declarations(
              "class Shop {}", "class Shop { void f() { { class A {} } { class A {} } } }");
      assertThat(describe(changed)).contains("added class Shop#f()$A", "added class Shop#f()$A[2]");
    }
  }

  @Nested
  class NotAChange {
    @Test
    void whitespaceCommentsAndLayoutAreNotChanges() {
      assertThat(
              changes(
                  """
                  package com.example;
                  import java.util.List;
                  public class Shop {
                    static final int MAX=10;
                    private final List<String> items;
                    public Shop(List<String> items) { this.items=items; }
                    int count(){return items.size()+MAX;}
                    String block() { return \"""
                        hello
                          world
                        \"""; }
                  }
                  """,
                  """
                  package com.example;

                  import java.util.List;

                  /** A shop. */
                  public class Shop {
                    // the most
                    static final int MAX = 10;

                    private final List<String> items; /* trailing */

                    public Shop(List<String> items) {
                      this.items = items;
                    }

                    /**
                     * How many.
                     */
                    int count() {
                      return items.size() // comment inside the body
                          + MAX;
                    }

                    String block() {
                      return \"""
                          hello
                            world
                          \""";
                    }
                  }
                  """))
          .isEmpty();
    }

    @Test
    void aFileWhoseModeAloneChangedIsNotParsed() {
      TestRepo repo = repo();
      String base = repo.write(PATH, "class Shop {}").commit("base");
      repo.chmodExecutable(PATH).commit("chmod");

      ChangedDeclarations.Result result = find(repo, base);

      assertThat(result.declarations()).isEmpty();
      assertThat(result.diagnostics()).isEmpty();
    }

    @Test
    void filesThatAreNotJavaAreLeftAlone() {
      TestRepo repo = repo();
      String base = repo.write("notes.txt", "class Shop {").commit("base");
      repo.write("notes.txt", "class Shop { oops").write("Shop.kt", "class Shop").commit("change");

      ChangedDeclarations.Result result = find(repo, base);

      assertThat(result.declarations()).isEmpty();
      assertThat(result.diagnostics()).isEmpty();
    }
  }

  @Nested
  class Renames {
    @Test
    void aRenamedFileWithOneMethodEditedReportsThatMethodOnly() {
      TestRepo repo = repo();
      String body =
          "    int b() { return 2; }\n    int c() { return 3; }\n    int d() { return 4; }\n";
      String base =
          repo.write(
                  "core/src/main/java/com/example/Shop.java",
                  "package com.example;\nclass Shop {\n    int a() { return 1; }\n" + body + "}\n")
              .commit("base");
      repo.rename(
              "core/src/main/java/com/example/Shop.java",
              "shop/src/main/java/com/example/Shop.java")
          .write(
              "shop/src/main/java/com/example/Shop.java",
              "package com.example;\nclass Shop {\n    int a() { return 10; }\n" + body + "}\n")
          .commit("move to its own module");

      ChangedDeclarations.Result result = find(repo, base);

      assertThat(describe(result.declarations())).containsExactly("body method Shop#a()");
      assertThat(result.declarations().get(0).path())
          .isEqualTo("shop/src/main/java/com/example/Shop.java");
    }

    @Test
    void aTypeMovedToAnotherPackageIsASignatureChangeAndItsMembersFollowIt() {
      TestRepo repo = repo();
      String body =
          "    int b() { return 2; }\n    int c() { return 3; }\n    int d() { return 4; }\n";
      String base =
          repo.write(
                  "src/com/example/Shop.java",
                  "package com.example;\nclass Shop {\n    int a() { return 1; }\n" + body + "}\n")
              .commit("base");
      repo.rename("src/com/example/Shop.java", "src/com/example/store/Shop.java")
          .write(
              "src/com/example/store/Shop.java",
              "package com.example.store;\nclass Shop {\n    int a() { return 10; }\n"
                  + body
                  + "}\n")
          .commit("move");

      List<ChangedDeclaration> changed = find(repo, base).declarations();

      assertThat(changed)
          .extracting(d -> d.change() + " " + d.symbol() + " " + d.oldSymbol().orElse(null))
          .containsExactly(
              "SIGNATURE_CHANGED com.example.store.Shop com.example.Shop",
              "BODY_CHANGED com.example.store.Shop#a() com.example.Shop#a()");
    }

    @Test
    void aTypeRenamedWithItsFileTakesItsConstructorsAlong() {
      TestRepo repo = repo();
      String members =
          "  int b() { return 2; }\n  int c() { return 3; }\n  int d() { return 4; }\n";
      String base =
          repo.write("src/Cart.java", "class Cart {\n  Cart() {}\n" + members + "}\n")
              .commit("base");
      repo.rename("src/Cart.java", "src/Basket.java")
          .write("src/Basket.java", "class Basket {\n  Basket() {}\n" + members + "}\n")
          .commit("rename");

      assertThat(describe(find(repo, base).declarations()))
          .containsExactly(
              "signature class Basket was Cart",
              "signature constructor Basket#Basket() was Cart#Cart()");
    }
  }

  @Nested
  class Degrading {
    @Test
    void aSyntaxErrorMakesTheFileOneEntryWithADiagnostic() {
      TestRepo repo = repo();
      String base = repo.write(PATH, "class Shop { void a() {} }").commit("base");
      repo.write(PATH, "class Shop { void a() { int x = ; } }")
          .write("src/Fine.java", "class Fine {}")
          .commit("broken");

      ChangedDeclarations.Result result = find(repo, base);

      assertThat(result.declarations())
          .containsExactly(
              new ChangedDeclaration(
                  "src/Fine.java",
                  new Symbol("", "Fine"),
                  Optional.empty(),
                  DeclarationKind.CLASS,
                  DeclarationChange.ADDED,
                  1,
                  1),
              ChangedDeclaration.unknownFile(PATH));
      assertThat(result.diagnostics())
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.path()).contains(PATH);
                assertThat(d.message())
                    .startsWith("the head version does not parse as Java ")
                    .contains("(line 1: illegal start of expression)")
                    .endsWith("so the whole file counts as changed");
              });
    }

    @Test
    void deeplyNestedCodeDoesNotCrash() {
      String parentheses = "(".repeat(5_000) + "1" + ")".repeat(5_000);
      String blocks = "{".repeat(5_000) + "}".repeat(5_000);
      TestRepo repo = repo();
      String base = repo.write(PATH, "class Shop {}").commit("base");
      repo.write(
              PATH,
              "class Shop { int a() { return "
                  + parentheses
                  + "; } void b() "
                  + blocks
                  + " String c() { return \"\""
                  + " + x".repeat(5_000)
                  + "; } }")
          .commit("deep");

      ChangedDeclarations.Result result = find(repo, base);

      assertThat(describe(result.declarations()))
          .containsExactly(
              "added method Shop#a()", "added method Shop#b()", "added method Shop#c()");
      assertThat(result.diagnostics()).isEmpty();
    }

    @Test
    void nestingDeeperThanTheStackAllowsDegradesToAFileEntryAndSparesTheOthers() {
      TestRepo repo = repo();
      String base = repo.write(PATH, "class Shop {}").commit("base");
      repo.write(
              PATH,
              "class Shop { int a() { return "
                  + "(".repeat(20_000)
                  + "1"
                  + ")".repeat(20_000)
                  + "; } }")
          .write("src/Fine.java", "class Fine { void ok() {} }")
          .commit("deep");

      ChangedDeclarations.Result result =
          find(repo, base, new ChangedDeclarations(256 * 1024, Javac::open, Optional.empty()));

      assertThat(describe(result.declarations()))
          .containsExactly("added class Fine", "added method Fine#ok()", "unknown file " + PATH);
      assertThat(result.diagnostics())
          .extracting(Diagnostic::message)
          .containsExactly(
              "the head version is nested too deeply to parse; its declarations were not"
                  + " compared, so the whole file counts as changed");
    }

    @Test
    void aFileOverTheSizeLimitIsNotParsed() {
      TestRepo repo = repo();
      String base = repo.write(PATH, "class Shop {}").commit("base");
      String big =
          "class Shop {\n"
              + "  // padding padding padding padding padding padding\n".repeat(50_000)
              + "}\n";
      assertThat(big.length()).isGreaterThan(ChangedDeclarations.MAX_FILE_BYTES);
      repo.write(PATH, big).commit("big");

      ChangedDeclarations.Result result = find(repo, base);

      assertThat(result.declarations()).containsExactly(ChangedDeclaration.unknownFile(PATH));
      assertThat(result.diagnostics())
          .extracting(Diagnostic::message)
          .containsExactly(
              "the head version is larger than 2 MiB; its declarations were not compared, so the"
                  + " whole file counts as changed");
    }

    @Test
    void aFileThatIsNotUtf8IsReadAsLatin1() {
      TestRepo repo = repo();
      String base =
          repo.write(
                  PATH,
                  "class Caf\u00e9 { String s() { return \"cr\u00e8me\"; } }".getBytes(ISO_8859_1))
              .commit("base");
      repo.write(
              PATH,
              "class Caf\u00e9 { String s() { return \"br\u00fbl\u00e9e\"; } }"
                  .getBytes(ISO_8859_1))
          .commit("change");

      ChangedDeclarations.Result result = find(repo, base);

      assertThat(describe(result.declarations())).containsExactly("body method Caf\u00e9#s()");
      assertThat(result.diagnostics()).isEmpty();
    }

    @Test
    void textIsUtf8WhenItIsElseLatin1AndLosesItsByteOrderMark() {
      String accented = "class Caf\u00e9 {} // \u2014 and a replacement character: \uFFFD";

      assertThat(ChangedDeclarations.decode("class A {}".getBytes(UTF_8))).isEqualTo("class A {}");
      assertThat(ChangedDeclarations.decode(accented.getBytes(UTF_8))).isEqualTo(accented);
      assertThat(ChangedDeclarations.decode("class Caf\u00e9 {}".getBytes(ISO_8859_1)))
          .isEqualTo("class Caf\u00e9 {}");
      assertThat(ChangedDeclarations.decode("\uFEFFclass A {}".getBytes(UTF_8)))
          .isEqualTo("class A {}");
    }

    @Test
    void withoutACompilerEveryJavaFileIsOneEntryAndOneDiagnosticSaysWhy() {
      TestRepo repo = repo();
      String base = repo.write(PATH, "class Shop {}").commit("base");
      repo.write(PATH, "class Shop { void a() {} }").write("README.md", "hi").commit("change");
      Supplier<Optional<SourceParser>> noCompiler = Optional::empty;

      ChangedDeclarations.Result result =
          find(
              repo,
              base,
              new ChangedDeclarations(
                  ChangedDeclarations.STACK_BYTES, noCompiler, Optional.empty()));

      assertThat(result.declarations()).containsExactly(ChangedDeclaration.unknownFile(PATH));
      assertThat(result.diagnostics())
          .extracting(Diagnostic::message)
          .containsExactly(
              "this Java runtime has no compiler (a JRE?), so changed declarations were not"
                  + " found; run Scrutineer on a JDK 17 or later");
    }
  }

  @Nested
  class Cache {
    @Test
    void aSecondFindOfTheSameContentParsesNothingAndFindsTheSame() {
      TestRepo repo = repo();
      String base =
          repo.write(PATH, "class Shop { int a() { return 1; } }")
              .write("src/Gone.java", "class Gone {}")
              .commit("base");
      repo.write(PATH, "class Shop { int a() { return 2; } void b() {} }")
          .delete("src/Gone.java")
          .write("src/New.java", "class New { /* a comment */ }")
          .commit("change");
      Path db = temp.resolve("cache/facts.db");
      ChangedDeclarations.Result first;
      try (DeclarationsCache cache = DeclarationsCache.open(db)) {
        first = find(repo, base, new ChangedDeclarations(cache));
      }

      Recording parser = new Recording();
      ChangedDeclarations.Result second;
      try (DeclarationsCache cache = DeclarationsCache.open(db)) {
        second = find(repo, base, parser.declarations(cache));
        assertThat(cache.diagnostics()).isEmpty();
      }

      assertThat(parser.parsed).isEmpty();
      assertThat(second).isEqualTo(first);
      assertThat(describe(second.declarations()))
          .containsExactly(
              "removed class Gone",
              "added class New",
              "body method Shop#a()",
              "added method Shop#b()");
    }

    @Test
    void aWorkTreeFileIsKeyedByTheIdGitGivesItOnceCommitted() throws IOException {
      TestRepo repo = repo();
      String base = repo.write(PATH, "class Shop { int a() { return 1; } }").commit("base");
      Files.writeString(repo.file(PATH), "class Shop { int a() { return 2; } }");
      Path db = temp.resolve("cache/facts.db");
      try (DeclarationsCache cache = DeclarationsCache.open(db);
          ChangeSession session =
              GitChangeReader.open(
                  new ChangeQuery(repo.dir(), Optional.empty(), Optional.empty(), true))) {
        new ChangedDeclarations(cache).find(session.change(), session.base(), session.head());
      }
      repo.write(PATH, "class Shop { int a() { return 2; } }").commit("change");

      Recording parser = new Recording();
      ChangedDeclarations.Result committed;
      try (DeclarationsCache cache = DeclarationsCache.open(db)) {
        committed = find(repo, base, parser.declarations(cache));
      }

      assertThat(parser.parsed).isEmpty();
      assertThat(describe(committed.declarations())).containsExactly("body method Shop#a()");
    }

    @Test
    void packageAndModuleInfoParseByTheirNamesSoTheyAreParsedEveryTime() {
      TestRepo repo = repo();
      String base =
          repo.write("src/a/package-info.java", "package a;")
              .write(PATH, "class Shop {}")
              .commit("base");
      repo.write("src/a/package-info.java", "@Deprecated package a;")
          .write(PATH, "class Shop { void b() {} }")
          .commit("change");
      Path db = temp.resolve("cache/facts.db");
      try (DeclarationsCache cache = DeclarationsCache.open(db)) {
        find(repo, base, new ChangedDeclarations(cache));
      }

      Recording parser = new Recording();
      try (DeclarationsCache cache = DeclarationsCache.open(db)) {
        find(repo, base, parser.declarations(cache));
      }

      assertThat(parser.parsed).containsExactly("package-info.java", "package-info.java");
    }

    @Test
    void declarationsOfAnotherExtractorVersionAreParsedAgain() {
      TestRepo repo = repo();
      String base = repo.write(PATH, "class Shop {}").commit("base");
      repo.write(PATH, "class Shop { void b() {} }").commit("change");
      Path db = temp.resolve("cache/facts.db");
      try (DeclarationsCache cache = DeclarationsCache.open(db, 1)) {
        find(repo, base, new ChangedDeclarations(cache));
      }

      Recording parser = new Recording();
      try (DeclarationsCache cache = DeclarationsCache.open(db, 2)) {
        find(repo, base, parser.declarations(cache));
      }

      assertThat(parser.parsed).containsExactly("Shop.java", "Shop.java");
    }

    @Test
    void aCacheThatCannotBeUsedLeavesTheResultAsItWasAndSaysWhy() throws IOException {
      TestRepo repo = repo();
      String base = repo.write(PATH, "class Shop {}").commit("base");
      repo.write(PATH, "class Shop { void b() {} }").commit("change");
      Path notADirectory = temp.resolve("a-file");
      Files.writeString(notADirectory, "x");

      try (DeclarationsCache cache = DeclarationsCache.open(notADirectory.resolve("facts.db"))) {
        ChangedDeclarations.Result result = find(repo, base, new ChangedDeclarations(cache));

        assertThat(describe(result.declarations())).containsExactly("added method Shop#b()");
        assertThat(cache.diagnostics())
            .singleElement()
            .extracting(Diagnostic::message)
            .asString()
            .startsWith("the declarations cache in ")
            .contains("cannot be used");
      }
    }
  }

  /** The compiler's parser, noting the name of every file it is given. */
  private static final class Recording {
    final List<String> parsed = new ArrayList<>();

    ChangedDeclarations declarations(DeclarationsCache cache) {
      return new ChangedDeclarations(
          ChangedDeclarations.STACK_BYTES,
          () ->
              Javac.open()
                  .map(
                      javac ->
                          new SourceParser() {
                            @Override
                            public List<Parse> parse(List<Source> sources) {
                              sources.forEach(s -> parsed.add(s.fileName()));
                              return javac.parse(sources);
                            }

                            @Override
                            public void close() {
                              javac.close();
                            }
                          }),
          Optional.of(cache));
    }
  }

  @Nested
  class WorkTree {
    @Test
    void uncommittedEditsAreReadFromTheWorkTree() throws IOException {
      TestRepo repo = repo();
      repo.write(PATH, "class Shop { int a() { return 1; } }").commit("base");
      Files.writeString(
          repo.file(PATH), "class Shop { int a() { return 2; } int b() { return 3; } }");
      Files.writeString(repo.file("src/New.java"), "class New {}");

      ChangedDeclarations.Result result;
      try (ChangeSession session =
          GitChangeReader.open(
              new ChangeQuery(repo.dir(), Optional.empty(), Optional.empty(), true))) {
        result = new ChangedDeclarations().find(session.change(), session.base(), session.head());
      }

      assertThat(describe(result.declarations()))
          .containsExactly("added class New", "body method Shop#a()", "added method Shop#b()");
    }
  }

  // ---------------------------------------------------------------- helpers

  private TestRepo repo() {
    TestRepo repo = TestRepo.init(temp.resolve("repo" + repos.size()));
    repos.add(repo);
    return repo;
  }

  /** What changed when {@link #PATH} goes from {@code before} to {@code after}, described. */
  private List<String> changes(String before, String after) {
    return describe(declarations(before, after));
  }

  private List<ChangedDeclaration> declarations(String before, String after) {
    TestRepo repo = repo();
    String base = repo.write(PATH, before).commit("base");
    repo.write(PATH, after).commit("change");
    ChangedDeclarations.Result result = find(repo, base);
    assertThat(result.diagnostics()).isEmpty();
    return result.declarations();
  }

  private static ChangedDeclarations.Result find(TestRepo repo, String base) {
    return find(repo, base, new ChangedDeclarations());
  }

  private static ChangedDeclarations.Result find(
      TestRepo repo, String base, ChangedDeclarations declarations) {
    try (ChangeSession session =
        GitChangeReader.open(
            new ChangeQuery(repo.dir(), Optional.of(base), Optional.empty(), false))) {
      return declarations.find(session.change(), session.base(), session.head());
    }
  }

  /** {@code body method Shop#run()}, {@code signature class Basket was Cart}. */
  private static List<String> describe(List<ChangedDeclaration> declarations) {
    return declarations.stream()
        .map(
            d ->
                d.change().id()
                    + " "
                    + d.kind().id()
                    + " "
                    + d.symbol().name()
                    + d.oldSymbol().map(old -> " was " + old.name()).orElse(""))
        .toList();
  }
}
