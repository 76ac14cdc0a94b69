package dev.scrutineer.analysis.reach.index;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrutineer.model.SourceTree;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Building the index from a tree and a cache, and keeping it up to date. */
class CodeIndexTest {
  @TempDir Path temp;

  static final Map<String, String> FILES =
      Map.of(
          "src/a/A.java", "package a; public class A { void run() { new B().go(); } }",
          "src/a/B.java", "package a; class B { void go() {} }",
          "src/a/Broken.java", "package a; class Broken { void m( }",
          "README.md", "not java");

  @Test
  void indexesJavaFilesAndReusesTheCacheOnTheSecondRun() {
    SourceTree tree = tree(FILES);
    try (FactsCache cache = FactsCache.open(temp.resolve("cache/facts.db"))) {
      CodeIndex cold = CodeIndex.build(tree, cache, 2);
      assertThat(cold.files())
          .extracting(FileFacts::path)
          .containsExactly("src/a/A.java", "src/a/B.java", "src/a/Broken.java");
      assertThat(cold.stats().files()).isEqualTo(3);
      assertThat(cold.stats().extracted()).isEqualTo(3);
      assertThat(cold.stats().fromCache()).isZero();
      assertThat(cold.stats().unreadable()).isEqualTo(1);
      assertThat(cold.file("src/a/Broken.java").orElseThrow().problem()).isPresent();
      assertThat(cold.diagnostics()).isEmpty();
    }
    try (FactsCache cache = FactsCache.open(temp.resolve("cache/facts.db"))) {
      CodeIndex warm = CodeIndex.build(tree, cache, 2);
      assertThat(warm.stats().fromCache()).isEqualTo(3);
      assertThat(warm.stats().extracted()).isZero();
      assertThat(warm.files()).isEqualTo(CodeIndex.build(tree, FactsCache.none(), 1).files());
    }
  }

  @Test
  void theSameContentAtAnotherPathIsACacheHitWithItsOwnPath() {
    FactsCache cache = FactsCache.inMemory();
    CodeIndex.build(tree(Map.of("x/A.java", FILES.get("src/a/A.java"))), cache, 1);
    CodeIndex moved =
        CodeIndex.build(tree(Map.of("y/A.java", FILES.get("src/a/A.java"))), cache, 1);
    assertThat(moved.stats().fromCache()).isEqualTo(1);
    assertThat(moved.file("y/A.java").orElseThrow().path()).isEqualTo("y/A.java");
  }

  @Test
  void aNewExtractorVersionIgnoresOldFacts() {
    Path db = temp.resolve("facts.db");
    SourceTree tree = tree(FILES);
    try (FactsCache cache = SqliteFactsCache.open(db, 1)) {
      CodeIndex.build(tree, cache, 1);
    }
    try (FactsCache cache = SqliteFactsCache.open(db, 2)) {
      assertThat(CodeIndex.build(tree, cache, 1).stats().fromCache()).isZero();
    }
    try (FactsCache cache = SqliteFactsCache.open(db, 2)) {
      assertThat(CodeIndex.build(tree, cache, 1).stats().fromCache()).isEqualTo(3);
    }
  }

  @Test
  void aCorruptCacheDegradesToNoCacheWithOneDiagnostic() throws IOException {
    Path db = temp.resolve("facts.db");
    Files.write(db, "this is not a database, just junk ".repeat(500).getBytes(UTF_8));
    try (FactsCache cache = FactsCache.open(db)) {
      CodeIndex index = CodeIndex.build(tree(FILES), cache, 2);
      assertThat(index.stats().extracted()).isEqualTo(3);
      assertThat(index.file("src/a/A.java").orElseThrow().problem()).isEmpty();
      assertThat(index.diagnostics()).hasSize(1);
      assertThat(index.diagnostics().get(0).message()).contains("facts cache", "cannot be used");
    }
  }

  @Test
  void anUnwritableCacheDirectoryDegradesToNoCache() throws IOException {
    Path file = temp.resolve("a-file");
    Files.writeString(file, "x");
    try (FactsCache cache = FactsCache.open(file.resolve("sub/facts.db"))) {
      CodeIndex index = CodeIndex.build(tree(FILES), cache, 1);
      assertThat(index.stats().extracted()).isEqualTo(3);
      assertThat(index.diagnostics()).hasSize(1);
    }
  }

  @Test
  void damagedRowsAreMissesAndAreReplaced() {
    FactsCache cache = FactsCache.inMemory();
    SourceTree tree = tree(Map.of("A.java", "class A {}"));
    String blob = tree.blobId("A.java").orElseThrow();
    try (FactsCache sqlite = FactsCache.open(temp.resolve("d.db"))) {
      sqlite.store(Map.of(blob, FileFacts.unreadable("", "x")));
      assertThat(sqlite.load(Map.of("A.java", blob))).containsKey("A.java");
    }
    assertThat(FactsCodec.decode("A.java", FactsCodec.encode(FileFacts.unreadable("", "x"))))
        .isEqualTo(FileFacts.unreadable("A.java", "x"));
    assertThat(cache.load(Map.of("A.java", blob))).isEmpty();
    assertThatThrownBy(() -> FactsCodec.decode("A.java", new byte[] {1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void truncatedRowsAndRowsOfTheDeflatedFormatAreRefused() {
    FileFacts facts = CodeIndex.build(tree(FILES), FactsCache.none(), 1).files().iterator().next();
    byte[] row = FactsCodec.encode(facts);
    for (int length = 0; length < row.length; length += Math.max(1, row.length / 50)) {
      byte[] cut = Arrays.copyOf(row, length);
      assertThatThrownBy(() -> FactsCodec.decode("A.java", cut))
          .isInstanceOf(IllegalArgumentException.class);
    }
    ByteArrayOutputStream deflated = new ByteArrayOutputStream();
    try (var out = new DeflaterOutputStream(deflated)) {
      out.write(row);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThatThrownBy(() -> FactsCodec.decode("A.java", deflated.toByteArray()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theCodecKeepsEveryFact() {
    CodeIndex index = CodeIndex.build(fixtureTree(), FactsCache.none(), 2);
    for (FileFacts facts : index.files()) {
      assertThat(FactsCodec.decode(facts.path(), FactsCodec.encode(facts))).isEqualTo(facts);
    }
  }

  @Test
  void incrementalUpdatesReadOnlyTheGivenFiles() {
    FactsCache cache = FactsCache.inMemory();
    CodeIndex index = CodeIndex.build(tree(FILES), cache, 2);
    Map<String, String> head = new HashMap<>(FILES);
    head.put("src/a/B.java", "package a; class B { void go() { stop(); } void stop() {} }");
    head.put("src/a/C.java", "package a; class C {}");
    head.remove("src/a/Broken.java");
    CodeIndex updated =
        index.withFiles(
            tree(head), List.of("src/a/B.java", "src/a/C.java"), List.of("src/a/Broken.java"));
    assertThat(updated.files())
        .extracting(FileFacts::path)
        .containsExactly("src/a/A.java", "src/a/B.java", "src/a/C.java");
    assertThat(updated.stats().extracted()).isEqualTo(2);
    assertThat(updated.stats().unreadable()).isZero();
    assertThat(updated.file("src/a/B.java").orElseThrow().types().get(0).members()).hasSize(2);
    assertThat(updated.file("src/a/A.java")).isEqualTo(index.file("src/a/A.java"));
    assertThat(index.file("src/a/Broken.java")).isPresent();
  }

  @Test
  void filesReadAheadAreTakenAsTheyWereRead() {
    CodeIndex index = CodeIndex.build(tree(FILES), FactsCache.inMemory(), 2);
    Map<String, String> head = new HashMap<>(FILES);
    head.put("src/a/B.java", "package a; class B { void go() { stop(); } void stop() {} }");
    head.put("src/a/C.java", "package a; class C {}");
    SourceTree headTree = tree(head);
    List<String> changed = List.of("src/a/C.java", "src/a/B.java", "README.md");
    CodeIndex read = index.withFiles(headTree, changed, List.of());

    try (ReadAhead ahead = ReadAhead.start(headTree, changed, FactsCache.inMemory(), 1)) {
      CodeIndex taken = index.withFiles(headTree, changed, List.of(), ahead);
      assertThat(taken.files()).isEqualTo(read.files());
      assertThat(taken.contentIds()).isEqualTo(read.contentIds());
      assertThat(taken.stats().extracted()).isEqualTo(2); // read once, ahead
    }
    // Read ahead for other files or another tree, it is not taken.
    try (ReadAhead other =
        ReadAhead.start(headTree, List.of("src/a/B.java"), FactsCache.inMemory(), 1)) {
      assertThat(index.withFiles(headTree, changed, List.of(), other).files())
          .isEqualTo(read.files());
    }
    Map<String, String> otherHead = new HashMap<>(head);
    otherHead.put("src/a/C.java", "package a; class C { int other; }");
    try (ReadAhead other = ReadAhead.start(tree(otherHead), changed, FactsCache.inMemory(), 1)) {
      assertThat(index.withFiles(headTree, changed, List.of(), other).files())
          .isEqualTo(read.files());
    }
  }

  @Test
  void hugeFilesAreUnreadableWithAReason() {
    String huge = "class Huge { String s = \"" + "x".repeat(2 * 1024 * 1024) + "\"; }";
    CodeIndex index = CodeIndex.build(tree(Map.of("Huge.java", huge)), FactsCache.none(), 1);
    assertThat(index.file("Huge.java").orElseThrow().problem()).contains("is larger than 2 MiB");
  }

  static SourceTree fixtureTree() {
    Map<String, byte[]> files = new HashMap<>();
    Path root = Path.of("src/test/resources/reach-fixtures");
    try (var walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return SourceTree.of(files);
  }

  static SourceTree tree(Map<String, String> texts) {
    Map<String, byte[]> files = new HashMap<>();
    texts.forEach((path, text) -> files.put(path, text.getBytes(UTF_8)));
    return SourceTree.of(files);
  }
}
