package dev.scrutineer.analysis.reach.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrutineer.model.SourceTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every file's facts of a tree stored in one pack, and read back in place of the facts cache. */
class FactsPacksTest {
  @TempDir Path temp;

  private static final Map<String, String> FILES = CodeIndexTest.FILES;

  @Test
  void aTreeBuiltASecondTimeIsPackedAndReadFromItsPackThereafter() throws IOException {
    SourceTree tree = CodeIndexTest.tree(FILES);
    Path directory = temp.resolve("packs");
    FactsPacks packs = FactsPacks.in(directory);
    CodeIndex first = CodeIndex.build(tree, FactsCache.none(), packs, 2);
    assertThat(first.stats().extracted()).isEqualTo(3);
    assertThat(packsIn(directory)).isEmpty(); // a tree seen once, as most merge-bases in CI

    CodeIndex second = CodeIndex.build(tree, FactsCache.none(), packs, 2);
    assertThat(second.stats().extracted()).isEqualTo(3);
    assertThat(packsIn(directory)).hasSize(1);

    // No facts cache: what is not parsed comes from the pack.
    CodeIndex third = CodeIndex.build(tree, FactsCache.none(), packs, 2);
    assertThat(third.stats().extracted()).isZero();
    assertThat(third.stats().fromCache()).isEqualTo(3);
    assertThat(third.files()).isEqualTo(first.files());
    assertThat(third.contentIds()).isEqualTo(first.contentIds());
    assertThat(third.file("src/a/Broken.java").orElseThrow().problem()).isPresent();
    assertThat(packs.diagnostics()).isEmpty();
  }

  @Test
  void aGitTreesPackIsFoundByTheTreesIdWithoutListingItsFiles() {
    AtomicInteger listings = new AtomicInteger();
    SourceTree tree = withId(CodeIndexTest.tree(FILES), "4b825dc6", listings);
    FactsPacks packs = FactsPacks.in(temp.resolve("packs"));
    CodeIndex first = CodeIndex.build(tree, FactsCache.none(), packs, 2);
    CodeIndex.build(tree, FactsCache.none(), packs, 2);
    assertThat(listings).hasValue(2);

    CodeIndex packed = CodeIndex.build(tree, FactsCache.none(), packs, 2);

    assertThat(listings).hasValue(2); // not listed again
    assertThat(packed.stats().fromCache()).isEqualTo(3);
    assertThat(packed.files()).isEqualTo(first.files());
    assertThat(packed.contentIds()).isEqualTo(first.contentIds());
    assertThat(packed.contentsId())
        .isEqualTo(first.contentsId())
        .isEqualTo(CodeIndex.contentsId(new HashMap<>(first.contentIds())));
    // Another tree of the same files goes by its own id: listed, and its files read again.
    CodeIndex other =
        CodeIndex.build(
            withId(CodeIndexTest.tree(FILES), "9c1b", listings), FactsCache.none(), packs, 2);
    assertThat(listings).hasValue(3);
    assertThat(other.files()).isEqualTo(first.files());
  }

  @Test
  void theIdOfEveryFilesContentChangesWithAnyOfThem() {
    CodeIndex index = CodeIndex.build(CodeIndexTest.tree(FILES), FactsCache.none(), 1);
    Map<String, String> ids = new HashMap<>(index.contentIds());
    assertThat(index.contentsId()).isEqualTo(CodeIndex.contentsId(ids)).hasSize(40);

    String path = ids.keySet().iterator().next();
    ids.put(path, ids.get(path) + "!could not be read");
    assertThat(CodeIndex.contentsId(ids)).isNotEqualTo(index.contentsId());
    ids.remove(path);
    assertThat(CodeIndex.contentsId(ids)).isNotEqualTo(index.contentsId());
  }

  @Test
  void aTreeWithoutJavaFilesIsNeitherRememberedNorPacked() throws IOException {
    Path directory = temp.resolve("packs");
    FactsPacks packs = FactsPacks.in(directory);
    SourceTree docs = CodeIndexTest.tree(Map.of("README.md", "not java"));

    for (int i = 0; i < 2; i++) {
      assertThat(CodeIndex.build(docs, FactsCache.none(), packs, 1).files()).isEmpty();
    }

    assertThat(directory).doesNotExist();
  }

  @Test
  void aTreeSharingMostFilesWithTheLastPackReadsThoseFromIt() {
    FactsPacks packs = FactsPacks.in(temp.resolve("packs"));
    for (int i = 0; i < 2; i++) {
      CodeIndex.build(CodeIndexTest.tree(FILES), FactsCache.none(), packs, 1);
    }
    Map<String, String> edited = new HashMap<>(FILES);
    edited.put("src/a/B.java", "package a; class B { void go() { go(); } }");

    CodeIndex moved = CodeIndex.build(CodeIndexTest.tree(edited), FactsCache.none(), packs, 1);

    assertThat(moved.stats().extracted()).isEqualTo(1); // B alone: its content differs
    assertThat(moved.stats().fromCache()).isEqualTo(2);
    CodeIndex cold = CodeIndex.build(CodeIndexTest.tree(edited), FactsCache.none(), 1);
    assertThat(moved.files()).isEqualTo(cold.files());
    assertThat(moved.contentIds()).isEqualTo(cold.contentIds());
  }

  @Test
  void aTreeSharingFewFilesWithTheLastPackIsReadWithoutIt() {
    FactsPacks packs = FactsPacks.in(temp.resolve("packs"));
    for (int i = 0; i < 2; i++) {
      CodeIndex.build(CodeIndexTest.tree(FILES), FactsCache.none(), packs, 1);
    }
    Map<String, String> other = new HashMap<>();
    FILES.forEach((path, text) -> other.put(path, text + "\n// edited"));
    other.put("src/a/A.java", FILES.get("src/a/A.java"));

    CodeIndex far = CodeIndex.build(CodeIndexTest.tree(other), FactsCache.none(), packs, 1);

    assertThat(far.stats().extracted()).isEqualTo(3); // one of three files the same: no use
  }

  @Test
  void aDamagedFileOfAPackIsReadAgainWithOneWarning() throws IOException {
    // The pack as a whole is refused; the files whose facts are intact are still taken from it.
    readAgainWithOneByteFlipped(bytes -> bytes.length / 2, 1);
  }

  @Test
  void aPackWhoseListOfFilesIsDamagedIsNotReadAtAll() throws IOException {
    readAgainWithOneByteFlipped(bytes -> 14, 3); // in the first path
  }

  /**
   * Packs the tree, flips a bit of the byte at {@code at} in its pack, and indexes it again: {@code
   * extracted} files are parsed, the rest come from the pack, with one warning.
   */
  private void readAgainWithOneByteFlipped(ToIntFunction<byte[]> at, int extracted)
      throws IOException {
    SourceTree tree = CodeIndexTest.tree(FILES);
    Path directory = temp.resolve("packs");
    CodeIndex.build(tree, FactsCache.none(), FactsPacks.in(directory), 1);
    CodeIndex cold = CodeIndex.build(tree, FactsCache.none(), FactsPacks.in(directory), 1);
    Path pack = packsIn(directory).get(0);
    byte[] bytes = Files.readAllBytes(pack);
    bytes[at.applyAsInt(bytes)] ^= 0x01;
    Files.write(pack, bytes);

    FactsPacks packs = FactsPacks.in(directory);
    CodeIndex again = CodeIndex.build(tree, FactsCache.none(), packs, 1);

    assertThat(again.stats().extracted()).isEqualTo(extracted);
    assertThat(again.files()).isEqualTo(cold.files());
    assertThat(packs.diagnostics())
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("could not be read", "checksum"));
  }

  @Test
  void aTreeWithAFileThatCouldNotBeReadIsNotPacked() throws IOException {
    SourceTree failing = failingToRead(CodeIndexTest.tree(FILES), "src/a/B.java");
    Path directory = temp.resolve("packs");
    FactsPacks packs = FactsPacks.in(directory);

    for (int i = 0; i < 2; i++) {
      CodeIndex index = CodeIndex.build(failing, FactsCache.none(), packs, 1);
      assertThat(index.file("src/a/B.java").orElseThrow().problem())
          .hasValueSatisfying(p -> assertThat(p).contains("could not be read"));
    }
    assertThat(packsIn(directory)).isEmpty();
  }

  @Test
  void packsRoundTripAndRefuseDamage() throws IOException {
    List<FileFacts> files =
        new ArrayList<>(CodeIndex.build(CodeIndexTest.tree(FILES), FactsCache.none(), 1).files());
    files.add(FileFacts.unreadable("src/z/Z.java", "is larger than 2 MiB"));
    for (int i = 0; i < 200; i++) { // enough files for each thread to read some
      files.add(
          new FileFacts("src/m/M" + i + ".java", "m", List.of(), List.of(), Optional.empty()));
    }
    Map<String, String> blobIds = new HashMap<>();
    files.forEach(f -> blobIds.put(f.path(), "blob-" + f.path().length()));
    Path directory = temp.resolve("packs");
    FactsPacks packs = FactsPacks.in(directory);
    packs.offer("k", files, blobIds, "contents", 2);
    assertThat(packs.load("k", 2)).isEmpty(); // seen once: remembered, not stored
    packs.offer("k", files, blobIds, "contents", 2);

    assertThat(packs.load("k", 2).map(FactsPacks.Pack::facts)).hasValue(files);
    assertThat(packs.load("other", 2)).isEmpty();

    Path pack = directory.resolve("k.facts");
    byte[] bytes = Files.readAllBytes(pack);
    for (int length = 0; length < bytes.length; length += Math.max(1, bytes.length / 40)) {
      Files.write(pack, Arrays.copyOf(bytes, length));
      FactsPacks cut = FactsPacks.in(directory);
      assertThat(cut.load("k", 2)).isEmpty();
      assertThat(cut.diagnostics()).hasSize(1);
    }
    assertThat(packs.diagnostics()).isEmpty();
  }

  @Test
  void rowsAreCheckedAndTheirReferencesReadWhenAskedFor() {
    FileFacts facts =
        CodeIndex.build(CodeIndexTest.tree(FILES), FactsCache.none(), 1)
            .file("src/a/A.java")
            .orElseThrow();
    byte[] row = FactsCodec.encode(facts);
    FileFacts decoded = FactsCodec.decode("src/a/A.java", row);
    List<Reference> references = decoded.types().get(0).members().get(0).references();

    assertThat(references).isInstanceOf(FactsCodec.LazyReferences.class);
    MemberFact member = decoded.types().get(0).members().get(0);
    List<Reference> once = member.referencesOnce();
    assertThat(once).isEqualTo(facts.types().get(0).members().get(0).references());
    assertThat(member.referencesOnce()).isNotSameAs(once); // read for each pass, not kept
    references.get(0);
    assertThat(member.referencesOnce()).isSameAs(member.referencesOnce()); // kept once read
    assertThat(decoded).isEqualTo(facts);
    for (int i = 0; i < row.length; i++) {
      byte[] damaged = row.clone();
      damaged[i] ^= 0x10;
      assertThatThrownBy(() -> FactsCodec.decode("src/a/A.java", damaged))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  private static List<Path> packsIn(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.toString().endsWith(".facts")).toList();
    }
  }

  /** {@code tree} with the id {@code id}, counting in {@code listings} how often it is listed. */
  private static SourceTree withId(SourceTree tree, String id, AtomicInteger listings) {
    return new SourceTree() {
      @Override
      public Optional<String> id() {
        return Optional.of(id);
      }

      @Override
      public OptionalLong size(String p) {
        return tree.size(p);
      }

      @Override
      public Optional<byte[]> read(String p) {
        return tree.read(p);
      }

      @Override
      public List<String> paths() {
        listings.incrementAndGet();
        return tree.paths();
      }
    };
  }

  /** {@code tree}, but reading {@code path} fails as a damaged repository would. */
  private static SourceTree failingToRead(SourceTree tree, String path) {
    return new SourceTree() {
      @Override
      public OptionalLong size(String p) {
        return tree.size(p);
      }

      @Override
      public Optional<byte[]> read(String p) {
        if (p.equals(path)) {
          throw new UncheckedIOException(new IOException("bad object"));
        }
        return tree.read(p);
      }

      @Override
      public List<String> paths() {
        return tree.paths();
      }

      @Override
      public Optional<String> blobId(String p) {
        return tree.blobId(p); // listed, as in a tree whose blob is damaged
      }
    };
  }
}
