package dev.scrutineer.analysis.reach.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrutineer.analysis.reach.index.CodeIndex;
import dev.scrutineer.analysis.reach.index.FactsCache;
import dev.scrutineer.model.ChangeSet;
import dev.scrutineer.model.ChangeType;
import dev.scrutineer.model.Content;
import dev.scrutineer.model.FileChange;
import dev.scrutineer.model.FileMode;
import dev.scrutineer.model.Module;
import dev.scrutineer.model.SourceTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
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

    CodeFrameworks fromBase =
        CodeFrameworks.scan(
                new TypeIndex(baseIndex.files()), baseIndex.files(), tree(base()), List.of())
            .replacing(headTypes, edited);
    CodeFrameworks scanned =
        CodeFrameworks.scan(headTypes, headIndex.files(), tree(head), List.of());

    assertThat(fromBase).isEqualTo(scanned);
    // Not so because nothing moved: every edited file's edges are at other lines, or to others.
    CodeFrameworks baseScan =
        CodeFrameworks.scan(
            new TypeIndex(baseIndex.files()), baseIndex.files(), tree(base()), List.of());
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
  void storedFactsAreUsedWholeForAChangeThatKeepsDeclarationsAndTheirModulesOtherwise()
      throws IOException {
    // Facts stored under the merge-base's key with an entry point and a module no scan finds: each
    // seen only when used.
    CodeIndex baseIndex = index(base());
    String key = key(base());
    CodeFrameworks scanned =
        CodeFrameworks.scan(
            new TypeIndex(baseIndex.files()), baseIndex.files(), tree(base()), List.of());
    Map<dev.scrutineer.model.Symbol, List<EntryPointSpec>> entryPoints =
        new java.util.LinkedHashMap<>(scanned.entryPoints());
    dev.scrutineer.model.Symbol marker = new dev.scrutineer.model.Symbol("x", "Marker#run()");
    entryPoints.put(marker, List.of(new EntryPointSpec("main", "marker")));
    List<Module> modules = new ArrayList<>(scanned.modules());
    modules.add(new Module("marker", "marker", false));
    Files.createDirectories(cacheDirectory);
    Files.write(
        cacheDirectory.resolve(key + ".frameworks"),
        stored(
            base(),
            new CodeFrameworks(
                entryPoints,
                scanned.tests(),
                scanned.testClasses(),
                scanned.handlers(),
                scanned.edges(),
                modules,
                scanned.diagnostics())));
    FrameworksCache cache = FrameworksCache.in(cacheDirectory);
    Module markerModule = new Module("marker", "marker", false);

    Map<String, String> kept = bodiesEdited();
    FrameworkFacts whole = analyze(cache, base(), kept, change(base(), kept));
    assertThat(whole.entryPoints()).containsKey(marker);
    assertThat(whole.modules()).contains(markerModule);

    Map<String, String> reshaped = base();
    reshaped.put(MAIN + "Order.java", ORDER.replace("long getId()", "long getId(int unit)"));
    FrameworkFacts rescanned = analyze(cache, base(), reshaped, change(base(), reshaped));
    assertThat(rescanned.entryPoints()).doesNotContainKey(marker);
    assertThat(rescanned.modules()).contains(markerModule);

    Map<String, String> rebuilt = base();
    rebuilt.put("lib/pom.xml", "<project><artifactId>lib</artifactId></project>");
    assertThat(analyze(cache, base(), rebuilt, change(base(), rebuilt)).modules())
        .doesNotContain(markerModule);
  }

  @Test
  void aChangeKeepsDeclarationsOnlyWhenItEditsJavaBodiesInPlace() {
    Map<String, String> base = base();
    assertThat(
            FrameworksCache.editedKeepingDeclarations(change(base, base), index(base), index(base)))
        .contains(Set.of());
    Map<String, String> head = bodiesEdited();
    assertThat(editedKeeping(base, head)).contains(edited(base, head));

    Map<String, String> readme = base();
    readme.put("README.md", "# shop");
    assertThat(editedKeeping(base, readme)).contains(Set.of());

    List<java.util.function.Consumer<Map<String, String>>> edits =
        new ArrayList<>(reshapingEdits());
    edits.add(files -> files.put(MAIN + "Order.java", "import java.util.List;\n" + ORDER));
    edits.add(files -> files.put("lib/pom.xml", "<project><artifactId>lib</artifactId></project>"));
    edits.add(
        files ->
            files.put(
                MAIN + "Order.java",
                "import io.micronaut.runtime.Micronaut;\n"
                    + ORDER.replace("return id;", "Micronaut.run(); return id;")));
    for (var edit : edits) {
      Map<String, String> changed = base();
      edit.accept(changed);
      assertThat(editedKeeping(base, changed)).as(changed.toString()).isEmpty();
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
  void aRescanWithTheMergeBasesModulesAndRequestsIsTheScanOfTheHead() {
    CodeIndex baseIndex = index(base());
    CodeFrameworks before =
        CodeFrameworks.scan(
            new TypeIndex(baseIndex.files()), baseIndex.files(), tree(base()), List.of());
    for (var edit : reshapingEdits()) {
      Map<String, String> head = base();
      edit.accept(head);
      CodeIndex headIndex = index(head);
      TypeIndex headTypes = new TypeIndex(headIndex.files());
      Set<String> changed = new java.util.TreeSet<>(edited(base(), head));
      base().keySet().stream().filter(p -> !head.containsKey(p)).forEach(changed::add);

      assertThat(CodeFrameworks.rescan(headTypes, before, changed))
          .as(changed.toString())
          .isEqualTo(CodeFrameworks.scan(headTypes, headIndex.files(), tree(head), List.of()));
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
              FrameworksCodec.decode(Files.readAllBytes(directory.resolve(key + ".frameworks")))
                  .facts())
          .as(head.keySet().toString())
          .isEqualTo(scanned);
    }
  }

  @Test
  void aMergeBaseThatMovedStartsFromTheFactsLastStoredAndStoresNone() throws IOException {
    // The facts of the merge-base before, stored with a module no scan finds: seen only when used.
    CodeIndex beforeIndex = index(base());
    CodeFrameworks before =
        CodeFrameworks.scan(
            new TypeIndex(beforeIndex.files()), beforeIndex.files(), tree(base()), List.of());
    List<Module> modules = new ArrayList<>(before.modules());
    modules.add(new Module("marker", "marker", false));
    Files.createDirectories(cacheDirectory);
    Files.write(
        cacheDirectory.resolve(key(base()) + ".frameworks"),
        stored(
            base(),
            new CodeFrameworks(
                before.entryPoints(),
                before.tests(),
                before.testClasses(),
                before.handlers(),
                before.edges(),
                modules,
                before.diagnostics())));
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
  void aRescanKeepsTheRequestsOfTestFilesItDoesNotChange() {
    CodeIndex baseIndex = index(base());
    TypeIndex types = new TypeIndex(baseIndex.files());
    CodeFrameworks before = CodeFrameworks.scan(types, baseIndex.files(), tree(base()), List.of());
    String test = TEST + "ApiTestBase.java";
    List<CodeFrameworks.FileEdges> marked = new ArrayList<>();
    for (CodeFrameworks.FileEdges file : before.edges()) {
      boolean requests = file.path().equals(test) && file.rule() == CodeFrameworks.REQUEST_PATHS;
      marked.add(
          requests
              ? new CodeFrameworks.FileEdges(
                  CodeFrameworks.REQUEST_PATHS,
                  test,
                  file.edges().stream()
                      .map(
                          e ->
                              new dev.scrutineer.analysis.reach.graph.Edge(
                                  e.from(), e.to(), e.via(), e.confidence(), 999))
                      .toList())
              : file);
    }
    CodeFrameworks stored =
        new CodeFrameworks(
            before.entryPoints(),
            before.tests(),
            before.testClasses(),
            before.handlers(),
            marked,
            before.modules(),
            before.diagnostics());

    List<Integer> lines =
        edgesOf(CodeFrameworks.rescan(types, stored, Set.of(MAIN + "Order.java")), test).stream()
            .flatMap(file -> file.edges().stream())
            .map(dev.scrutineer.analysis.reach.graph.Edge::line)
            .toList();
    assertThat(lines).isNotEmpty().containsOnly(999);
    // A changed handler sends every test's requests to be matched again.
    Map<String, String> head = base();
    head.put(
        MAIN + "OrderController.java",
        CONTROLLER.replace("@GetMapping(\"/{id}\")", "@GetMapping(\"/{id}/view\")"));
    CodeIndex headIndex = index(head);
    assertThat(
            edgesOf(
                CodeFrameworks.rescan(
                    new TypeIndex(headIndex.files()),
                    stored,
                    Set.of(MAIN + "OrderController.java")),
                test))
        .flatMap(CodeFrameworks.FileEdges::edges)
        .noneMatch(e -> e.line() == 999);
  }

  @Test
  void damagedOrForeignBytesAreNotFacts() {
    CodeIndex baseIndex = index(base());
    byte[] bytes =
        stored(
            base(),
            CodeFrameworks.scan(
                new TypeIndex(baseIndex.files()), baseIndex.files(), tree(base()), List.of()));
    byte[] damaged = bytes.clone();
    damaged[damaged.length / 2] ^= 1;

    assertThatThrownBy(() -> FrameworksCodec.decode(damaged)).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> FrameworksCodec.decode(Arrays.copyOf(bytes, 40)))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> FrameworksCodec.decode(new byte[3])).isInstanceOf(IOException.class);
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
    return cache.analyze(
        baseKey(base),
        baseIndex.contentIds(),
        baseIndex,
        tree(base),
        index(head),
        tree(head),
        change);
  }

  private static Optional<Set<String>> editedKeeping(
      Map<String, String> base, Map<String, String> head) {
    return FrameworksCache.editedKeepingDeclarations(change(base, head), index(base), index(head));
  }

  private static List<CodeFrameworks.FileEdges> edgesOf(CodeFrameworks code, String path) {
    return code.edges().stream().filter(e -> e.path().equals(path)).toList();
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

  /** A tree of these files that lists them, as a commit's does. */
  private static SourceTree tree(Map<String, String> files) {
    MemoryTree memory = new MemoryTree();
    files.forEach(memory::put);
    List<String> paths = List.copyOf(files.keySet());
    return new SourceTree() {
      @Override
      public OptionalLong size(String path) {
        return memory.size(path);
      }

      @Override
      public Optional<byte[]> read(String path) {
        return memory.read(path);
      }

      @Override
      public List<String> paths() {
        return paths;
      }
    };
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
