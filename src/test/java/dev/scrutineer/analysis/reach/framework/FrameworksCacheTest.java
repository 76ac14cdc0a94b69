package dev.scrutineer.analysis.reach.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrutineer.analysis.reach.graph.Edge;
import dev.scrutineer.analysis.reach.index.CodeIndex;
import dev.scrutineer.analysis.reach.index.FactsCache;
import dev.scrutineer.model.ChangeSet;
import dev.scrutineer.model.ChangeType;
import dev.scrutineer.model.Content;
import dev.scrutineer.model.FileChange;
import dev.scrutineer.model.FileMode;
import dev.scrutineer.model.Module;
import dev.scrutineer.model.SourceTree;
import dev.scrutineer.model.Symbol;
import dev.scrutineer.store.KeyedFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Framework facts of a merge-base, updated for a change that keeps the declarations of the files it
 * edits, are those a scan of the head finds.
 */
class FrameworksCacheTest {
  private static final String MAIN = "src/main/java/com/acme/shop/";
  private static final String TEST = "src/test/java/com/acme/shop/";

  private static final String CONTROLLER =
      """
      package com.acme.shop;

      import org.springframework.web.bind.annotation.*;

      @RestController
      @RequestMapping("/orders")
      class OrderController {
        @GetMapping("/{id}")
        Order show(@PathVariable long id) {
          return new Order(id);
        }

        @PostMapping
        Order place(@RequestBody Order order) {
          return order;
        }
      }
      """;

  private static final String ORDER =
      """
      package com.acme.shop;

      class Order {
        private final long id;

        Order(long id) {
          this.id = id;
        }

        long getId() {
          return id;
        }
      }
      """;

  private static final String BASE_TEST =
      """
      package com.acme.shop;

      import org.junit.jupiter.api.Test;

      abstract class ApiTestBase {
        @Test
        void answers() {
          client.get("/orders/1");
        }
      }
      """;

  private static final String CONTROLLER_TEST =
      """
      package com.acme.shop;

      import org.junit.jupiter.api.Test;
      import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;

      @WebMvcTest(OrderController.class)
      class OrderControllerTest extends ApiTestBase {
        @Test
        void shows() {
          mvc.perform(get("/orders/7"));
        }

        @Test
        void places() {
          mvc.perform(post("/orders"));
        }
      }
      """;

  private static final String APPLICATION =
      """
      package com.acme.shop;

      @SpringBootApplication
      class ShopApplication {
        public static void main(String[] args) {}
      }
      """;

  private static final String POM =
      "<project><artifactId>shop</artifactId><modules><module>lib</module></modules></project>";

  @TempDir Path cacheDirectory;

  private static Map<String, String> base() {
    Map<String, String> files = new TreeMap<>();
    files.put("pom.xml", POM);
    files.put("lib/pom.xml", "<project><artifactId>shop-lib</artifactId></project>");
    files.put(MAIN + "OrderController.java", CONTROLLER);
    files.put(MAIN + "Order.java", ORDER);
    files.put(MAIN + "ShopApplication.java", APPLICATION);
    files.put(TEST + "ApiTestBase.java", BASE_TEST);
    files.put(TEST + "OrderControllerTest.java", CONTROLLER_TEST);
    // Outside the test sources, a test class only by what it inherits.
    files.put(
        MAIN + "Probe.java",
        "package com.acme.shop;\nclass Probe extends ApiTestBase {\n"
            + "  void check() { get(\"/orders/2\"); }\n}\n");
    return files;
  }

  /** The same declarations, lines moved down and other requests sent: only bodies differ. */
  private static Map<String, String> bodiesEdited() {
    Map<String, String> files = base();
    files.put(
        TEST + "OrderControllerTest.java",
        CONTROLLER_TEST
            .replace("import org.junit", "\n\nimport org.junit")
            .replace("get(\"/orders/7\")", "post(\"/orders\")")
            .replace("post(\"/orders\"));\n", "get(\"/orders/8\"));\n    get(\"/orders/9\");\n"));
    files.put(
        MAIN + "OrderController.java", "\n\n\n" + CONTROLLER.replace("return order;", "x();"));
    files.put(TEST + "ApiTestBase.java", "// moved\n" + BASE_TEST);
    return files;
  }

  @Test
  void aScanUpdatedForEditedBodiesIsTheScanOfTheHead() {
    Map<String, String> head = bodiesEdited();
    CodeIndex baseIndex = index(base());
    CodeIndex headIndex = index(head);
    Set<String> edited = edited(base(), head);
    TypeIndex headTypes = new TypeIndex(headIndex.files());

    CodeFrameworks baseScan = Updates.scan(base());
    CodeFrameworks fromBase =
        baseScan.update(
            headTypes, edited, FrameworksCache.declaringTheSame(edited, baseIndex, headIndex));
    CodeFrameworks scanned = Updates.scan(head);

    Updates.assertSame(fromBase, scanned);
    // Not so because nothing moved: every edited file's edges are at other lines, or to others.
    for (String path : edited) {
      assertThat(edgesOf(scanned, path)).isNotEqualTo(edgesOf(baseScan, path));
    }
    assertThat(scanned.modules())
        .containsExactly(new Module("shop", "", true), new Module("shop-lib", "lib", false));
  }

  @Test
  void theStoredFactsOfTheMergeBaseAreUsedForAChangeThatKeepsDeclarations() throws IOException {
    Map<String, String> head = bodiesEdited();
    ChangeSet change = change(base(), head);
    FrameworksCache cache = FrameworksCache.in(cacheDirectory);
    FrameworkFacts full = FrameworkFacts.analyze(index(head).files(), tree(head), change);

    FrameworkFacts first = analyze(cache, base(), head, change);
    FrameworkFacts second = analyze(cache, base(), head, change);

    assertThat(first).isEqualTo(full);
    assertThat(second).isEqualTo(full);
    try (var stored = Files.list(cacheDirectory)) {
      assertThat(stored.map(p -> p.getFileName().toString()))
          .singleElement()
          .asString()
          .endsWith(".frameworks");
    }
    assertThat(cache.diagnostics()).isEmpty();
  }

  @Test
  void storedFindingsAreKeptForTheTypesAChangeCannotAffectAndTheModulesUnlessTheBuildChanges()
      throws IOException {
    // Facts stored under the merge-base's key with entry points and a module no scan finds: each
    // seen only when kept. The controller looks the name Order up (it binds an Order); the
    // application does not.
    CodeFrameworks scanned = Updates.scan(base());
    Symbol application = symbol("ShopApplication#main(String[])");
    Symbol controller = symbol("OrderController#show(long)");
    List<CodeFrameworks.TypeRules> marked = new ArrayList<>();
    for (CodeFrameworks.TypeRules type : scanned.types()) {
      Map<Symbol, List<EntryPointSpec>> entryPoints = new LinkedHashMap<>(type.entryPoints());
      entryPoints.replaceAll(
          (symbol, specs) ->
              symbol.equals(application) || symbol.equals(controller)
                  ? List.of(new EntryPointSpec("main", "marker"))
                  : specs);
      marked.add(
          new CodeFrameworks.TypeRules(
              type.path(),
              type.type(),
              entryPoints,
              type.handlers(),
              type.tests(),
              type.testClass(),
              type.application(),
              type.edges(),
              type.reads()));
    }
    List<Module> layout = new ArrayList<>(scanned.layout());
    Module markerModule = new Module("marker", "marker", false);
    layout.add(markerModule);
    Files.createDirectories(cacheDirectory);
    Files.write(
        cacheDirectory.resolve(key(base()) + ".frameworks"),
        stored(base(), new CodeFrameworks(marked, layout, scanned.diagnostics())));
    FrameworksCache cache = FrameworksCache.in(cacheDirectory);

    Map<String, String> bodies = base();
    bodies.put(MAIN + "Order.java", ORDER.replace("return id;", "return id + 0;"));
    FrameworkFacts kept = analyze(cache, base(), bodies, change(base(), bodies));
    assertThat(labels(kept, application)).containsExactly("marker");
    assertThat(labels(kept, controller)).containsExactly("marker");
    assertThat(kept.modules()).contains(markerModule);

    Map<String, String> controllerEdited = bodiesEdited(); // the controller's own file too
    FrameworkFacts own = analyze(cache, base(), controllerEdited, change(base(), controllerEdited));
    assertThat(labels(own, application)).containsExactly("marker");
    assertThat(labels(own, controller)).containsExactly("GET /orders/{id}");

    Map<String, String> reshaped = base();
    reshaped.put(MAIN + "Order.java", ORDER.replace("long getId()", "long getId(int unit)"));
    FrameworkFacts rescanned = analyze(cache, base(), reshaped, change(base(), reshaped));
    assertThat(labels(rescanned, application)).containsExactly("marker");
    assertThat(labels(rescanned, controller)).containsExactly("GET /orders/{id}");
    assertThat(rescanned.modules()).contains(markerModule);

    Map<String, String> rebuilt = base();
    rebuilt.put("lib/pom.xml", "<project><artifactId>lib</artifactId></project>");
    FrameworkFacts relaidOut = analyze(cache, base(), rebuilt, change(base(), rebuilt));
    assertThat(relaidOut.modules())
        .doesNotContain(markerModule)
        .contains(new Module("lib", "lib", false));
    assertThat(labels(relaidOut, application)).containsExactly("marker");
  }

  @Test
  void aFileDeclaresTheSameWhenOnlyItsBodiesAndLinesDiffer() {
    Map<String, String> base = base();
    Map<String, String> head = bodiesEdited();
    assertThat(declaringTheSame(base, head)).isNotEmpty().isEqualTo(edited(base, head));

    List<java.util.function.Consumer<Map<String, String>>> edits =
        new ArrayList<>(reshapingEdits());
    edits.add(files -> files.put(MAIN + "Order.java", "import java.util.List;\n" + ORDER));
    for (var edit : edits) {
      Map<String, String> changed = base();
      edit.accept(changed);
      assertThat(declaringTheSame(base, changed)).as(changed.toString()).isEmpty();
    }
  }

  /** Edits of Java files that change what they declare, each on its own. */
  private static List<java.util.function.Consumer<Map<String, String>>> reshapingEdits() {
    return List.of(
        files ->
            files.put(MAIN + "Order.java", ORDER.replace("}\n}", "}\n  long getTotal() {}\n}")),
        files -> files.put(MAIN + "Order.java", ORDER.replace("class Order", "final class Order")),
        files -> files.put(MAIN + "Item.java", "package com.acme.shop;\nclass Item {}\n"),
        files -> files.remove(TEST + "ApiTestBase.java"),
        files -> files.put(TEST + "ApiTestBase.java", BASE_TEST.replace("@Test\n", "")),
        files ->
            files.put(
                TEST + "OrderControllerTest.java",
                CONTROLLER_TEST
                    .replace("extends ApiTestBase ", "")
                    .replace("@Test\n  void places", "void places")),
        files ->
            files.put(
                MAIN + "OrderController.java",
                CONTROLLER.replace("@GetMapping(\"/{id}\")", "@GetMapping(\"/{id}/view\")")),
        files ->
            files.put(
                TEST + "OtherTest.java",
                "package com.acme.shop;\nclass OtherTest extends ApiTestBase {\n"
                    + "  void x() { get(\"/orders\"); }\n}\n"));
  }

  @Test
  void anUpdateForAChangeThatReshapesDeclarationsIsTheScanOfTheHeadBothWays() {
    for (var edit : reshapingEdits()) {
      Map<String, String> head = base();
      edit.accept(head);
      Updates.assertUpdateIsScan(base(), head);
      Updates.assertUpdateIsScan(head, base());
    }
  }

  @Test
  void theMergeBasesFactsStoredFromAChangeAreThoseOfAScanOfIt() throws IOException {
    CodeIndex baseIndex = index(base());
    CodeFrameworks scanned =
        CodeFrameworks.scan(
            new TypeIndex(baseIndex.files()), baseIndex.files(), tree(base()), List.of());
    List<java.util.function.Consumer<Map<String, String>>> edits =
        new ArrayList<>(reshapingEdits());
    edits.add(files -> files.putAll(bodiesEdited()));
    int run = 0;
    for (var edit : edits) {
      Map<String, String> head = base();
      edit.accept(head);
      Path directory = cacheDirectory.resolve("run" + run++);
      analyze(FrameworksCache.in(directory), base(), head, change(base(), head));

      String key = key(base());
      assertThat(
              FrameworksCodec.decode(KeyedFiles.map(directory.resolve(key + ".frameworks")))
                  .facts())
          .as(head.keySet().toString())
          .isEqualTo(scanned);
    }
  }

  @Test
  void aMergeBaseThatMovedStartsFromTheFactsLastStoredAndStoresNone() throws IOException {
    // The facts of the merge-base before, stored with a module no scan finds: seen only when used.
    CodeFrameworks before = Updates.scan(base());
    List<Module> modules = new ArrayList<>(before.layout());
    modules.add(new Module("marker", "marker", false));
    Files.createDirectories(cacheDirectory);
    Files.write(
        cacheDirectory.resolve(key(base()) + ".frameworks"),
        stored(base(), new CodeFrameworks(before.types(), modules, before.diagnostics())));
    for (var edit : reshapingEdits()) {
      Map<String, String> moved = base();
      moved.put(TEST + "MovedTest.java", "package com.acme.shop;\nclass MovedTest {}\n");
      moved.put(
          TEST + "ApiTestBase.java", BASE_TEST.replace("get(\"/orders/1\")", "post(\"/orders\")"));
      Map<String, String> head = new TreeMap<>(moved);
      edit.accept(head);
      ChangeSet change = change(moved, head);

      FrameworkFacts facts = analyze(FrameworksCache.in(cacheDirectory), moved, head, change);

      List<Module> withoutMarker = new ArrayList<>(facts.modules());
      assertThat(withoutMarker.remove(new Module("marker", "marker", false))).isTrue();
      FrameworkFacts full = FrameworkFacts.analyze(index(head).files(), tree(head), change);
      assertThat(facts.edges()).isEqualTo(full.edges());
      assertThat(facts.entryPoints()).isEqualTo(full.entryPoints());
      assertThat(facts.tests()).isEqualTo(full.tests());
      assertThat(withoutMarker).isEqualTo(full.modules());
    }
    try (var files = Files.list(cacheDirectory)) {
      assertThat(files).hasSize(1);
    }
  }

  @Test
  void anUpdateKeepsTheRequestsOfTestsUntilTheHandlersChange() {
    CodeIndex baseIndex = index(base());
    TypeIndex types = new TypeIndex(baseIndex.files());
    CodeFrameworks before = Updates.scan(base());
    String test = TEST + "ApiTestBase.java";
    List<CodeFrameworks.TypeRules> marked = new ArrayList<>();
    for (CodeFrameworks.TypeRules type : before.types()) {
      marked.add(
          type.path().equals(test)
              ? type.withEdges(
                  CodeFrameworks.REQUEST_PATHS,
                  type.edges().get(CodeFrameworks.REQUEST_PATHS).stream()
                      .map(e -> new Edge(e.from(), e.to(), e.via(), e.confidence(), 999))
                      .toList())
              : type);
    }
    CodeFrameworks stored = new CodeFrameworks(marked, before.layout(), before.diagnostics());

    List<Integer> lines =
        edgesOf(stored.update(types, Set.of(MAIN + "Order.java"), Set.of()), test).stream()
            .map(Edge::line)
            .toList();
    assertThat(lines).isNotEmpty().containsOnly(999);
    // A changed handler sends every test's requests to be matched again.
    Map<String, String> head = base();
    head.put(
        MAIN + "OrderController.java",
        CONTROLLER.replace("@PostMapping\n", "@PostMapping(\"/new\")\n"));
    CodeIndex headIndex = index(head);
    assertThat(
            edgesOf(
                stored.update(
                    new TypeIndex(headIndex.files()),
                    Set.of(MAIN + "OrderController.java"),
                    Set.of()),
                test))
        .isNotEmpty()
        .noneMatch(e -> e.line() == 999);
  }

  @Test
  void damagedOrForeignBytesAreNotFacts() {
    CodeIndex baseIndex = index(base());
    byte[] bytes = stored(base(), Updates.scan(base()));
    byte[] damaged = bytes.clone();
    damaged[damaged.length / 2] ^= 1;

    assertThatThrownBy(() -> FrameworksCodec.decode(ByteBuffer.wrap(damaged)))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> FrameworksCodec.decode(ByteBuffer.wrap(Arrays.copyOf(bytes, 40))))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> FrameworksCodec.decode(ByteBuffer.wrap(new byte[3])))
        .isInstanceOf(IOException.class);
  }

  @Test
  void factsThatCannotBeReadAreFoundAgain() throws IOException {
    Map<String, String> head = bodiesEdited();
    ChangeSet change = change(base(), head);
    String key = key(base());
    Files.createDirectories(cacheDirectory);
    Files.write(cacheDirectory.resolve(key + ".frameworks"), new byte[] {1, 2, 3});

    FrameworkFacts facts = analyze(FrameworksCache.in(cacheDirectory), base(), head, change);

    assertThat(facts).isEqualTo(FrameworkFacts.analyze(index(head).files(), tree(head), change));
  }

  // ---------------------------------------------------------------- helpers

  /** A stand-in for the stored graph's key: the files' contents. */
  private static String baseKey(Map<String, String> files) {
    return Integer.toHexString(files.hashCode());
  }

  private static String key(Map<String, String> files) {
    java.util.SortedMap<String, String> buildFiles = new TreeMap<>();
    files.forEach(
        (path, text) -> {
          if (BuildModules.isBuildFile(path)) {
            buildFiles.put(path, SourceTree.gitBlobId(text.getBytes()));
          }
        });
    return FrameworksCache.key(baseKey(files), buildFiles);
  }

  /** The merge-base's facts as the cache stores them. */
  private static byte[] stored(Map<String, String> files, CodeFrameworks facts) {
    java.util.SortedMap<String, String> buildFiles = new TreeMap<>();
    files.forEach(
        (path, text) -> {
          if (BuildModules.isBuildFile(path)) {
            buildFiles.put(path, SourceTree.gitBlobId(text.getBytes()));
          }
        });
    return FrameworksCodec.encode(
        new FrameworksCache.Stored(
            FrameworksCache.RULES, new TreeMap<>(index(files).contentIds()), buildFiles, facts));
  }

  private static FrameworkFacts analyze(
      FrameworksCache cache, Map<String, String> base, Map<String, String> head, ChangeSet change) {
    CodeIndex baseIndex = index(base);
    return cache.analyze(baseKey(base), baseIndex, tree(base), index(head), tree(head), change);
  }

  /** The edges of the types of the file at {@code path}, every rule's. */
  private static List<Edge> edgesOf(CodeFrameworks code, String path) {
    return code.types().stream()
        .filter(type -> type.path().equals(path))
        .flatMap(type -> type.edges().stream())
        .flatMap(List::stream)
        .toList();
  }

  private static Set<String> declaringTheSame(Map<String, String> base, Map<String, String> head) {
    return FrameworksCache.declaringTheSame(
        Updates.javaChanged(base, head), index(base), index(head));
  }

  private static List<String> labels(FrameworkFacts facts, Symbol member) {
    return facts.entryPointsOf(member).stream().map(EntryPointSpec::label).toList();
  }

  private static Symbol symbol(String name) {
    return new Symbol("com.acme.shop", name);
  }

  private static Set<String> edited(Map<String, String> base, Map<String, String> head) {
    Set<String> edited = new java.util.TreeSet<>();
    head.forEach(
        (path, text) -> {
          if (path.endsWith(".java") && !text.equals(base.get(path))) {
            edited.add(path);
          }
        });
    return edited;
  }

  private static CodeIndex index(Map<String, String> files) {
    return CodeIndex.build(tree(files), FactsCache.inMemory(), 1);
  }

  private static SourceTree tree(Map<String, String> files) {
    return MemoryTree.listing(files);
  }

  /** Each file added, deleted or modified between the two sides. */
  private static ChangeSet change(Map<String, String> base, Map<String, String> head) {
    List<FileChange> files = new ArrayList<>();
    Set<String> paths = new java.util.TreeSet<>(base.keySet());
    paths.addAll(head.keySet());
    for (String path : paths) {
      String before = base.get(path);
      String after = head.get(path);
      if (before != null && before.equals(after)) {
        continue;
      }
      ChangeType type =
          before == null
              ? ChangeType.ADDED
              : after == null ? ChangeType.DELETED : ChangeType.MODIFIED;
      files.add(
          new FileChange(
              type,
              before == null ? Optional.empty() : Optional.of(path),
              after == null ? Optional.empty() : Optional.of(path),
              before == null ? FileMode.MISSING : FileMode.REGULAR,
              after == null ? FileMode.MISSING : FileMode.REGULAR,
              Optional.ofNullable(before).map(t -> SourceTree.gitBlobId(t.getBytes())),
              Optional.ofNullable(after).map(t -> SourceTree.gitBlobId(t.getBytes())),
              0,
              Content.TEXT,
              false,
              Optional.empty(),
              List.of(),
              0,
              0));
    }
    ChangeSet empty = Fixtures.change();
    return new ChangeSet(
        empty.base(), empty.mergeBase(), empty.head(), List.of(), files, List.of());
  }
}
